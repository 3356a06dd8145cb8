import ActionPlanFormat
import ActionPlanModel
import ActionPlanStore
import Foundation
import Testing

/// A record that speaks for an earlier day (`Record.effective`): written now, never back-dated,
/// and counted for its day by the fold, staleness, history, the chain and the cache.
@Suite struct EffectiveDayTests {
    private func day(_ text: String) throws -> Day { try #require(Day(iso: text)) }

    /// Writes `change` at `time` speaking for `effective`, as `officer` with open access.
    @discardableResult
    private func append(_ change: Change, to fixture: JournalFixture, at time: String, effective: String?) throws -> Record {
        try JournalWriter.append(change, planPath: fixture.planPath, plan: fixture.plan, access: .open, account: "officer",
                                 basis: .knowingly, now: try #require(Timestamp(time)), effective: effective.flatMap { Day(iso: $0) }).record
    }

    @Test func theLineKeepsItsRealTimeAndCarriesTheDayItSpeaksFor() throws {
        let fixture = try JournalFixture()
        defer { fixture.remove() }
        try append(Change(outputID: "1.1", status: .atRisk, note: "Post vacant"), to: fixture, at: "2015-05-20T09:00:00Z", effective: "2015-03-31")
        try append(Change(outputID: "1.2", note: "Today's own day"), to: fixture, at: "2015-05-20T10:00:00Z", effective: "2015-05-20")

        let lines = String(decoding: fixture.journalBytes, as: UTF8.self).split(separator: "\n")
        #expect(lines.first?.hasPrefix(#"{"at":"2015-05-20T09:00:00Z","by":"officer","effective":"2015-03-31","note":"Post vacant""#) == true)
        // The day it was written is not written again as its effective day.
        #expect(lines.last?.contains("effective") == false)
        let records = fixture.read().journal.records
        #expect(records.map(\.effective) == [try day("2015-03-31"), nil])
        #expect(records.map(\.day) == [try day("2015-03-31"), try day("2015-05-20")])
    }

    @Test func theFoldAsOfADayTakesRecordsThatSpeakForIt() throws {
        let fixture = try JournalFixture()
        defer { fixture.remove() }
        try append(Change(outputID: "1.1", status: .atRisk, note: "Post vacant"), to: fixture, at: "2015-05-20T09:00:00Z", effective: "2015-03-31")
        let journal = fixture.read().journal

        let endOfMarch = fixture.plan.folded(with: journal, through: try day("2015-03-31")).entry("1.1")?.output
        #expect(endOfMarch?.status == .atRisk)
        #expect(endOfMarch?.lastUpdate == (try day("2015-03-31")))
        #expect(endOfMarch?.latestNote?.day == (try day("2015-03-31")))
        let dayBefore = fixture.plan.folded(with: journal, through: try day("2015-03-30")).entry("1.1")?.output
        #expect(dayBefore?.status == nil)
        #expect(journal.history(of: "1.1", in: fixture.plan, through: try day("2015-03-30")).isEmpty)
        #expect(journal.history(of: "1.1", in: fixture.plan, through: try day("2015-03-31")).count == 1)
    }

    @Test func stalenessGoesByTheDayARecordSpeaksFor() throws {
        let fixture = try JournalFixture()
        defer { fixture.remove() }
        // Written in May (the first quarter), but for 31 March: the output is stale in the quarter.
        try append(Change(outputID: "1.1", note: "Last year's position"), to: fixture, at: "2015-05-20T09:00:00Z", effective: "2015-03-31")
        try append(Change(outputID: "1.2", note: "This quarter's position"), to: fixture, at: "2015-05-20T09:00:00Z", effective: "2015-04-30")
        let asOf = try day("2015-05-31")
        let plan = fixture.plan.folded(with: fixture.read().journal, through: asOf)
        let flags = try ["1.1", "1.2"].map { id in plan.assess(try #require(plan.entry(id)?.output), asOf: asOf).flags }
        #expect(flags[0].contains(.stale))
        #expect(!flags[1].contains(.stale))
    }

    @Test func aDayAfterTheWritingOrOnAFigureIsRefused() throws {
        let fixture = try JournalFixture()
        defer { fixture.remove() }
        #expect(throws: WriteRefusal.self) {
            try append(Change(outputID: "1.1", note: "Tomorrow"), to: fixture, at: "2015-05-20T09:00:00Z", effective: "2015-05-21")
        }
        #expect(throws: WriteRefusal.self) {
            try JournalWriter.append(.indicator(Figure(indicatorID: "M1", period: "Q4 2014/15", value: 3)), planPath: fixture.planPath,
                                     plan: fixture.plan, access: .open, account: "officer", basis: .knowingly,
                                     now: try #require(Timestamp("2015-05-20T09:00:00Z")), effective: try day("2015-03-31"))
        }
        #expect(fixture.journalBytes.isEmpty)
    }

    @Test func theChainCoversTheEffectiveDay() throws {
        let fixture = try JournalFixture()
        defer { fixture.remove() }
        try append(Change(outputID: "1.1", note: "Post vacant"), to: fixture, at: "2015-05-20T09:00:00Z", effective: "2015-03-31")
        try append(Change(outputID: "1.1", note: "Interim cover"), to: fixture, at: "2015-05-21T09:00:00Z", effective: nil)
        // Moving the first record into an earlier quarter by hand breaks the chain at line 2.
        let edited = String(decoding: fixture.journalBytes, as: UTF8.self).replacingOccurrences(of: "2015-03-31", with: "2014-12-31")
        try edited.write(toFile: fixture.journalPath, atomically: false, encoding: .utf8)
        let loaded = fixture.read()
        #expect(loaded.chainBreak == 2)
        #expect(loaded.journal.records.isEmpty)
    }

    @Test func aLineSpeakingForADayAfterItWasWrittenIsNotARecord() throws {
        let fixture = try JournalFixture()
        defer { fixture.remove() }
        let zeros = String(repeating: "0", count: 64)
        let line = #"{"at":"2015-05-20T09:00:00Z","by":"officer","effective":"2015-06-30","note":"x","output":"1.1","prev":"\#(zeros)"}"#
        try (line + "\n").write(toFile: fixture.journalPath, atomically: false, encoding: .utf8)
        let loaded = fixture.read()
        #expect(loaded.journal.records.isEmpty)
        #expect(loaded.problems.map(\.message) == [
            "the effective day '2015-06-30' is not a YYYY-MM-DD on or before the day it was written (2015-05-20); the record is ignored",
        ])
    }

    @Test func theCacheCarriesTheEffectiveDay() throws {
        let fixture = try JournalFixture()
        defer { fixture.remove() }
        try append(Change(outputID: "1.1", status: .atRisk, note: "Post vacant"), to: fixture, at: "2015-05-20T09:00:00Z", effective: "2015-03-31")
        _ = fixture.open()
        let cached = fixture.open()
        #expect(cached.usedCache)
        #expect(cached.journal?.journal.records.map(\.effective) == [try day("2015-03-31")])
        #expect(cached.current?.entry("1.1")?.output.lastUpdate == (try day("2015-03-31")))
    }

    @Test func historySaysWhichDayARecordSpeaksFor() throws {
        let change = Change(outputID: "1.1", note: "x")
        let at = try #require(Timestamp("2026-12-02T09:14:00Z"))
        #expect(RecordText.when(Record(line: 1, at: at, by: "a", change: change, effective: try day("2016-03-31")))
            == "2026-12-02 09:14 UTC for 31 March 2016")
        #expect(RecordText.when(Record(line: 1, at: at, by: "a", change: change)) == "2026-12-02 09:14 UTC")
    }
}
