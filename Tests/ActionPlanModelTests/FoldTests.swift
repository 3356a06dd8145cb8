import ActionPlanModel
import Testing

/// Works the parts out last first, as other cores might finish them, and gives them back in order.
private struct LastFirst: PartRunner {
    func map<Value: Sendable>(_ count: Int, _ part: @Sendable (Int) -> Value) -> [Value] {
        (0..<count).reversed().map(part).reversed()
    }
}

@Suite struct FoldTests {
    @Test func pillarsFoldedInAnyOrderGiveTheSamePlan() {
        let folded = TwoYears.second.folded(with: TwoYears.secondJournal, through: .allRecords, runner: LastFirst())
        #expect(folded == TwoYears.second.folded(with: TwoYears.secondJournal, through: .allRecords))
        // Each record went to its own output, in either pillar, under its id or one it had before.
        #expect(folded.pillars.map { $0.objectives.flatMap(\.outputs).map { "\($0.id) \($0.status?.rawValue ?? "-") \($0.latestNote?.text ?? "-")" } } == [
            ["2.1 - Teachers booked"],
            ["1.1 - New designer", "2.5 at-risk Keys late", "2.2 - -"],
        ])
    }

    @Test func everyRecordOfALongJournalGoesToItsOutputInJournalOrder() {
        // More records than a fold looks up on one core at once (65,536), alternating between two
        // pillars, so that runs and pillars cross: each output ends with its own last record.
        let plan = TwoYears.second
        let records = (1...70_001).map { line in
            TwoYears.record(line, "2016-05-01T09:00:00Z", Change(outputID: line.isMultiple(of: 2) ? "2.1" : "1.1", note: "Record \(line)"))
        }
        let folded = plan.folded(with: Journal(records), through: .allRecords, runner: LastFirst())
        #expect(folded.entry("2.1")?.output.latestNote?.text == "Record 70000")
        #expect(folded.entry("1.1")?.output.latestNote?.text == "Record 70001")
        #expect(folded == plan.folded(with: Journal(records), through: .allRecords))
    }

    @Test func anOutputFoldedWithEveryKindOfRecordIsGivenBackAsWrittenByItsRecordedFields() throws {
        let plan = TwoYears.second
        let journal = Journal([
            TwoYears.record(1, "2016-05-01T09:00:00Z", Change(outputID: "2.5", status: .atRisk, note: "Keys late")),
            TwoYears.record(2, "2016-05-02T09:00:00Z", Change(outputID: "2.5", due: "June 2017", reason: "builders")),
            TwoYears.record(3, "2016-05-03T09:00:00Z", Change(outputID: "2.5", lead: ["WISH", "Council"])),
        ])
        let written = try #require(plan.entry("2.5")?.output)
        let folded = try #require(plan.folded(with: journal, through: .allRecords).entry("2.5")?.output)
        #expect(folded.status == .atRisk && folded.due.written == "June 2017" && folded.leads == ["WISH", "Council"] && folded.lastUpdate != nil)
        #expect(folded.with(written.recordedFields) == written)
        #expect(written.with(folded.recordedFields) == folded)
    }
}
