import ActionPlanModel
@testable import ActionPlanStore
import Foundation
import Testing

/// A journal checked while the plan is still being parsed, each revised date assumed to read,
/// comes out exactly as one checked with the plan's calendar: when a date does not read on that
/// calendar, every line is checked again.
@Suite struct JournalCheckedAheadTests {
    /// The fixture's plan, its reporting year starting in the month named `month` when one is given.
    private func plan(yearStarts month: String? = nil) throws -> Plan {
        let text = month.map { JournalFixture.text.replacingOccurrences(of: "plan: Journal test plan\n", with: "plan: Journal test plan\nyear_starts: \($0)\n") }
            ?? JournalFixture.text
        let loaded = PlanLoader.load(data: Data(text.utf8), path: "test.yaml")
        return try #require(loaded.plan, "\(loaded.diagnostics)")
    }

    /// A journal's bytes: `count` notes on output 1.1, four seconds apart from 01:00 on 1 May
    /// 2015, with `dues` (line, date) written as revised dates with their reason, and line
    /// `backwards` dated an hour early.
    private func journal(count: Int, dues: [Int: String], backwards: Int? = nil) throws -> [UInt8] {
        var journal = Journal()
        for line in 1...count {
            let second = 3_600 + line * 4 - (line == backwards ? 3_600 : 0)
            let day = try #require(Day(year: 2015, month: 5, day: 1 + second / 86_400))
            let at = try #require(Timestamp(day: day, second: second % 86_400))
            let change = dues[line].map { Change(outputID: "1.2", due: $0, reason: "capacity") } ?? Change(outputID: "1.1", note: "note \(line)")
            journal.append(.output(change), line: line, at: at, by: "officer")
        }
        return Array(JournalFile.encode(journal))
    }

    /// `bytes` as a start reads them, checked ahead of the plan, and as read with it.
    private func bothWays(_ bytes: [UInt8], plan: Plan) -> (ahead: LoadedJournal, withPlan: LoadedJournal) {
        let reading = JournalReading(start: LoadedJournal(path: "test.journal"), bytes: bytes)
        return (reading.checkedAhead().loaded(plan: plan), reading.loaded(plan: plan))
    }

    /// Expects the two to stand alike (as the cache would keep how each stands) and to hold the same records.
    private func expectSame(_ ahead: LoadedJournal, _ withPlan: LoadedJournal, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        #expect(try encoder.encode(ahead.state) == encoder.encode(withPlan.state), sourceLocation: sourceLocation)
        // Compared first, so that a failure says how many lines each holds rather than printing every record.
        let same = ahead.journal == withPlan.journal
        #expect(same, "\(ahead.journal.count) lines held against \(withPlan.journal.count)",
                sourceLocation: sourceLocation)
    }

    @Test func aDateThatDoesNotReadOnThePlansCalendarIsStillAProblem() throws {
        // "Q2 2015" is a quarter when the reporting year is the calendar year, and no date when it starts in April.
        let bytes = try journal(count: 8, dues: [3: "Q2 2015", 5: "TBC", 6: "Q1 2015/16"], backwards: 7)
        let april = bothWays(bytes, plan: try plan())
        try expectSame(april.ahead, april.withPlan)
        let problems = april.ahead.problems.map { "\($0.location.line): \($0.message)" }
        #expect(problems.count == 3)
        #expect(problems.first?.hasPrefix("3: 'Q2 2015' is not a completion date") == true, "\(problems)")
        #expect(problems.dropFirst().first == "5: a revised date must be a date or 'Ongoing', not 'TBC'; the record is ignored")
        #expect(problems.last?.hasPrefix("7: the record is dated 2015-05-01 00:00 UTC, before line 6") == true, "\(problems)")
        #expect(april.ahead.journal.records.map(\.line) == [1, 2, 4, 6, 8])
        #expect(april.ahead.chainBreak == 7)

        let january = bothWays(bytes, plan: try plan(yearStarts: "January"))
        try expectSame(january.ahead, january.withPlan)
        #expect(january.ahead.problems.map(\.location.line) == [5, 7])
        #expect(january.ahead.journal.records.map(\.line) == [1, 2, 3, 4, 6, 8])
    }

    /// What a user sees on opening the plan: the record whose revised date does not read on the
    /// plan's calendar is reported and left out, as before, and the others are folded in.
    @Test func openingThePlanReportsADateThatDoesNotReadOnItsCalendar() throws {
        let fixture = try JournalFixture()
        defer { fixture.remove() }
        try Data(try journal(count: 4, dues: [2: "Q2 2015", 3: "Q1 2015/16"])).write(to: URL(fileURLWithPath: fixture.journalPath))
        let opened = fixture.open()
        let problems = opened.journal?.problems.map { "\($0.location.line): \($0.message)" } ?? []
        #expect(problems.count == 1)
        #expect(problems.first?.hasPrefix("2: 'Q2 2015' is not a completion date") == true, "\(problems)")
        #expect(opened.current?.entry("1.2")?.output.due.written == "Q1 2015/16")
        #expect(opened.current?.entry("1.1")?.output.latestNote?.text == "note 4")
    }

    @Test func datesThatReadOnEveryCalendarAreNotCheckedAgain() throws {
        let bytes = try journal(count: 6, dues: [2: "March 2016", 4: "Ongoing", 5: "2016-03-31"])
        let reading = JournalReading(start: LoadedJournal(path: "test.journal"), bytes: bytes)
        // Nothing is kept to check again: the lines' bytes are let go before the plan is known.
        #expect(reading.checkedAhead().reading == nil)
        // "Q2 2015" is a quarter when the year starts in January, and no date when it starts in April.
        let unsure = JournalReading(start: LoadedJournal(path: "test.journal"), bytes: try journal(count: 3, dues: [2: "Q2 2015"]))
        #expect(unsure.checkedAhead().unsureDues == ["Q2 2015"])
        for plan in [try plan(), try plan(yearStarts: "January")] {
            let (ahead, withPlan) = bothWays(bytes, plan: plan)
            try expectSame(ahead, withPlan)
            #expect(ahead.problems.isEmpty)
            #expect(ahead.journal.records.count == 6)
        }
    }

    @Test func aLongJournalReadsAlikeEitherWayAcrossItsBatches() throws {
        // More lines than are decoded at once, with a break in the chain and a bad date past the first batches.
        var bytes = try journal(count: 40_000, dues: [10: "Q1 2015/16", 20_000: "Q2 2015", 35_000: "Ongoing"])
        let lineStarts = bytes.indices.filter { $0 == 0 || bytes[$0 - 1] == UInt8(ascii: "\n") }
        let edited = try #require(bytes[lineStarts[30_000]...].firstIndex(of: UInt8(ascii: "1")))
        bytes[edited] = UInt8(ascii: "2")
        bytes += Array(#"{"at":"2015"#.utf8)
        for plan in [try plan(), try plan(yearStarts: "January")] {
            let (ahead, withPlan) = bothWays(bytes, plan: plan)
            try expectSame(ahead, withPlan)
            #expect(ahead.lines == 40_000)
            #expect(ahead.chainBreak == 30_002)
            #expect(ahead.tornBytes == 11)
            #expect(ahead.problems.contains { $0.location.line == 20_000 } == (plan.calendar.firstMonth == 4))
        }
    }
}
