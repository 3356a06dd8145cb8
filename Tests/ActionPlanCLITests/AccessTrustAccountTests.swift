import Foundation
import Testing

/// Access control fails closed, tried by real OS accounts in the plans folder laid out as
/// docs/deploy-ssh.md says: a lead officer (`apt11a1`, Police) and the chair (`apt11a2`) in the
/// group `apt11a`, each running the tool as themselves with `setpriv`, umask 002 as the guide's
/// forced command sets it. Making accounts needs root: outside CI they are skipped without it.
@Suite(.serialized, .enabled(if: getuid() == 0 || ProcessInfo.processInfo.environment["CI"] != nil,
                             "makes the OS accounts apt11a1 and apt11a2, which needs root (in CI these tests always run)"))
struct AccessTrustAccountTests {
    static let lead = "apt11a1"
    static let chair = "apt11a2"

    @Test func aLeadCannotMoveTheAccessFileAsideAndOneTheyWroteIsNotObeyed() throws {
        let world = try GroupFolder()
        defer { world.close() }
        // The guide's sticky folder: the lead may not rename root's file.
        let moved = try world.shell(as: Self.lead, "mv plans/access.yaml plans/access.old")
        #expect(moved.status != 0)
        #expect(moved.stderr.contains("Operation not permitted"), "\(moved.stderr)")
        #expect(world.owner("plans/access.yaml") == 0)

        // The earlier 2775 folder let them; the file they write in its place is theirs, mode 0664.
        try world.root("/bin/chmod", ["2775", world.plans.path])
        let planted = try world.shell(as: Self.lead, "mv plans/access.yaml plans/access.old && printf 'people:\\n  - account: \(Self.lead)\\n    role: chair\\n' > plans/access.yaml")
        #expect(planted.status == 0, "\(planted.stderr)")
        #expect(world.mode("plans/access.yaml") == 0o664)
        let seized = try world.tool(as: Self.lead, ["update", "2.3", "--due", "December 2016", "--reason", "mine now"])
        #expect(seized.status == 1)
        #expect(seized.stderr.contains("actionplan: plans/access.yaml is owned by \(Self.lead), not by root or the owner of plans (root), so \(Self.lead) could have written anything in it: it is not obeyed and nothing can be changed. Check what it says, then: chown root plans/access.yaml"), "\(seized.stderr)")
        #expect(try world.tool(as: Self.chair, ["note", "2.3", "Chair's note"]).status == 1)
        #expect(!world.journalExists)
    }

    @Test func anAccessFileALeadPutsInTheStickyFolderIsNotObeyed() throws {
        let world = try GroupFolder()
        defer { world.close() }
        // Before the administrator has installed one, a lead may create the name in the folder.
        try FileManager.default.removeItem(at: world.access)
        let planted = try world.shell(as: Self.lead, "printf 'people:\\n  - account: \(Self.lead)\\n    role: chair\\n' > plans/access.yaml")
        #expect(planted.status == 0, "\(planted.stderr)")
        let seized = try world.tool(as: Self.lead, ["update", "2.3", "--due", "December 2016", "--reason", "mine now"])
        #expect(seized.status == 1)
        #expect(seized.stderr.contains("plans/access.yaml is owned by \(Self.lead), not by root or the owner of plans (root)"), "\(seized.stderr)")
        #expect(!world.journalExists)
    }

    @Test func deletingTheAccessFileStopsWritesOnceTwoAccountsHaveWritten() throws {
        let world = try GroupFolder()
        defer { world.close() }
        #expect(try world.tool(as: Self.lead, ["note", "16.1", "Custody suites screen for CSE"]).status == 0)
        #expect(try world.tool(as: Self.chair, ["note", "2.3", "Chair's note"]).status == 0)
        let before = try world.journalBytes()
        try FileManager.default.removeItem(at: world.access)
        for account in [Self.lead, Self.chair] {
            let refused = try world.tool(as: account, ["note", "16.1", "Nobody is chair now"])
            #expect(refused.status == 1)
            #expect(refused.stderr.contains("actionplan: there is no plans/access.yaml, and plans is writable by group \(GroupFolder.group) (mode 3775): without an access file nobody may change a plan in a shared folder."), "\(refused.stderr)")
        }
        #expect(try world.journalBytes() == before)

        // In the chair's own folder too, once the journal holds records by two accounts (here
        // through the service account's --as).
        try world.makePrivate(owner: Self.chair, access: "service_account: \(Self.chair)\npeople:\n  - account: \(Self.chair)\n    role: chair\n  - account: \(Self.lead)\n    role: lead\n    agencies: [Police]\n")
        #expect(try world.tool(as: Self.chair, ["note", "2.3", "Chair's note"]).status == 0)
        #expect(try world.tool(as: Self.chair, ["note", "16.1", "For the Police", "--as", Self.lead]).status == 0)
        let shared = try world.journalBytes()
        #expect(try world.shell(as: Self.chair, "rm plans/access.yaml").status == 0)
        let refused = try world.tool(as: Self.chair, ["note", "2.3", "Mine alone now"])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("actionplan: there is no plans/access.yaml, but plans/harrow-vawg-2014-17.journal has records by 2 accounts (\(Self.lead), \(Self.chair)): without an access file nobody may change a plan that several people update."), "\(refused.stderr)")
        #expect(try world.journalBytes() == shared)
    }

    @Test func aDanglingLinkAsTheAccessFileIsRefused() throws {
        let world = try GroupFolder()
        defer { world.close() }
        #expect(try world.tool(as: Self.lead, ["note", "16.1", "Custody suites screen for CSE"]).status == 0)
        #expect(try world.tool(as: Self.chair, ["note", "2.3", "Chair's note"]).status == 0)
        let before = try world.journalBytes()
        try FileManager.default.removeItem(at: world.access)
        #expect(try world.shell(as: Self.lead, "ln -s /nonexistent/access.yaml plans/access.yaml").status == 0)
        let seized = try world.tool(as: Self.lead, ["update", "2.3", "--due", "December 2016", "--reason", "mine now"])
        #expect(seized.status == 1)
        #expect(seized.stderr.contains("actionplan: plans/access.yaml is a symbolic link, not a regular file, so it is not obeyed and nothing can be changed until it is replaced by the real access file, owned by root with mode 0644 (see docs/access.md): rm plans/access.yaml"), "\(seized.stderr)")
        #expect(try world.journalBytes() == before)
    }

    @Test func aGroupWritableAccessFileIsRefusedWithTheCommandThatFixesIt() throws {
        let world = try GroupFolder()
        defer { world.close() }
        try world.root("/bin/chmod", ["664", world.access.path])
        let refused = try world.tool(as: Self.chair, ["note", "2.3", "Chair's note"])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("actionplan: plans/access.yaml is writable by group \(GroupFolder.group) (mode 0664), who could give themselves any role: it is not obeyed and nothing can be changed until it is fixed: chmod 644 plans/access.yaml"), "\(refused.stderr)")
        #expect(!world.journalExists)
        try world.root("/bin/chmod", ["644", world.access.path])
        #expect(try world.tool(as: Self.chair, ["note", "2.3", "Chair's note"]).status == 0)
    }

    @Test func aGroupWritableFolderWithoutTheStickyBitIsRefusedWithChmodT() throws {
        let world = try GroupFolder()
        defer { world.close() }
        try world.root("/bin/chmod", ["2775", world.plans.path])
        let refused = try world.tool(as: Self.chair, ["note", "2.3", "Chair's note"])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("actionplan: plans is writable by group \(GroupFolder.group) (mode 2775) and has no sticky bit, so any of them could move plans/access.yaml aside and put their own in its place: it is not obeyed and nothing can be changed until it is fixed: chmod +t plans"), "\(refused.stderr)")
        #expect(!world.journalExists)
        try world.root("/bin/chmod", ["+t", world.plans.path])
        #expect(try world.tool(as: Self.chair, ["note", "2.3", "Chair's note"]).status == 0)
    }

    @Test func oneAccountInTheirOwnFolderNeedsNoAccessFileAndNobodyElseMayWrite() throws {
        let world = try GroupFolder()
        defer { world.close() }
        try world.makePrivate(owner: Self.lead, access: nil)
        let first = try world.tool(as: Self.lead, ["update", "2.3", "--due", "December 2016", "--reason", "trying the tool"])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stderr.contains("there is no access.yaml beside this plan, so whoever owns its folder may change anything, until a second account has recorded an update"))
        let second = try world.tool(as: Self.lead, ["note", "2.3", "Still trying"])
        #expect(second.status == 0, "\(second.stderr)")
        #expect(second.stderr.isEmpty, "the open-access notice is said once: \(second.stderr)")
        // The journal is group-writable (umask 002), but the folder is not the chair's.
        let before = try world.journalBytes()
        let other = try world.tool(as: Self.chair, ["note", "2.3", "Not my folder"])
        #expect(other.status == 1)
        #expect(other.stderr.contains("actionplan: there is no plans/access.yaml, and plans belongs to \(Self.lead): without an access file only \(Self.lead) may change a plan there."), "\(other.stderr)")
        #expect(try world.journalBytes() == before)
    }
}

/// A plans folder as docs/deploy-ssh.md lays it out (modes read from the guide), owned by root
/// and the group `apt11a`, holding the Harrow plan and an access file that makes `apt11a2` chair
/// and `apt11a1` a Police lead; the two accounts, in that group; and a copy of the tool they can
/// run. `close` removes the accounts, the group and the folder.
final class GroupFolder {
    static let group = "apt11a"
    let folder: URL
    var plans: URL { folder.appendingPathComponent("plans") }
    var access: URL { plans.appendingPathComponent("access.yaml") }
    var journal: URL { plans.appendingPathComponent("harrow-vawg-2014-17.journal") }
    private var binary: URL { folder.appendingPathComponent("bin/actionplan") }

    init() throws {
        folder = try Runner.temporaryFolder()
        do {
            try setUp()
        } catch {
            close()
            throw error
        }
    }

    private func setUp() throws {
        // Left over from a run that was killed before it could clean up.
        removeAccounts()
        try root("/usr/sbin/groupadd", [Self.group])
        for account in [AccessTrustAccountTests.lead, AccessTrustAccountTests.chair] {
            let home = folder.appendingPathComponent("home/\(account)")
            try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
            try root("/usr/sbin/useradd", ["--no-create-home", "--home-dir", home.path, "--gid", Self.group, "--shell", "/bin/sh", "--password", "*", account])
            try root("/bin/chown", [account, home.path])
        }
        try FileManager.default.createDirectory(at: binary.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Runner.binary, to: binary)
        try root("/bin/chmod", ["755", folder.path, binary.deletingLastPathComponent().path, binary.path])
        let layout = try DeployGuide.layout()
        try root("/usr/bin/install", ["-d", "-o", "root", "-g", Self.group, "-m", layout.folder, plans.path])
        try """
            people:
              - account: \(AccessTrustAccountTests.chair)
                role: chair
              - account: \(AccessTrustAccountTests.lead)
                role: lead
                agencies: [Police]

            """.write(to: folder.appendingPathComponent("access.yaml"), atomically: true, encoding: .utf8)
        try root("/usr/bin/install", ["-o", "root", "-g", Self.group, "-m", layout.files,
                                      Runner.root.appendingPathComponent("plans/harrow-vawg-2014-17.yaml").path,
                                      folder.appendingPathComponent("access.yaml").path, plans.path])
    }

    /// Makes the plans folder `owner`'s own, mode 0755 and empty but for the plan and, when
    /// given, an access file of theirs with `access` in it.
    func makePrivate(owner: String, access text: String?) throws {
        for name in try FileManager.default.contentsOfDirectory(atPath: plans.path) where name != "harrow-vawg-2014-17.yaml" {
            try FileManager.default.removeItem(at: plans.appendingPathComponent(name))
        }
        try root("/bin/chown", ["\(owner):\(Self.group)", plans.path])
        try root("/bin/chmod", ["0755", plans.path])
        if let text {
            try text.write(to: access, atomically: true, encoding: .utf8)
            try root("/bin/chown", [owner, access.path])
            try root("/bin/chmod", ["0644", access.path])
        }
    }

    /// Runs `program` as root (the test itself), failing the test if it fails.
    func root(_ program: String, _ arguments: [String]) throws {
        let run = try Runner.run(arguments, in: folder, program: URL(fileURLWithPath: program), timeout: 30)
        guard run.status == 0 else { throw SSHError.failed("\(program) \(arguments.joined(separator: " ")) failed: \(run.stderr)") }
    }

    /// `sh -c command` in the folder as `account`, in the group, with umask 002 and their own home.
    func shell(as account: String, _ command: String) throws -> Run {
        try run(as: account, ["/bin/sh", "-c", "umask 002; \(command)"])
    }

    /// The tool as `account` on the Harrow plan: `arguments` then `--plan plans/harrow-vawg-2014-17.yaml`.
    func tool(as account: String, _ arguments: [String]) throws -> Run {
        try run(as: account, ["/bin/sh", "-c", #"umask 002; exec "$@""#, "sh", binary.path] + arguments + ["--plan", "plans/harrow-vawg-2014-17.yaml"])
    }

    private func run(as account: String, _ command: [String]) throws -> Run {
        let home = folder.appendingPathComponent("home/\(account)").path
        return try Runner.run(["--reuid=\(account)", "--regid=\(Self.group)", "--init-groups", "--", "/usr/bin/env", "HOME=\(home)", "USER=\(account)"] + command,
                              in: folder, program: URL(fileURLWithPath: "/usr/bin/setpriv"), timeout: 30)
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

    private func removeAccounts() {
        for account in [AccessTrustAccountTests.lead, AccessTrustAccountTests.chair] where getpwnam(account) != nil {
            try? root("/usr/sbin/userdel", [account])
        }
        if getgrnam(Self.group) != nil { try? root("/usr/sbin/groupdel", [Self.group]) }
    }

    func close() {
        removeAccounts()
        try? FileManager.default.removeItem(at: folder)
    }
}
