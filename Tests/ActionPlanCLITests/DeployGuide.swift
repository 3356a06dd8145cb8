import Foundation

/// The SSH set-up as `docs/deploy-ssh.md` gives it: the test builds its server and its keys from
/// the guide's own lines, so what the guide tells an IT officer is what the test proves.
enum DeployGuide {
    static let path = Runner.root.appendingPathComponent("docs/deploy-ssh.md")

    /// The guide's `sshd_config` block for the service account (shape b), for `account` in place
    /// of the guide's `actionplan`.
    static func serviceAccountConfig(account: String) throws -> String {
        let lines = try text().split(separator: "\n", omittingEmptySubsequences: false)
        guard let start = lines.firstIndex(of: "# /etc/ssh/sshd_config.d/actionplan.conf, shape (b)"),
              let end = lines[start...].firstIndex(of: "```") else {
            throw SSHError.failed("\(path.path) has no block starting '# /etc/ssh/sshd_config.d/actionplan.conf, shape (b)'")
        }
        let block = lines[start..<end].joined(separator: "\n") + "\n"
        return try replacingOnce("Match User actionplan\n", with: "Match User \(account)\n", in: block, what: "the shape (b) block")
    }

    /// The guide's `authorized_keys` line for an officer, with this machine's binary and plan in
    /// place of the guide's, `officer` in place of `pc.jones`, and `publicKey` after the options.
    static func keyLine(binary: String, officer: String, plan: String, publicKey: String) throws -> String {
        guard let line = try text().split(separator: "\n").first(where: { $0.hasPrefix(#"command="/usr/local/bin/actionplan --as "#) }),
              let options = line.range(of: ",restrict,pty ") else {
            throw SSHError.failed("\(path.path) has no authorized_keys line starting 'command=\"/usr/local/bin/actionplan --as ' with ',restrict,pty '")
        }
        var forced = String(line[..<options.upperBound])
        forced = try replacingOnce(#""/usr/local/bin/actionplan "#, with: "\"\(binary) ", in: forced, what: "the key line")
        forced = try replacingOnce(" --as pc.jones ", with: " --as \(officer) ", in: forced, what: "the key line")
        forced = try replacingOnce(#" /srv/actionplan/plans/harrow-vawg-2014-17.yaml""#, with: " \(plan)\"", in: forced, what: "the key line")
        return forced + publicKey.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    private static func text() throws -> String {
        try String(contentsOf: path, encoding: .utf8)
    }

    /// `text` with its one `old` replaced; a guide that no longer reads so fails the test by name.
    private static func replacingOnce(_ old: String, with new: String, in text: String, what: String) throws -> String {
        guard text.components(separatedBy: old).count == 2 else {
            throw SSHError.failed("\(what) in \(path.path) should contain '\(old)' once:\n\(text)")
        }
        return text.replacingOccurrences(of: old, with: new)
    }
}
