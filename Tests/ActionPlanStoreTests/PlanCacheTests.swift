import ActionPlanModel
@testable import ActionPlanStore
import Foundation
import Testing

/// The load cache is only ever a copy: whatever happens to the plan, the journal or the cache
/// itself, opening a plan gives what reading both files in full would give.
@Suite struct PlanCacheTests {
    /// What a full read of both files gives, with no cache involved.
    private func fullRead(_ fixture: JournalFixture) throws -> (plan: LoadedPlan, journal: LoadedJournal) {
        let loaded = PlanLoader.load(path: fixture.planPath)
        let plan = try #require(loaded.plan)
        return (loaded, JournalFile.read(path: fixture.journalPath, plan: plan))
    }

    private func expectSame(_ opened: OpenedPlan, as full: (plan: LoadedPlan, journal: LoadedJournal)) throws {
        let journal = try #require(opened.journal)
        let plan = try #require(full.plan.plan)
        #expect(opened.loaded.plan == plan)
        #expect(opened.current == plan.folded(with: full.journal.journal, through: .last(ofMonth: 12, year: 9999)))
        #expect(opened.loaded.diagnostics == full.plan.diagnostics)
        #expect(journal.journal == full.journal.journal)
        #expect(journal.problems == full.journal.problems)
        #expect(journal.length == full.journal.length)
        #expect(journal.chainBreak == full.journal.chainBreak)
    }

    private func cachePath(_ fixture: JournalFixture) throws -> String {
        let folder = try #require(fixture.folders.cache)
        return folder + "/" + PlanCache.name(forPlan: try #require(PrivateFolder.resolved(fixture.planPath)))
    }

    @Test func aSecondOpenGivesWhatAFullReadGives() throws {
        let fixture = try JournalFixture()
        defer { fixture.remove() }
        try fixture.append(Change(outputID: "1.1", status: .atRisk, note: "Trainer off sick: £120 “cover”"), by: "pc.jones")
        try fixture.append(Change(outputID: "1.2", due: "June 2015", reason: "court backlog"), by: "chair", at: "2015-05-02T10:00:00Z")
        try fixture.append(Change(outputID: "1.3", lead: ["LSCB", "Police"]), by: "chair", at: "2015-05-03T10:00:00Z")

        _ = fixture.open()
        try expectSame(fixture.open(), as: try fullRead(fixture))
    }

    @Test func aCacheWrittenAlongsideTheCommandIsThereOnceItIsDone() throws {
        let fixture = try JournalFixture()
        defer { fixture.remove() }
        try fixture.append(Change(outputID: "1.1", status: .atRisk, note: "Venue lost"), by: "pc.jones")
        let first = PlanStore.open(path: fixture.planPath, folders: fixture.folders, caching: .alongside)
        #expect(!first.usedCache)
        #expect(first.current?.entry("1.1")?.output.status == .atRisk)
        Unfinished.finish()
        #expect(FileManager.default.fileExists(atPath: try cachePath(fixture)))
        let second = fixture.open()
        #expect(second.usedCache)
        try expectSame(second, as: try fullRead(fixture))
    }

    @Test func writingACacheRemovesTheTemporaryFilesOfWritesCutOffAnHourAgoOrMore() throws {
        let fixture = try JournalFixture()
        defer { fixture.remove() }
        _ = fixture.open()
        let cache = try cachePath(fixture)
        let cutOff = cache + ".0123456789abcdef.tmp", writing = cache + ".fedcba9876543210.tmp"
        let othersCutOff = try #require(fixture.folders.cache) + "/other.cache.0123456789abcdef.tmp"
        for file in [cutOff, writing, othersCutOff] {
            #expect(FileManager.default.createFile(atPath: file, contents: Data("partial".utf8), attributes: [.posixPermissions: 0o600]))
        }
        // Cut off on 1 January 2000; `writing` was made just now.
        let longAgo: [FileAttributeKey: Any] = [.modificationDate: Date(timeIntervalSince1970: 946_684_800)]
        try FileManager.default.setAttributes(longAgo, ofItemAtPath: cutOff)
        try FileManager.default.setAttributes(longAgo, ofItemAtPath: othersCutOff)
        try FileManager.default.removeItem(atPath: cache)

        #expect(!fixture.open().usedCache)
        #expect(FileManager.default.fileExists(atPath: cache))
        #expect(!FileManager.default.fileExists(atPath: cutOff))
        #expect(FileManager.default.fileExists(atPath: writing))
        #expect(FileManager.default.fileExists(atPath: othersCutOff))
    }

    @Test func recordsAppendedAfterTheCacheWasMadeAreRead() throws {
        let fixture = try JournalFixture()
        defer { fixture.remove() }
        try fixture.append(Change(outputID: "1.1", status: .onTrack), by: "pc.jones")
        _ = fixture.open()
        try fixture.append(Change(outputID: "1.1", status: .complete, note: "Delivered"), by: "pc.jones", at: "2015-06-01T09:00:00Z")
        _ = fixture.open()
        try fixture.append(Change(outputID: "1.2", due: "July 2015", reason: "court dates"), by: "chair", at: "2015-06-02T09:00:00Z")

        let opened = fixture.open()
        #expect(opened.journal?.journal.records.map(\.summary) == [
            "status on-track", "status complete; note: Delivered", "due July 2015 (court dates)",
        ])
        #expect(opened.current?.entry("1.2")?.output.revision?.original.written == "April 2015")
        #expect(opened.current?.entry("1.1")?.output.status == .complete)
        #expect(opened.current?.entry("1.1")?.output.latestNote?.text == "Delivered")
        try expectSame(opened, as: try fullRead(fixture))
    }

    @Test func anEditedPlanIsReadAgain() throws {
        let fixture = try JournalFixture()
        defer { fixture.remove() }
        _ = fixture.open()
        try JournalFixture.text.replacingOccurrences(of: "Train officers", with: "Train every officer")
            .write(toFile: fixture.planPath, atomically: true, encoding: .utf8)

        let opened = fixture.open()
        #expect(opened.loaded.plan?.entry("1.1")?.output.text == "Train every officer")
        try expectSame(opened, as: try fullRead(fixture))
    }

    @Test func aReplacedJournalIsReadFromTheTop() throws {
        let fixture = try JournalFixture()
        defer { fixture.remove() }
        try fixture.append(Change(outputID: "1.1", status: .onTrack), by: "pc.jones")
        try fixture.append(Change(outputID: "1.2", status: .onTrack), by: "cps.ali", at: "2015-05-02T09:00:00Z")
        _ = fixture.open()
        // Restored from an older backup: shorter, then a different record on top.
        try FileManager.default.removeItem(atPath: fixture.journalPath)
        try fixture.append(Change(outputID: "1.3", status: .offTrack, note: "No staff"), by: "lscb.lead", at: "2015-05-03T09:00:00Z")
        try fixture.append(Change(outputID: "1.3", note: "Recruiting"), by: "lscb.lead", at: "2015-05-04T09:00:00Z")

        let opened = fixture.open()
        #expect(opened.journal?.journal.records.map(\.by) == ["lscb.lead", "lscb.lead"])
        try expectSame(opened, as: try fullRead(fixture))
    }

    @Test func aJournalEditedAtTheLineTheCacheEndsOnIsReadFromTheTop() throws {
        let fixture = try JournalFixture()
        defer { fixture.remove() }
        try fixture.append(Change(outputID: "1.1", note: "first"), by: "pc.jones")
        try fixture.append(Change(outputID: "1.1", note: "second"), by: "pc.jones", at: "2015-05-02T09:00:00Z")
        _ = fixture.open()
        let edited = String(decoding: fixture.journalBytes, as: UTF8.self).replacingOccurrences(of: "second", with: "SECOND")
        try edited.write(toFile: fixture.journalPath, atomically: true, encoding: .utf8)

        let opened = fixture.open()
        #expect(opened.journal?.journal.records.last?.change.note == "SECOND")
        try expectSame(opened, as: try fullRead(fixture))
    }

    @Test(arguments: ["empty", "garbage", "truncated"])
    func aDamagedCacheIsIgnoredAndRebuilt(damage: String) throws {
        let fixture = try JournalFixture()
        defer { fixture.remove() }
        try fixture.append(Change(outputID: "1.2", status: .atRisk, note: "Witness care gap"), by: "cps.ali")
        _ = fixture.open()
        let cache = try cachePath(fixture)
        let bytes = try #require(FileManager.default.contents(atPath: cache))
        let damaged: Data = switch damage {
        case "empty": Data()
        case "garbage": Data(bytes.prefix(40)) + Data(repeating: 0xFF, count: bytes.count - 40)
        default: bytes.prefix(bytes.count / 2)
        }
        try damaged.write(to: URL(fileURLWithPath: cache))

        try expectSame(fixture.open(), as: try fullRead(fixture))
        #expect(FileManager.default.contents(atPath: cache) == bytes)
    }

    @Test func warningsAndBadJournalLinesAreReportedFromTheCacheToo() throws {
        let fixture = try JournalFixture()
        defer { fixture.remove() }
        try JournalFixture.text.replacingOccurrences(of: "lead: LSCB", with: "lead: LCSB")
            .write(toFile: fixture.planPath, atomically: true, encoding: .utf8)
        try fixture.append(Change(outputID: "1.1", status: .onTrack), by: "pc.jones")
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: fixture.journalPath))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("not json\n".utf8))
        try handle.close()

        _ = fixture.open()
        let opened = fixture.open()
        #expect(opened.loaded.warnings.map(\.location.line) == [22])
        #expect(opened.loaded.warnings.first?.location.file == fixture.planPath)
        #expect(opened.loaded.warnings.first?.message.contains("did you mean 'LSCB'") == true)
        #expect(opened.journal?.problems.map(\.location.line) == [2])
        #expect(opened.journal?.problems.first?.location.file == fixture.journalPath)
        try expectSame(opened, as: try fullRead(fixture))
    }

    @Test func aPlanWithErrorsLeavesNoCache() throws {
        let fixture = try JournalFixture()
        defer { fixture.remove() }
        try JournalFixture.text.replacingOccurrences(of: "due: April 2015", with: "due: Aprill 2015")
            .write(toFile: fixture.planPath, atomically: true, encoding: .utf8)
        let opened = fixture.open()
        #expect(opened.loaded.plan == nil)
        #expect(opened.journal == nil)
        #expect(!opened.loaded.errors.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: try cachePath(fixture)))
    }

    // MARK: Where the cache lives, and which caches are trusted

    @Test func theCacheLivesInTheAccountsOwnFolderNamedByTheSHA256OfThePlansPath() throws {
        let fixture = try JournalFixture()
        defer { fixture.remove() }
        try fixture.append(Change(outputID: "1.1", status: .onTrack), by: "pc.jones")
        _ = fixture.open()

        #expect(try FileManager.default.contentsOfDirectory(atPath: fixture.folder.path).sorted() == ["test.journal", "test.yaml"])
        let folder = try #require(fixture.folders.cache)
        let resolved = try #require(PrivateFolder.resolved(fixture.planPath))
        // The name is the SHA-256 of the resolved path as sha256sum gives it.
        let sum = Process()
        sum.executableURL = URL(fileURLWithPath: "/bin/sh")
        sum.arguments = ["-c", "printf %s \"$1\" | sha256sum", "sh", resolved]
        let out = Pipe()
        sum.standardOutput = out
        try sum.run()
        sum.waitUntilExit()
        let digest = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).prefix(64)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == [digest + ".cache"])
        let attributes = try FileManager.default.attributesOfItem(atPath: folder)
        #expect((attributes[.posixPermissions] as? Int) == 0o700)
        #expect((try FileManager.default.attributesOfItem(atPath: folder + "/" + digest + ".cache")[.posixPermissions] as? Int) == 0o600)
    }

    @Test func aWarmStartReallyReadsTheCache() throws {
        let fixture = try JournalFixture()
        defer { fixture.remove() }
        try fixture.append(Change(outputID: "1.1", status: .onTrack), by: "pc.jones")
        #expect(fixture.open().usedCache == false)
        let warm = fixture.open()
        #expect(warm.usedCache)
        try expectSame(warm, as: try fullRead(fixture))
        // A record appended since: still the cache, brought up to date.
        try fixture.append(Change(outputID: "1.2", status: .atRisk, note: "Backlog"), by: "cps.ali", at: "2015-05-02T09:00:00Z")
        let resumed = fixture.open()
        #expect(resumed.usedCache)
        try expectSame(resumed, as: try fullRead(fixture))
        // Without a cache folder there is nothing to read.
        #expect(PlanStore.open(path: fixture.planPath, folders: AccountFolders(cache: nil, state: nil)).usedCache == false)
    }

    /// A warm start reads the plan only to hash it, a mebibyte at a time: an edit past the first
    /// of those reads still makes the cache stale.
    @Test func anEditFarIntoALargePlanIsSeenByAWarmStart() throws {
        let fixture = try JournalFixture()
        defer { fixture.remove() }
        // Two and a half mebibytes of comment before the plan itself.
        let padding = String(repeating: "# " + String(repeating: "x", count: 97) + "\n", count: 26_215)
        try (padding + JournalFixture.text).write(toFile: fixture.planPath, atomically: true, encoding: .utf8)
        #expect(fixture.open().usedCache == false)
        #expect(fixture.open().usedCache)
        let edited = padding + JournalFixture.text.replacingOccurrences(of: "output: Safeguard children", with: "output: Safeguard babies")
        try edited.write(toFile: fixture.planPath, atomically: true, encoding: .utf8)
        let opened = fixture.open()
        #expect(opened.usedCache == false)
        #expect(opened.current?.entry("1.3")?.output.text == "Safeguard babies")
        #expect(fixture.open().usedCache)
        #expect(fixture.open().current?.entry("1.3")?.output.text == "Safeguard babies")
    }

    @Test func theCacheHoldsHowTheJournalStandsButNoneOfItsRecords() throws {
        let fixture = try JournalFixture()
        defer { fixture.remove() }
        try fixture.append(Change(outputID: "1.1", note: "First draft of the training plan"), by: "pc.jones")
        try fixture.append(Change(outputID: "1.1", note: "Delivered"), by: "pc.jones", at: "2015-06-01T09:00:00Z")
        _ = fixture.open()
        let cache = try #require(FileManager.default.contents(atPath: try cachePath(fixture)))
        // The latest note is part of the plan as folded; the earlier one is only in the journal.
        #expect(cache.range(of: Data("Delivered".utf8)) != nil)
        #expect(cache.range(of: Data("First draft".utf8)) == nil)
        // A warm start still gives every record, read from the journal when asked for.
        let warm = fixture.open()
        #expect(warm.usedCache)
        #expect(warm.journal?.journal.records.map(\.summary) == ["note: First draft of the training plan", "note: Delivered"])
        #expect(warm.journal?.latestDay == Day(iso: "2015-06-01"))
        try expectSame(warm, as: try fullRead(fixture))
    }

    @Test func aLineCopiedInAfterTheCachedOnesBreaksTheChainOnAWarmStart() throws {
        let fixture = try JournalFixture()
        defer { fixture.remove() }
        try fixture.append(Change(outputID: "1.1", status: .onTrack), by: "pc.jones")
        try fixture.append(Change(outputID: "1.2", status: .complete), by: "cps.ali", at: "2015-05-02T09:00:00Z")
        _ = fixture.open()
        // The last line written again: it follows the line before it, not itself, so the chain
        // breaks at it, and the cached last line (1.2 complete) no longer counts either.
        let text = String(decoding: fixture.journalBytes, as: UTF8.self)
        let last = try #require(text.split(separator: "\n").last)
        try (text + last + "\n").write(toFile: fixture.journalPath, atomically: true, encoding: .utf8)
        let warm = fixture.open()
        #expect(warm.usedCache)
        #expect(warm.journal?.chainBreak == 3)
        #expect(warm.journal?.journal.records.map(\.line) == [1])
        #expect(warm.current?.entry("1.2")?.output.status == nil)
        try expectSame(warm, as: try fullRead(fixture))
    }

    /// A cache made by this build for the fixture, with 1.1's `on-track` turned to `complete` and
    /// its author `pc.jones` to `attacker`: what the attacker wrote into `.NAME.cache`.
    private func forgedCache(_ fixture: JournalFixture) throws -> Data {
        try fixture.append(Change(outputID: "1.1", status: .onTrack, note: "Sessions booked"), by: "pc.jones")
        _ = fixture.open()
        let genuine = try #require(FileManager.default.contents(atPath: try cachePath(fixture)))
        let forged = genuine.replacing(Data("on-track".utf8), with: Data("complete".utf8))
            .replacing(Data("pc.jones".utf8), with: Data("attacker".utf8))
        try #require(forged != genuine && forged.count == genuine.count)
        return forged
    }

    /// What a forged cache would show if it were read: 1.1 complete, by the attacker.
    private func showsTheForgery(_ opened: OpenedPlan) -> Bool {
        opened.current?.entry("1.1")?.output.status == .complete || opened.journal?.journal.records.first?.by == "attacker"
    }

    @Test func theAccountsOwnCacheIsWhatAWarmStartBelieves() throws {
        // The premise of the tests below: the forgery is one the cache reader accepts, so only
        // where it lies keeps it out.
        let fixture = try JournalFixture()
        defer { fixture.remove() }
        let forged = try forgedCache(fixture)
        try forged.write(to: URL(fileURLWithPath: try cachePath(fixture)))
        let opened = fixture.open()
        #expect(opened.usedCache && showsTheForgery(opened))
    }

    @Test func aForgedCacheInThePlansFolderIsNeverRead() throws {
        let fixture = try JournalFixture()
        defer { fixture.remove() }
        let forged = try forgedCache(fixture)
        try forged.write(to: fixture.folder.appendingPathComponent(".test.cache"))
        try FileManager.default.removeItem(atPath: try #require(fixture.folders.cache))

        for _ in 0..<2 {
            let opened = fixture.open()
            #expect(!showsTheForgery(opened))
            #expect(opened.current?.entry("1.1")?.output.status == .onTrack)
            try expectSame(opened, as: try fullRead(fixture))
        }
    }

    @Test(arguments: ["group-writable folder", "other-writable folder", "group-writable file", "symbolic link", "folder is a symbolic link"])
    func aForgedCacheTheAccountDoesNotSolelyControlIsNeverRead(place: String) throws {
        let fixture = try JournalFixture()
        defer { fixture.remove() }
        let forged = try forgedCache(fixture)
        let cache = try cachePath(fixture)
        let folder = try #require(fixture.folders.cache)
        switch place {
        case "group-writable folder", "other-writable folder":
            try forged.write(to: URL(fileURLWithPath: cache))
            try FileManager.default.setAttributes([.posixPermissions: place.hasPrefix("group") ? 0o770 : 0o703], ofItemAtPath: folder)
        case "group-writable file":
            try forged.write(to: URL(fileURLWithPath: cache))
            try FileManager.default.setAttributes([.posixPermissions: 0o660], ofItemAtPath: cache)
        case "symbolic link":
            let elsewhere = fixture.folder.appendingPathComponent("forged").path
            try forged.write(to: URL(fileURLWithPath: elsewhere))
            try FileManager.default.removeItem(atPath: cache)
            try FileManager.default.createSymbolicLink(atPath: cache, withDestinationPath: elsewhere)
        default:
            let elsewhere = fixture.folder.path + "-home/elsewhere"
            try FileManager.default.moveItem(atPath: folder, toPath: elsewhere)
            try forged.write(to: URL(fileURLWithPath: elsewhere + "/" + (cache as NSString).lastPathComponent))
            try FileManager.default.createSymbolicLink(atPath: folder, withDestinationPath: elsewhere)
        }
        let opened = fixture.open()
        #expect(!opened.usedCache, "\(place)")
        #expect(!showsTheForgery(opened), "\(place)")
        try expectSame(opened, as: try fullRead(fixture))
    }

    @Test(.enabled(if: getuid() == 0 || ProcessInfo.processInfo.environment["CI"] != nil, "giving a file to another account needs root"),
          arguments: ["file", "folder"])
    func aForgedCacheOwnedBySomeoneElseIsNeverRead(owned: String) throws {
        let fixture = try JournalFixture()
        defer { fixture.remove() }
        let forged = try forgedCache(fixture)
        let cache = try cachePath(fixture)
        try forged.write(to: URL(fileURLWithPath: cache))
        // nobody (65534) stands for any other account: the check is by uid, not by name.
        #expect(chown(owned == "file" ? cache : try #require(fixture.folders.cache), 65534, 65534) == 0)
        let opened = fixture.open()
        #expect(!opened.usedCache)
        #expect(!showsTheForgery(opened))
        try expectSame(opened, as: try fullRead(fixture))
    }
}
