import Foundation

/// The SSH set-up as `docs/deploy-ssh.md` gives it: the test builds its server and its keys from
/// the guide's own lines, so what the guide tells an IT officer is what the test proves.
enum DeployGuide {
    static let path = Runner.root.appendingPathComponent("docs/deploy-ssh.md")

    /// The guide's `sshd_config` block for one service account (shape b), for `account` in place
    /// of the guide's `actionplan`.
    static func serviceAccountConfig(account: String) throws -> String {
        try replacingOnce([("Match User actionplan\n", "Match User \(account)\n")], in: block("shape (b)"), what: "the shape (b) block")
    }

    /// The guide's `sshd_config` block for one account per officer (shape a), for `group` in
    /// place of the guide's `actionplan`, and this machine's binary and plan in place of the guide's.
    static func officerAccountsConfig(group: String, binary: String, plan: String) throws -> String {
        try replacingOnce([("Match Group actionplan\n", "Match Group \(group)\n"),
                           (" exec /usr/local/bin/actionplan /srv/actionplan/plans/harrow-vawg-2014-17.yaml\n", " exec \(binary) \(plan)\n")],
                          in: block("shape (a)"), what: "the shape (a) block")
    }

    /// The modes step 2 gives the plans folder and the files in it (plans and `access.yaml`),
    /// such as "3775" and "0644", read from its two `install` lines.
    static func layout() throws -> (folder: String, files: String) {
        let lines = try text().split(separator: "\n")
        func mode(_ prefix: String, _ suffix: String) throws -> String {
            guard let line = lines.first(where: { $0.hasPrefix(prefix) && $0.hasSuffix(suffix) }) else {
                throw SSHError.failed("\(path.path) has no line '\(prefix)MODE\(suffix)'")
            }
            return String(line.dropFirst(prefix.count).dropLast(suffix.count))
        }
        return (try mode("install -d -o root -g actionplan -m ", " /srv/actionplan/plans"),
                try mode("install -o root -g actionplan -m ", " harrow-vawg-2014-17.yaml access.yaml /srv/actionplan/plans/"))
    }

    /// The fenced block whose first line is `# /etc/ssh/sshd_config.d/actionplan.conf, SHAPE`.
    private static func block(_ shape: String) throws -> String {
        let title = "# /etc/ssh/sshd_config.d/actionplan.conf, \(shape)"
        let lines = try text().split(separator: "\n", omittingEmptySubsequences: false)
        guard let start = lines.firstIndex(where: { $0 == title }), let end = lines[start...].firstIndex(of: "```") else {
            throw SSHError.failed("\(path.path) has no block starting '\(title)'")
        }
        return lines[start..<end].joined(separator: "\n") + "\n"
    }

    /// The guide's `authorized_keys` line for an officer, with this machine's binary and plan in
    /// place of the guide's, `officer` in place of `pc.jones`, and `publicKey` after the options.
    static func keyLine(binary: String, officer: String, plan: String, publicKey: String) throws -> String {
        guard let line = try text().split(separator: "\n").first(where: { $0.hasPrefix(#"command="/usr/local/bin/actionplan --as "#) }),
              let options = line.range(of: ",restrict,pty ") else {
            throw SSHError.failed("\(path.path) has no authorized_keys line starting 'command=\"/usr/local/bin/actionplan --as ' with ',restrict,pty '")
        }
        let forced = try replacingOnce([(#""/usr/local/bin/actionplan "#, "\"\(binary) "), (" --as pc.jones ", " --as \(officer) "),
                                        (#" /srv/actionplan/plans/harrow-vawg-2014-17.yaml""#, " \(plan)\"")],
                                       in: String(line[..<options.upperBound]), what: "the key line")
        return forced + publicKey.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    private static func text() throws -> String {
        try String(contentsOf: path, encoding: .utf8)
    }

    /// `text` with each `old` (found once) replaced by its `new`; a guide that no longer reads so
    /// fails the test by name.
    private static func replacingOnce(_ replacements: [(old: String, new: String)], in text: String, what: String) throws -> String {
        var result = text
        for (old, new) in replacements {
            guard result.components(separatedBy: old).count == 2 else {
                throw SSHError.failed("\(what) in \(path.path) should contain '\(old)' once:\n\(text)")
            }
            result = result.replacingOccurrences(of: old, with: new)
        }
        return result
    }
}
