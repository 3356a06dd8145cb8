import ActionPlanModel
@testable import ActionPlanStore
import Foundation
import Testing

/// The trust rule on its own: given what the folder, the access file and the journal are, who
/// owns them, their modes, and who wrote the journal, is the access file obeyed?
@Suite struct AccessTrustTests {
    static let root: uid_t = 0
    static let lead: uid_t = 1001
    static let chair: uid_t = 1002

    /// A file or folder with `mode`, owned by `owner`, in the group `actionplan` that others share
    /// unless `privateGroup`.
    static func facts(_ kind: FileFacts.Kind = .regular, owner: uid_t = root, mode: mode_t, privateGroup: Bool = false) -> FileFacts {
        let names = [root: "root", lead: "pjones", chair: "jsmith"]
        return FileFacts(kind: kind, owner: owner, ownerName: names[owner] ?? "uid \(owner)", group: 900,
                         groupName: privateGroup ? (names[owner] ?? "") : "actionplan", mode: mode, groupIsOwnerAlone: privateGroup)
    }

    /// The documented layout (docs/deploy-ssh.md): a root folder of group actionplan, mode 3775,
    /// with a root-owned access file of mode 0644 and a journal of mode 0664; changes as given.
    static func deployed(folder: FileFacts = facts(.directory, mode: 0o3775), access: FileFacts? = facts(mode: 0o644),
                         journal: FileFacts? = facts(owner: lead, mode: 0o664), authors: Set<String> = ["pjones", "jsmith"],
                         running: uid_t = lead) -> TrustFacts {
        TrustFacts(folderPath: "plans", folder: folder, accessPath: "plans/access.yaml", access: access,
                   journalPath: "plans/harrow.journal", journal: journal, authors: authors, running: running)
    }

    /// The refusal's message, or nil when the verdict is not a refusal.
    static func refusal(_ facts: TrustFacts) -> String? {
        if case .refuse(let message) = facts.verdict { return message }
        return nil
    }

    @Test func theDocumentedLayoutIsObeyed() {
        #expect(Self.deployed().verdict == .obey)
        // Before the first update there is no journal.
        #expect(Self.deployed(journal: nil, authors: []).verdict == .obey)
        // A coordinator's own folder and access file (shape a without root), writable by them alone.
        #expect(Self.deployed(folder: Self.facts(.directory, owner: Self.chair, mode: 0o755),
                              access: Self.facts(owner: Self.chair, mode: 0o644)).verdict == .obey)
        // A folder everyone may write, like /tmp, holds a root-owned access file with the sticky bit.
        #expect(Self.deployed(folder: Self.facts(.directory, mode: 0o1777)).verdict == .obey)
    }

    @Test func anAccessFileALeadOwnsIsNotObeyedWhateverItsMode() {
        for mode: mode_t in [0o664, 0o644, 0o600] {
            let message = Self.refusal(Self.deployed(access: Self.facts(owner: Self.lead, mode: mode)))
            #expect(message == "plans/access.yaml is owned by pjones, not by root or the owner of plans (root), so pjones could have "
                + "written anything in it: it is not obeyed and nothing can be changed. Check what it says, then: chown root plans/access.yaml")
        }
    }

    @Test func aGroupWritableAccessFileIsNotObeyedUnlessTheGroupIsItsOwnersAlone() {
        #expect(Self.refusal(Self.deployed(access: Self.facts(mode: 0o664))) == "plans/access.yaml is writable by group actionplan "
            + "(mode 0664), who could give themselves any role: it is not obeyed and nothing can be changed until it is fixed: chmod 644 plans/access.yaml")
        #expect(Self.refusal(Self.deployed(access: Self.facts(mode: 0o646)))?.contains("writable by every account (mode 0646)") == true)
        // A user private group (Debian's default) holds nobody else: its write bit is harmless.
        #expect(Self.deployed(access: Self.facts(mode: 0o664, privateGroup: true)).verdict == .obey)
    }

    @Test func aSharedFolderWithoutTheStickyBitLetsTheAccessFileBeMovedAside() {
        #expect(Self.refusal(Self.deployed(folder: Self.facts(.directory, mode: 0o2775))) == "plans is writable by group actionplan "
            + "(mode 2775) and has no sticky bit, so any of them could move plans/access.yaml aside and put their own in its place: "
            + "it is not obeyed and nothing can be changed until it is fixed: chmod +t plans")
        #expect(Self.refusal(Self.deployed(folder: Self.facts(.directory, mode: 0o0777)))?.hasSuffix("chmod +t plans") == true)
        // Writable by its owner alone, a folder needs no sticky bit.
        #expect(Self.deployed(folder: Self.facts(.directory, mode: 0o0755)).verdict == .obey)
        #expect(Self.deployed(folder: Self.facts(.directory, mode: 0o2775, privateGroup: true)).verdict == .obey)
    }

    @Test func aFolderAnotherAccountOwnsCouldHaveTheAccessFileReplaced() {
        let message = Self.refusal(Self.deployed(folder: Self.facts(.directory, owner: Self.lead, mode: 0o755)))
        #expect(message == "plans belongs to pjones, who could replace plans/access.yaml: it is not obeyed and nothing can be changed "
            + "until it is fixed: chown root plans")
    }

    @Test func anAccessFileThatIsNotARegularFileIsNotObeyed() {
        let link = Self.refusal(Self.deployed(access: Self.facts(.symbolicLink, owner: Self.lead, mode: 0o777)))
        #expect(link == "plans/access.yaml is a symbolic link, not a regular file, so it is not obeyed and nothing can be changed "
            + "until it is replaced by the real access file, owned by root with mode 0644 (see docs/access.md): rm plans/access.yaml")
        #expect(Self.refusal(Self.deployed(access: Self.facts(.fifo, mode: 0o644)))?.hasPrefix("plans/access.yaml is a FIFO, not a regular file") == true)
        #expect(Self.refusal(Self.deployed(access: Self.facts(.directory, mode: 0o755)))?.hasSuffix("rmdir plans/access.yaml") == true)
    }

    @Test func withNoAccessFileASharedFolderStopsEveryChange() {
        let message = Self.refusal(Self.deployed(access: nil))
        #expect(message == "there is no plans/access.yaml, and plans is writable by group actionplan (mode 3775): without an access "
            + "file nobody may change a plan in a shared folder. Put one there, owned by root with mode 0644 (see docs/access.md): "
            + "install -o root -m 0644 ACCESS-FILE plans/access.yaml")
        // Even before anybody has written.
        #expect(Self.refusal(Self.deployed(access: nil, journal: nil, authors: [])) == message)
    }

    @Test func withNoAccessFileOneAccountsOwnFolderIsOpenUntilASecondAccountHasWritten() {
        let mine = Self.facts(.directory, owner: Self.chair, mode: 0o755)
        let own = Self.deployed(folder: mine, access: nil, journal: Self.facts(owner: Self.chair, mode: 0o644), authors: ["jsmith"], running: Self.chair)
        #expect(own.verdict == .open)
        #expect(Self.deployed(folder: mine, access: nil, journal: nil, authors: [], running: Self.chair).verdict == .open)
        // umask 002 with a user private group: the folder is still one account's.
        #expect(Self.deployed(folder: Self.facts(.directory, owner: Self.chair, mode: 0o775, privateGroup: true), access: nil,
                              journal: nil, authors: [], running: Self.chair).verdict == .open)

        var shared = own
        shared.authors = ["jsmith", "pjones"]
        #expect(Self.refusal(shared) == "there is no plans/access.yaml, but plans/harrow.journal has records by 2 accounts (jsmith, pjones): "
            + "without an access file nobody may change a plan that several people update. Put one there, owned by root with mode 0644 "
            + "(see docs/access.md): install -o root -m 0644 ACCESS-FILE plans/access.yaml")
    }

    @Test func withNoAccessFileOnlyTheFoldersOwnerOrRootMayChangeIt() {
        let theirs = Self.deployed(folder: Self.facts(.directory, owner: Self.chair, mode: 0o755), access: nil, journal: nil, authors: [])
        #expect(Self.refusal(theirs)?.hasPrefix("there is no plans/access.yaml, and plans belongs to jsmith: without an access file only jsmith may change a plan there.") == true)
        var asRoot = theirs
        asRoot.running = Self.root
        #expect(asRoot.verdict == .open)
    }

    @Test func theJournalMustBeARegularFileThatNotEveryoneMayWrite() {
        #expect(Self.refusal(Self.deployed(journal: Self.facts(.symbolicLink, owner: Self.lead, mode: 0o777)))
            == "plans/harrow.journal is a symbolic link, not a regular file, so nothing is written through it; "
            + "look at it (ls -l plans/harrow.journal) and remove it: rm plans/harrow.journal")
        #expect(Self.refusal(Self.deployed(journal: Self.facts(.fifo, owner: Self.lead, mode: 0o666)))?.hasPrefix("plans/harrow.journal is a FIFO") == true)
        #expect(Self.refusal(Self.deployed(journal: Self.facts(owner: Self.lead, mode: 0o666))) == "plans/harrow.journal is writable by "
            + "every account (mode 0666), so anyone could write records into it; nothing is written until it is fixed: chmod o-w plans/harrow.journal")
        // In one account's own folder too, and with no access file.
        #expect(Self.refusal(Self.deployed(folder: Self.facts(.directory, owner: Self.chair, mode: 0o755), access: nil,
                                           journal: Self.facts(.symbolicLink, owner: Self.chair, mode: 0o777), authors: [], running: Self.chair)) != nil)
    }

    @Test func aFolderEveryoneMayWriteNeedsTheStickyBitEvenWithoutAnAccessFile() {
        let message = Self.refusal(Self.deployed(folder: Self.facts(.directory, owner: Self.chair, mode: 0o777), access: nil, running: Self.chair))
        #expect(message == "plans is writable by every account (mode 0777) and has no sticky bit, so anyone could replace the journal "
            + "or access.yaml in it; nothing can be changed until it is fixed: chmod +t plans")
    }

    @Test func commandsQuoteAPathTheShellWouldSplit() {
        var facts = Self.deployed(access: Self.facts(mode: 0o664))
        facts.accessPath = "my plans/access.yaml"
        #expect(Self.refusal(facts)?.hasSuffix("chmod 644 'my plans/access.yaml'") == true)
        #expect(Shell.quote("it's") == #"'it'\''s'"#)
        #expect(Shell.quote("-rf") == "'-rf'")
    }
}
