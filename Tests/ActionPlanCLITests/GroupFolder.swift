import Foundation

/// A plans folder as docs/deploy-ssh.md lays it out for shape (a) (modes read from the guide):
/// owned by root and a group, holding the Harrow plan and an access file that makes one account
/// chair and another a Police lead; both accounts in that group; and a copy of the tool they can
/// run. `close` removes the accounts, the group and the folder.
final class GroupFolder {
    let folder: URL
    let accounts: OSAccounts
    var plans: URL { folder.appendingPathComponent("plans") }
    var access: URL { plans.appendingPathComponent("access.yaml") }
    var journal: URL { plans.appendingPathComponent("harrow-vawg-2014-17.journal") }
    private var binary: URL { folder.appendingPathComponent("bin/actionplan") }

    init(group: String, lead: String, chair: String) throws {
        folder = try Runner.temporaryFolder()
        do {
            accounts = try OSAccounts([lead, chair], group: group, homesIn: folder.appendingPathComponent("home"))
        } catch {
            try? FileManager.default.removeItem(at: folder)
            throw error
        }
        do {
            try setUp(lead: lead, chair: chair)
        } catch {
            close()
            throw error
        }
    }

    private func setUp(lead: String, chair: String) throws {
        try FileManager.default.createDirectory(at: binary.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Runner.binary, to: binary)
        try root("/bin/chmod", ["755", folder.path, binary.deletingLastPathComponent().path, binary.path, accounts.homes.path])
        let layout = try DeployGuide.layout()
        try root("/usr/bin/install", ["-d", "-o", "root", "-g", accounts.group, "-m", layout.folder, plans.path])
        try """
            people:
              - account: \(chair)
                role: chair
              - account: \(lead)
                role: lead
                agencies: [Police]

            """.write(to: folder.appendingPathComponent("access.yaml"), atomically: true, encoding: .utf8)
        try root("/usr/bin/install", ["-o", "root", "-g", accounts.group, "-m", layout.files,
                                      Runner.root.appendingPathComponent("plans/harrow-vawg-2014-17.yaml").path,
                                      folder.appendingPathComponent("access.yaml").path, plans.path])
    }

    /// Makes the plans folder `owner`'s own, mode 0755 and empty but for the plan and, when
    /// given, an access file of theirs with `access` in it.
    func makePrivate(owner: String, access text: String?) throws {
        for name in try FileManager.default.contentsOfDirectory(atPath: plans.path) where name != "harrow-vawg-2014-17.yaml" {
            try FileManager.default.removeItem(at: plans.appendingPathComponent(name))
        }
        try root("/bin/chown", ["\(owner):\(accounts.group)", plans.path])
        try root("/bin/chmod", ["0755", plans.path])
        if let text {
            try text.write(to: access, atomically: true, encoding: .utf8)
            try root("/bin/chown", [owner, access.path])
            try root("/bin/chmod", ["0644", access.path])
        }
    }

    /// Runs `program` as root (the test itself), failing the test if it fails.
    func root(_ program: String, _ arguments: [String]) throws {
        try OSAccounts.root(program, arguments)
    }

    /// `sh -c command` in the folder as `account`, in the group, with umask 002 and their own home.
    func shell(as account: String, _ command: String) throws -> Run {
        try accounts.run(as: account, ["/bin/sh", "-c", "umask 002; \(command)"], in: folder)
    }

    /// The tool as `account`, in the folder, with the forced command's umask 002.
    func tool(as account: String, _ arguments: [String]) throws -> Run {
        try accounts.run(as: account, ["/bin/sh", "-c", #"umask 002; exec "$@""#, "sh", binary.path] + arguments, in: folder)
    }

    var journalExists: Bool { FileManager.default.fileExists(atPath: journal.path) }

    func journalBytes() throws -> Data { try Data(contentsOf: journal) }

    private func info(_ path: String) -> stat? {
        var info = stat()
        return lstat(folder.appendingPathComponent(path).path, &info) == 0 ? info : nil
    }

    /// The owner's uid of `path` within the folder.
    func owner(_ path: String) -> uid_t? { info(path)?.st_uid }

    /// The permission bits of `path` within the folder.
    func mode(_ path: String) -> mode_t? { info(path).map { $0.st_mode & 0o7777 } }

    func close() {
        accounts.remove()
        try? FileManager.default.removeItem(at: folder)
    }
}
