import ActionPlanModel
import Testing

/// A plan with a journal spanning Q1 and Q2 2015/16 (and a record after Q2 ended), reported on
/// Q2: every kind of movement happens once.
enum TwoQuarters {
    static let plan = Plan(title: "Test plan", pillars: [
        Pillar(name: "Prevention", objectives: [Objective(id: "1", text: "Prevent", outputs: [
            Output(id: "1.1", text: "Run the campaign", leads: ["Police"], due: due("March 2016")),
            Output(id: "1.2", text: "Train staff", leads: ["LSCB"], due: due("August 2015")),
            Output(id: "1.3", text: "Open the refuge", leads: ["WISH"], due: due("Ongoing")),
            Output(id: "1.4", text: "Agree the protocol", due: due("TBC")),
        ])]),
        Pillar(name: "Perpetrators", objectives: [Objective(id: "2", text: "Hold to account", outputs: [
            Output(id: "2.1", text: "Fund the programme", leads: ["Probation"], due: due("2017")),
            Output(id: "2.2", text: "Pilot the app", leads: ["Police"], due: due("2016")),
        ])]),
    ])

    static func record(_ line: Int, _ at: String, _ change: Change, by: String = "officer") -> Record {
        Record(line: line, at: Timestamp(at) ?? Timestamp(day: day("2000-01-01"), hour: 0, minute: 0, second: 0), by: by, change: change)
    }

    static let journal = Journal([
        record(1, "2015-05-10T09:00:00Z", Change(outputID: "1.1", status: .onTrack)),
        record(2, "2015-05-11T09:00:00Z", Change(outputID: "1.2", status: .onTrack)),
        record(3, "2015-05-12T09:00:00Z", Change(outputID: "1.3", status: .atRisk, note: "No venue")),
        record(4, "2015-05-13T09:00:00Z", Change(outputID: "2.2", status: .onTrack)),
        record(5, "2015-08-01T09:00:00Z", Change(outputID: "1.1", status: .atRisk, note: "Comms post vacant")),
        record(6, "2015-08-02T09:00:00Z", Change(outputID: "1.3", status: .complete, note: "Opened")),
        record(7, "2015-08-03T09:00:00Z", Change(outputID: "1.4", due: "December 2015", reason: "awaiting CPS", lead: ["Police"]), by: "chair"),
        record(8, "2015-08-04T09:00:00Z", Change(outputID: "2.1", status: .onTrack, note: "Funded")),
        record(9, "2015-08-05T09:00:00Z", Change(outputID: "2.2", status: .dropped, note: "No supplier")),
        record(10, "2015-09-30T23:59:59Z", Change(outputID: "1.3", note: "Full by September")),
        // After the quarter ended: it must not change the Q2 report.
        record(11, "2015-10-01T00:00:00Z", Change(outputID: "1.1", status: .offTrack, note: "Too late")),
    ])

    static let q2 = ReportingCalendar().quarter(2, ofYearStartingIn: 2015)
    static let generated = QuarterReport.Generated(at: Timestamp(day: day("2026-11-21"), hour: 12, minute: 0, second: 0), by: "chair",
                                                   journalHead: JournalHead(lines: 11, hash: String(repeating: "0", count: 64)))

    static func report(journal: Journal = journal, asOf: Day = day("2026-11-21")) -> QuarterReport {
        QuarterReport(plan: plan, journal: journal, period: .quarter(q2), asOf: asOf, generated: generated)
    }
}

@Suite struct QuarterReportTests {
    let report = TwoQuarters.report()

    /// A group's report holds the indicators of the objectives the group owns, and no other.
    @Test func aGroupsReportHoldsOnlyItsObjectivesIndicators() {
        var plan = TwoQuarters.plan
        let group = DeliveryGroup(name: "Perpetrators Operational Group", short: "POG")
        plan.groups = [group]
        plan.pillars[1].objectives[0].group = group.name
        plan.indicators = [
            Indicator(id: "ALL", name: "Calls to the helpline"),
            Indicator(id: "PREV", name: "Schools reached", scope: .pillar("Prevention")),
            Indicator(id: "ONE", name: "Campaign reach", scope: .objective("1")),
            Indicator(id: "TWO", name: "Men completing the programme", scope: .objective("2")),
        ]
        func ids(_ scope: QuarterReport.Scope) -> [String] {
            QuarterReport(plan: plan, journal: TwoQuarters.journal, period: .quarter(TwoQuarters.q2), scope: scope,
                          asOf: day("2026-11-21"), generated: TwoQuarters.generated).indicators.map(\.indicator.id)
        }
        #expect(ids(QuarterReport.Scope()) == ["ALL", "PREV", "ONE", "TWO"])
        #expect(ids(QuarterReport.Scope(group: group)) == ["TWO"])
    }

    func ids(_ rows: [ReportRow]) -> [String] { rows.map(\.output.id) }

    func row(_ id: String, in report: QuarterReport = TwoQuarters.report()) throws -> ReportRow {
        try #require(report.rows.first { $0.output.id == id })
    }

    @Test func aPastQuarterIsJudgedOnItsLastDayAgainstTheQuarterBefore() {
        #expect(report.asAt == day("2015-09-30"))
        #expect(report.previousAsAt == day("2015-06-30"))
        #expect(report.period.previous.description == "Q1 2015/16")
        let now = report.summary.total
        #expect(RAG.live.map { now.count($0) } == [1, 1, 1, 1, 1])
        #expect(now.live == 5 && now.dropped == 1 && now.percentComplete == 20)
        let before = report.previousSummary.total
        #expect(RAG.live.map { before.count($0) } == [0, 3, 1, 0, 2])
        #expect(report.summary.pillars.map(\.name) == ["Prevention", "Perpetrators"])
    }

    @Test func eachOutputShowsItsDirectionOfTravel() throws {
        let directions = Dictionary(uniqueKeysWithValues: report.rows.map { ($0.output.id, $0.direction) })
        #expect(directions == ["1.1": .worse, "1.2": .worse, "1.3": .better, "1.4": .same, "2.1": .rated, "2.2": .unrated])
        // 1.2 went red because its deadline passed, not because anyone rated it so.
        #expect(try row("1.2").now.assessment.rating == Rating(rag: .red, redBecauseOverdue: true))
    }

    @Test func movementListsWhatChangedInTheQuarter() throws {
        let movement = report.movement
        #expect(ids(movement.ragChanges) == ["1.1", "1.2", "1.3", "2.1", "2.2"])
        #expect(ids(movement.newlyCompleted) == ["1.3"])
        #expect(ids(movement.newlyOverdue) == ["1.2"])
        #expect(ids(movement.revisedDeadlines) == ["1.4"])
        let revised = try #require(movement.revisedDeadlines.first).output
        #expect(revised.revision?.original.written == "TBC" && revised.due.written == "December 2015" && revised.revision?.by == "chair")
        #expect(ids(movement.leadsAssigned) == ["1.4"])
        let assigned = try #require(movement.leadsAssigned.first)
        #expect(assigned.before.output.leads == [] && assigned.output.leads == ["Police"])
    }

    @Test func exceptionsListEachOutputOnceUnderItsFirstReason() throws {
        #expect(report.exceptions.map(\.exception) == [.overdue, .amber])
        #expect(report.exceptions.map { ids($0.rows) } == [["1.2"], ["1.1"]])
        // 1.2 is also red and stale, and says so.
        #expect(try #require(report.exceptions.first?.rows.first).exceptions == [.overdue, .red, .stale])
    }

    @Test func theLatestNoteToTheQuarterEndIsShownWithItsAuthor() throws {
        let refuge = try row("1.3").output
        #expect(refuge.latestNote?.text == "Full by September" && refuge.latestNote?.by == "officer")
        #expect(refuge.latestNote?.at?.text == "2015-09-30T23:59:59Z")
        #expect(try row("1.1").output.latestNote?.text == "Comms post vacant")
    }

    @Test func laterRecordsNeverChangeAPastQuarter() {
        let today = TwoQuarters.record(12, "2026-11-21T10:00:00Z", Change(outputID: "1.2", status: .complete, note: "Done at last"))
        let later = TwoQuarters.report(journal: Journal(TwoQuarters.journal.records + [today]), asOf: day("2026-11-21"))
        #expect(later == report)
        let withoutOctober = TwoQuarters.report(journal: Journal(Array(TwoQuarters.journal.records.dropLast())))
        #expect(withoutOctober == report)
    }

    @Test func aRunningQuarterIsJudgedOnTheAsOfDay() throws {
        let midQuarter = TwoQuarters.report(asOf: day("2015-08-15"))
        #expect(midQuarter.asAt == day("2015-08-15"))
        // Not yet overdue in mid-August, and the last September note is not yet written.
        #expect(midQuarter.movement.newlyOverdue.isEmpty)
        #expect(try row("1.3", in: midQuarter).output.latestNote?.text == "Opened")
    }
}

@Suite struct DirectionTests {
    @Test func coloursRankBlueGreenAmberRed() {
        #expect(Direction(from: .red, to: .amber) == .better)
        #expect(Direction(from: .green, to: .blue) == .better)
        #expect(Direction(from: .blue, to: .red) == .worse)
        #expect(Direction(from: .amber, to: .amber) == .same)
        #expect(Direction(from: .grey, to: .grey) == .same)
        #expect(Direction(from: .none, to: .none) == .same)
    }

    @Test func greyAndDroppedAreOffTheScale() {
        #expect(Direction(from: .grey, to: .red) == .rated)
        #expect(Direction(from: .none, to: .green) == .rated)
        #expect(Direction(from: .amber, to: .grey) == .unrated)
        #expect(Direction(from: .green, to: .none) == .unrated)
        #expect(Direction(from: .none, to: .grey) == .unrated)
    }
}

@Suite struct QuarterNameTests {
    let calendar = ReportingCalendar()

    @Test func aQuarterIsWrittenAsPlansWriteOne() throws {
        #expect(try calendar.quarter(named: "Q2 2015/16").get() == calendar.quarter(2, ofYearStartingIn: 2015))
        #expect(try calendar.quarter(named: " q4 2015-16 ").get().period.last == day("2016-03-31"))
        #expect(try ReportingCalendar(firstMonth: 1).quarter(named: "Q1 2016").get().period.first == day("2016-01-01"))
        #expect(calendar.quarter(1, ofYearStartingIn: 2015).previous.description == "Q4 2014/15")
    }

    @Test func anythingElseSaysWhatToWrite() {
        func message(_ text: String) -> String? {
            if case .failure(let problem) = calendar.quarter(named: text) { return problem.message }
            return nil
        }
        #expect(message("Q2 2015") == "'Q2 2015' is not a quarter of the reporting year; did you mean 'Q2 2015/16'?")
        #expect(message("2015/16") == "'2015/16' is not a quarter; write one such as 'Q2 2015/16' (Q1 is April to June in this plan's reporting year)")
        #expect(message("Q5 2015/16")?.hasPrefix("'Q5 2015/16' is not a quarter; write one such as") == true)
        #expect(message("July 2015") != nil)
    }
}
