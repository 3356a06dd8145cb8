import ActionPlanModel
@testable import ActionPlanStore
import Foundation
import Testing

/// Journals changed by hand: a record that does not follow from the line before it, or that
/// claims a time before it, never counts, whatever else the line says.
@Suite struct TamperedJournalTests {
    /// Three notes on 1.1 by `officer`, a day apart.
    static func threeNotes(_ fixture: JournalFixture) throws {
        for day in 1...3 {
            try fixture.append(Change(outputID: "1.1", note: "note \(day)"), at: "2015-05-0\(day)T09:00:00Z")
        }
    }

    @Test func aHandEditedMiddleLineIsNeitherShownNorFolded() throws {
        let fixture = try JournalFixture()
        defer { fixture.remove() }
        try Self.threeNotes(fixture)
        let edited = String(decoding: fixture.journalBytes, as: UTF8.self)
            .replacingOccurrences(of: "\"note 2\"", with: "\"status changed by hand\"")
        try edited.write(toFile: fixture.journalPath, atomically: true, encoding: .utf8)

        let loaded = fixture.read()
        #expect(loaded.chainBreak == 3)
        // The edited line 2, and line 3 which no longer follows from it.
        #expect(loaded.journal.records.map(\.line) == [1])
        #expect(loaded.journal.records.compactMap(\.change.note) == ["note 1"])
        let folded = fixture.plan.folded(with: loaded.journal, through: .last(ofMonth: 12, year: 9999))
        #expect(folded.entry("1.1")?.output.latestNote?.text == "note 1")
        #expect(loaded.problems.map(\.location.line) == [3])
        #expect(loaded.problems.first?.message.contains("both lines are ignored") == true)
    }

    @Test func aRecordDatedBeforeTheOneItFollowsIsIgnoredEvenWhenChainedCorrectly() throws {
        let fixture = try JournalFixture()
        defer { fixture.remove() }
        // Chained as actionplan chains them, so only its time gives it away: written in 2026
        // after a 2026 record, but dated 2015 to slip into a quarter already reported.
        let records = [
            Record(line: 1, at: try #require(Timestamp("2026-11-30T10:00:00Z")), by: "officer", change: Change(outputID: "1.1", status: .onTrack)),
            Record(line: 2, at: try #require(Timestamp("2015-06-01T10:00:00Z")), by: "officer", change: Change(outputID: "1.1", status: .complete)),
            Record(line: 3, at: try #require(Timestamp("2026-11-30T11:00:00Z")), by: "officer", change: Change(outputID: "1.2", note: "later")),
        ]
        try JournalFile.encode(Journal(records)).write(to: URL(fileURLWithPath: fixture.journalPath))

        let loaded = fixture.read()
        #expect(loaded.journal.records.map(\.line) == [1, 3])
        #expect(loaded.chainBreak == 2)
        let problem = try #require(loaded.problems.first)
        #expect(problem.location.line == 2)
        #expect(problem.message.contains("dated 2015-06-01 10:00 UTC, before line 1"))
        #expect(problem.message.contains("time never runs backwards"))
        let june = fixture.plan.folded(with: loaded.journal, through: Day.last(ofMonth: 6, year: 2015))
        #expect(june.entry("1.1")?.output.status == nil, "the backdated record changes no past quarter")
    }

    @Test func aWriterWhoseClockSteppedBackDatesItsRecordNoEarlierThanTheLast() throws {
        let fixture = try JournalFixture()
        defer { fixture.remove() }
        try fixture.append(Change(outputID: "1.1", note: "first"), at: "2015-05-02T09:00:00Z")
        let second = try fixture.append(Change(outputID: "1.1", note: "second"), at: "2015-05-02T08:59:58Z")
        #expect(second.at.text == "2015-05-02T09:00:00Z")
        let loaded = fixture.read()
        #expect(loaded.problems.isEmpty)
        #expect(loaded.journal.records.compactMap(\.change.note) == ["first", "second"])
    }

    @Test func aJournalOfGarbageListsItsFirstProblemsAndCountsTheRest() throws {
        let fixture = try JournalFixture()
        defer { fixture.remove() }
        try Data(String(repeating: "not json\n", count: 10_000).utf8).write(to: URL(fileURLWithPath: fixture.journalPath))
        let loaded = fixture.read()
        #expect(loaded.problems.count == NodeReader.listedLimit)
        #expect(loaded.unlistedProblems == 10_000 - NodeReader.listedLimit)
        #expect(loaded.chainBreak == 1)
    }
}
