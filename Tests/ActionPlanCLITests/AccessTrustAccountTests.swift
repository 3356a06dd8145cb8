import Foundation
import Testing

/// Access control fails closed, tried by real OS accounts in the plans folder laid out as
/// docs/deploy-ssh.md says: a lead officer (`apt11a1-RUN`, Police) and the chair (`apt11a2-RUN`) in
/// the group `apt11a-RUN` (RUN: `OSAccounts.run`), each running the tool as themselves with `setpriv`, umask 002 as the guide's
/// forced command sets it. Making accounts needs root: outside CI they are skipped without it.
@Suite(.serialized, .enabled(if: getuid() == 0 || ProcessInfo.processInfo.environment["CI"] != nil,
                             "makes the OS accounts apt11a1-RUN and apt11a2-RUN, which needs root (in CI these tests always run)"))
struct AccessTrustAccountTests {
    static let group = "apt11a-\(OSAccounts.run)"
    static let lead = "apt11a1-\(OSAccounts.run)"
    static let chair = "apt11a2-\(OSAccounts.run)"

    @Test func aLeadCannotMoveTheAccessFileAsideAndOneTheyWroteIsNotObeyed() throws {
        let world = try GroupFolder(group: Self.group, lead: Self.lead, chair: Self.chair)
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
        let seized = try world.harrow(as: Self.lead, ["update", "2.3", "--due", "December 2016", "--reason", "mine now"])
        #expect(seized.status == 1)
        #expect(seized.stderr.contains("actionplan: plans/access.yaml is owned by \(Self.lead), not by root or the owner of plans (root), so \(Self.lead) could have written anything in it: it is not obeyed and nothing can be changed. Check what it says, then: chown root plans/access.yaml"), "\(seized.stderr)")
        #expect(try world.harrow(as: Self.chair, ["note", "2.3", "Chair's note"]).status == 1)
        #expect(!world.journalExists)
    }

    @Test func anAccessFileALeadPutsInTheStickyFolderIsNotObeyed() throws {
        let world = try GroupFolder(group: Self.group, lead: Self.lead, chair: Self.chair)
        defer { world.close() }
        // Before the administrator has installed one, a lead may create the name in the folder.
        try FileManager.default.removeItem(at: world.access)
        let planted = try world.shell(as: Self.lead, "printf 'people:\\n  - account: \(Self.lead)\\n    role: chair\\n' > plans/access.yaml")
        #expect(planted.status == 0, "\(planted.stderr)")
        let seized = try world.harrow(as: Self.lead, ["update", "2.3", "--due", "December 2016", "--reason", "mine now"])
        #expect(seized.status == 1)
        #expect(seized.stderr.contains("plans/access.yaml is owned by \(Self.lead), not by root or the owner of plans (root)"), "\(seized.stderr)")
        #expect(!world.journalExists)
    }

    @Test func deletingTheAccessFileStopsWritesOnceTwoAccountsHaveWritten() throws {
        let world = try GroupFolder(group: Self.group, lead: Self.lead, chair: Self.chair)
        defer { world.close() }
        let before = try world.removeAccessAfterTwoAuthors(lead: Self.lead, chair: Self.chair)
        for account in [Self.lead, Self.chair] {
            let refused = try world.harrow(as: account, ["note", "16.1", "Nobody is chair now"])
            #expect(refused.status == 1)
            #expect(refused.stderr.contains("actionplan: there is no plans/access.yaml, and plans is writable by group \(world.accounts.group) (mode 3775): without an access file nobody may change a plan in a shared folder."), "\(refused.stderr)")
        }
        #expect(try world.journalBytes() == before)

        // In the chair's own folder too, once the journal holds records by two accounts (here
        // through the service account's --as).
        try world.makePrivate(owner: Self.chair, access: "service_account: \(Self.chair)\npeople:\n  - account: \(Self.chair)\n    role: chair\n  - account: \(Self.lead)\n    role: lead\n    agencies: [Police]\n")
        #expect(try world.harrow(as: Self.chair, ["note", "2.3", "Chair's note"]).status == 0)
        #expect(try world.harrow(as: Self.chair, ["note", "16.1", "For the Police", "--as", Self.lead]).status == 0)
        let shared = try world.journalBytes()
        #expect(try world.shell(as: Self.chair, "rm plans/access.yaml").status == 0)
        let refused = try world.harrow(as: Self.chair, ["note", "2.3", "Mine alone now"])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("actionplan: there is no plans/access.yaml, but plans/harrow-vawg-2014-17.journal has records by 2 accounts (\(Self.lead), \(Self.chair)): without an access file nobody may change a plan that several people update."), "\(refused.stderr)")
        #expect(try world.journalBytes() == shared)
    }

    @Test func aDanglingLinkAsTheAccessFileIsRefused() throws {
        let world = try GroupFolder(group: Self.group, lead: Self.lead, chair: Self.chair)
        defer { world.close() }
        let before = try world.removeAccessAfterTwoAuthors(lead: Self.lead, chair: Self.chair)
        #expect(try world.shell(as: Self.lead, "ln -s /nonexistent/access.yaml plans/access.yaml").status == 0)
        let seized = try world.harrow(as: Self.lead, ["update", "2.3", "--due", "December 2016", "--reason", "mine now"])
        #expect(seized.status == 1)
        #expect(seized.stderr.contains("actionplan: plans/access.yaml is a symbolic link, not a regular file, so it is not obeyed and nothing can be changed until it is replaced by the real access file, owned by root with mode 0644 (see docs/access.md): rm plans/access.yaml"), "\(seized.stderr)")
        #expect(try world.journalBytes() == before)
    }

    /// A mode the guide's layout does not give, what the tool says of it, and the fix it names.
    struct LooseMode: Sendable, CustomTestStringConvertible {
        /// `access.yaml` or the plans folder itself.
        let file: String
        let mode: String
        let refusal: String
        let fix: String
        var testDescription: String { "\(file) mode \(mode)" }
    }

    static let looseModes = [
        LooseMode(file: "plans/access.yaml", mode: "664",
                  refusal: "plans/access.yaml is writable by group GROUP (mode 0664), who could give themselves any role: it is not obeyed and nothing can be changed until it is fixed: chmod 644 plans/access.yaml",
                  fix: "644"),
        LooseMode(file: "plans", mode: "2775",
                  refusal: "plans is writable by group GROUP (mode 2775) and has no sticky bit, so any of them could move plans/access.yaml aside and put their own in its place: it is not obeyed and nothing can be changed until it is fixed: chmod +t plans",
                  fix: "+t"),
    ]

    @Test(arguments: looseModes)
    func aLooseModeIsRefusedWithTheCommandThatFixesIt(_ loose: LooseMode) throws {
        let world = try GroupFolder(group: Self.group, lead: Self.lead, chair: Self.chair)
        defer { world.close() }
        let path = world.folder.appendingPathComponent(loose.file).path
        try world.root("/bin/chmod", [loose.mode, path])
        let refused = try world.harrow(as: Self.chair, ["note", "2.3", "Chair's note"])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("actionplan: " + loose.refusal.replacingOccurrences(of: "GROUP", with: world.accounts.group)), "\(refused.stderr)")
        #expect(!world.journalExists)
        try world.root("/bin/chmod", [loose.fix, path])
        #expect(try world.harrow(as: Self.chair, ["note", "2.3", "Chair's note"]).status == 0)
    }

    @Test func oneAccountInTheirOwnFolderNeedsNoAccessFileAndNobodyElseMayWrite() throws {
        let world = try GroupFolder(group: Self.group, lead: Self.lead, chair: Self.chair)
        defer { world.close() }
        try world.makePrivate(owner: Self.lead, access: nil)
        let first = try world.harrow(as: Self.lead, ["update", "2.3", "--due", "December 2016", "--reason", "trying the tool"])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stderr.contains("there is no access.yaml beside this plan, so whoever owns its folder may change anything, until a second account has recorded an update"))
        let second = try world.harrow(as: Self.lead, ["note", "2.3", "Still trying"])
        #expect(second.status == 0, "\(second.stderr)")
        #expect(second.stderr.isEmpty, "the open-access notice is said once: \(second.stderr)")
        // The journal is group-writable (umask 002), but the folder is not the chair's.
        let before = try world.journalBytes()
        let other = try world.harrow(as: Self.chair, ["note", "2.3", "Not my folder"])
        #expect(other.status == 1)
        #expect(other.stderr.contains("actionplan: there is no plans/access.yaml, and plans belongs to \(Self.lead): without an access file only \(Self.lead) may change a plan there."), "\(other.stderr)")
        #expect(try world.journalBytes() == before)
    }
}

extension GroupFolder {
    /// Has the lead and the chair each record a note, then removes the access file (as a lead
    /// with a shell might try to); the journal's bytes as they then stand.
    func removeAccessAfterTwoAuthors(lead: String, chair: String) throws -> Data {
        #expect(try harrow(as: lead, ["note", "16.1", "Custody suites screen for CSE"]).status == 0)
        #expect(try harrow(as: chair, ["note", "2.3", "Chair's note"]).status == 0)
        let bytes = try journalBytes()
        try FileManager.default.removeItem(at: access)
        return bytes
    }

    /// The tool as `account` on the Harrow plan: `arguments` then `--plan plans/harrow-vawg-2014-17.yaml`.
    func harrow(as account: String, _ arguments: [String]) throws -> Run {
        try tool(as: account, arguments + ["--plan", "plans/harrow-vawg-2014-17.yaml"])
    }
}
