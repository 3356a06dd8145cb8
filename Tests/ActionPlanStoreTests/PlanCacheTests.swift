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

    private var cachePath: (JournalFixture) -> String { { PlanCache.path(forPlan: $0.planPath) } }

    @Test func theCacheLivesHiddenBesideThePlan() {
        #expect(PlanCache.path(forPlan: "plans/harrow.yaml") == "plans/.harrow.cache")
        #expect(PlanCache.path(forPlan: "/srv/plans/barnet.yml") == "/srv/plans/.barnet.cache")
        #expect(PlanCache.path(forPlan: "harrow.yaml") == ".harrow.cache")
    }

    @Test func aSecondOpenGivesWhatAFullReadGives() throws {
        let fixture = try JournalFixture()
        defer { fixture.remove() }
        try fixture.append(Change(outputID: "1.1", status: .atRisk, note: "Trainer off sick: £120 “cover”"), by: "pc.jones")
        try fixture.append(Change(outputID: "1.2", due: "June 2015", reason: "court backlog"), by: "chair", at: "2015-05-02T10:00:00Z")
        try fixture.append(Change(outputID: "1.3", lead: ["LSCB", "Police"]), by: "chair", at: "2015-05-03T10:00:00Z")

        _ = PlanStore.open(path: fixture.planPath)
        let files = try FileManager.default.contentsOfDirectory(atPath: fixture.folder.path).sorted()
        #expect(files == [".test.cache", "test.journal", "test.yaml"])
        try expectSame(PlanStore.open(path: fixture.planPath), as: try fullRead(fixture))
    }

    @Test func recordsAppendedAfterTheCacheWasMadeAreRead() throws {
        let fixture = try JournalFixture()
        defer { fixture.remove() }
        try fixture.append(Change(outputID: "1.1", status: .onTrack), by: "pc.jones")
        _ = PlanStore.open(path: fixture.planPath)
        try fixture.append(Change(outputID: "1.1", status: .complete, note: "Delivered"), by: "pc.jones", at: "2015-06-01T09:00:00Z")
        _ = PlanStore.open(path: fixture.planPath)
        try fixture.append(Change(outputID: "1.2", due: "July 2015", reason: "court dates"), by: "chair", at: "2015-06-02T09:00:00Z")

        let opened = PlanStore.open(path: fixture.planPath)
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
        _ = PlanStore.open(path: fixture.planPath)
        try JournalFixture.text.replacingOccurrences(of: "Train officers", with: "Train every officer")
            .write(toFile: fixture.planPath, atomically: true, encoding: .utf8)

        let opened = PlanStore.open(path: fixture.planPath)
        #expect(opened.loaded.plan?.entry("1.1")?.output.text == "Train every officer")
        try expectSame(opened, as: try fullRead(fixture))
    }

    @Test func aReplacedJournalIsReadFromTheTop() throws {
        let fixture = try JournalFixture()
        defer { fixture.remove() }
        try fixture.append(Change(outputID: "1.1", status: .onTrack), by: "pc.jones")
        try fixture.append(Change(outputID: "1.2", status: .onTrack), by: "cps.ali", at: "2015-05-02T09:00:00Z")
        _ = PlanStore.open(path: fixture.planPath)
        // Restored from an older backup: shorter, then a different record on top.
        try FileManager.default.removeItem(atPath: fixture.journalPath)
        try fixture.append(Change(outputID: "1.3", status: .offTrack, note: "No staff"), by: "lscb.lead", at: "2015-05-03T09:00:00Z")
        try fixture.append(Change(outputID: "1.3", note: "Recruiting"), by: "lscb.lead", at: "2015-05-04T09:00:00Z")

        let opened = PlanStore.open(path: fixture.planPath)
        #expect(opened.journal?.journal.records.map(\.by) == ["lscb.lead", "lscb.lead"])
        try expectSame(opened, as: try fullRead(fixture))
    }

    @Test func aJournalEditedAtTheLineTheCacheEndsOnIsReadFromTheTop() throws {
        let fixture = try JournalFixture()
        defer { fixture.remove() }
        try fixture.append(Change(outputID: "1.1", note: "first"), by: "pc.jones")
        try fixture.append(Change(outputID: "1.1", note: "second"), by: "pc.jones", at: "2015-05-02T09:00:00Z")
        _ = PlanStore.open(path: fixture.planPath)
        let edited = String(decoding: fixture.journalBytes, as: UTF8.self).replacingOccurrences(of: "second", with: "SECOND")
        try edited.write(toFile: fixture.journalPath, atomically: true, encoding: .utf8)

        let opened = PlanStore.open(path: fixture.planPath)
        #expect(opened.journal?.journal.records.last?.change.note == "SECOND")
        try expectSame(opened, as: try fullRead(fixture))
    }

    @Test(arguments: ["empty", "garbage", "truncated"])
    func aDamagedCacheIsIgnoredAndRebuilt(damage: String) throws {
        let fixture = try JournalFixture()
        defer { fixture.remove() }
        try fixture.append(Change(outputID: "1.2", status: .atRisk, note: "Witness care gap"), by: "cps.ali")
        _ = PlanStore.open(path: fixture.planPath)
        let cache = cachePath(fixture)
        let bytes = try #require(FileManager.default.contents(atPath: cache))
        let damaged: Data = switch damage {
        case "empty": Data()
        case "garbage": Data(bytes.prefix(40)) + Data(repeating: 0xFF, count: bytes.count - 40)
        default: bytes.prefix(bytes.count / 2)
        }
        try damaged.write(to: URL(fileURLWithPath: cache))

        try expectSame(PlanStore.open(path: fixture.planPath), as: try fullRead(fixture))
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

        _ = PlanStore.open(path: fixture.planPath)
        let opened = PlanStore.open(path: fixture.planPath)
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
        let opened = PlanStore.open(path: fixture.planPath)
        #expect(opened.loaded.plan == nil)
        #expect(opened.journal == nil)
        #expect(!opened.loaded.errors.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: cachePath(fixture)))
    }
}
