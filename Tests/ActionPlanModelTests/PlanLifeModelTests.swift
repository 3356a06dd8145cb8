import ActionPlanModel
import Testing

/// Two plan years of one rolling plan, built in code: in the second, 1.1 moved to another pillar,
/// 2.1 was renumbered 2.5 and a new output took the id 2.1, 2.2 was retired, 3.1 removed.
enum TwoYears {
    static func record(_ line: Int, _ at: String, _ change: Change) -> Record {
        Record(line: line, at: Timestamp(at) ?? Timestamp(day: day("2000-01-01"), hour: 0, minute: 0, second: 0), by: "officer", change: change)
    }

    static let first = Plan(title: "Year one", starts: Period(first: day("2015-04-01"), last: day("2016-03-31")),
                            ends: Period(first: day("2015-04-01"), last: day("2016-03-31")), pillars: [
        Pillar(name: "Prevention", objectives: [Objective(id: "1", text: "Prevent", outputs: [
            Output(id: "1.1", text: "Run the campaign", leads: ["Police"], due: due("March 2016")),
            Output(id: "3.1", text: "Print leaflets", leads: ["Police"], due: due("March 2016")),
        ])]),
        Pillar(name: "Provision", objectives: [Objective(id: "2", text: "Provide", outputs: [
            Output(id: "2.1", text: "Open the refuge", leads: ["WISH"], due: due("March 2016")),
            Output(id: "2.2", text: "Fund an advocate", leads: ["WISH"], due: due("March 2016")),
        ])]),
    ])

    static let firstJournal = Journal([
        record(1, "2015-05-01T09:00:00Z", Change(outputID: "1.1", status: .atRisk, note: "Designer left")),
        record(2, "2015-06-01T09:00:00Z", Change(outputID: "2.1", status: .onTrack)),
        record(3, "2015-07-01T09:00:00Z", Change(outputID: "3.1", note: "Proofs back")),
        record(4, "2015-08-01T09:00:00Z", Change(outputID: "2.2", note: "Advocate recruited")),
    ])

    static let second = Plan(title: "Year two", pillars: [
        Pillar(name: "Prevention", objectives: [Objective(id: "1", text: "Prevent", outputs: [
            Output(id: "2.1", text: "Train teachers", leads: ["Police"], due: due("March 2017")),
        ])]),
        Pillar(name: "Provision", objectives: [Objective(id: "2", text: "Provide", outputs: [
            Output(id: "1.1", text: "Run the campaign", leads: ["Police"], due: due("March 2017")),
            Output(id: "2.5", text: "Open the refuge", leads: ["WISH"], due: due("March 2017"), was: ["2.1"]),
            Output(id: "2.2", text: "Fund an advocate", leads: ["WISH"], due: due("March 2017"),
                   retired: Retirement(on: day("2016-06-30"), written: "2016-06-30", reason: "Funded by the CCG")),
        ])]),
    ], follows: "year-one.yaml")

    static let secondJournal = Journal([
        record(1, "2016-05-01T09:00:00Z", Change(outputID: "1.1", note: "New designer")),
        record(2, "2016-05-02T09:00:00Z", Change(outputID: "2.1", note: "Teachers booked")),
        record(3, "2016-05-03T09:00:00Z", Change(outputID: "2.5", status: .atRisk, note: "Keys late")),
        record(4, "2016-05-04T09:00:00Z", Change(outputID: "3.1", note: "Reprint")),
    ])

    static let lineage = PlanLineage(years: [
        PlanYear(file: "year-one.yaml", plan: first, journal: firstJournal),
        PlanYear(file: "year-two.yaml", plan: second, journal: secondJournal),
    ])

    static let generated = QuarterReport.Generated(at: Timestamp(day: day("2026-11-21"), hour: 12, minute: 0, second: 0), by: "chair",
                                                   journalHead: JournalHead(lines: 4, hash: String(repeating: "0", count: 64)))

    /// Each found record as `year:line`.
    static func places(_ id: String) -> [String] {
        lineage.history(of: id).map { "\($0.year):\($0.record.line)" }
    }
}

@Suite struct PlanLifeModelTests {
    @Test func historyFollowsAnOutputAcrossPlanYears() {
        // Moved to another pillar: the id is the key, so its records follow it.
        #expect(TwoYears.places("1.1") == ["0:1", "1:1"])
        // Renumbered: year one's 2.1 is 2.5 now, though a new output has taken the id 2.1.
        #expect(TwoYears.places("2.5") == ["0:2", "1:3"])
        #expect(TwoYears.places("2.1") == ["1:2"])
        // Retired: still in the plan, with all its history.
        #expect(TwoYears.places("2.2") == ["0:4"])
        // Removed: the records written under its id, in both years.
        #expect(TwoYears.places("3.1") == ["0:3", "1:4"])
        #expect(TwoYears.lineage.history(of: "2.5", through: day("2016-01-01")).map(\.record.line) == [2])
    }

    @Test func recordsUnderAnOldIdFoldIntoTheOutputThatWasIt() {
        let plan = Plan(title: "Renumbered mid-year", pillars: [Pillar(name: "Provision", objectives: [Objective(id: "2", text: "Provide", outputs: [
            Output(id: "2.5", text: "Open the refuge", due: due("March 2016"), was: ["2.1"]),
            Output(id: "2.6", text: "Staff it", due: due("March 2016"), was: ["2.2", "2.1"]),
        ])])])
        let journal = Journal([
            TwoYears.record(1, "2015-06-01T09:00:00Z", Change(outputID: "2.1", status: .atRisk, note: "Keys late")),
            TwoYears.record(2, "2015-07-01T09:00:00Z", Change(outputID: "2.5", note: "Keys in")),
            TwoYears.record(3, "2015-07-02T09:00:00Z", Change(outputID: "2.2", status: .complete)),
            TwoYears.record(4, "2015-07-03T09:00:00Z", Change(outputID: "9.9", note: "Gone")),
        ])
        let folded = plan.folded(with: journal, through: .allRecords)
        // The first output to claim an old id has its records.
        #expect(folded.entry("2.5")?.output.status == .atRisk && folded.entry("2.5")?.output.latestNote?.text == "Keys in")
        #expect(folded.entry("2.6")?.output.status == .complete)
        #expect(journal.history(of: "2.5", in: plan).map(\.line) == [1, 2])
        #expect(journal.head(of: "2.6", in: plan) == 3)
        #expect(journal.unplaced(in: plan).map { "\($0.id) \($0.lines)" } == ["9.9 [4]"])
        #expect(journal.history(of: "9.9", in: plan).map(\.line) == [4])
    }

    @Test func aRetiredOutputLeavesCountsAndListsAfterItsDayOnly() {
        let plan = TwoYears.second.folded(with: TwoYears.secondJournal, through: .allRecords)
        let onTheDay = day("2016-06-30")
        let after = day("2016-07-01")
        #expect(plan.summary(asOf: onTheDay).total.live == 4)
        #expect(plan.summary(asOf: after).total.live == 3)
        #expect(plan.rows(matching: Query(), asOf: onTheDay).map(\.output.id) == ["2.1", "1.1", "2.5", "2.2"])
        #expect(plan.rows(matching: Query(), asOf: after).map(\.output.id) == ["2.1", "1.1", "2.5"])
        let retired = plan.rows(matching: Query(retired: true), asOf: after)
        #expect(retired.map(\.output.id) == ["2.2"] && retired.first?.retired?.reason == "Funded by the CCG")
        #expect(retired.first?.assessment.flags == [])
        #expect(plan.rows(matching: Query(retired: true), asOf: onTheDay).isEmpty)
    }

    @Test func aPastQuartersReportKeepsARetiredOutputAndLaterOnesLeaveItOut() {
        func ids(inQuarter number: Int) -> [String] {
            let quarter = ReportingCalendar().quarter(number, ofYearStartingIn: 2016)
            return QuarterReport(plan: TwoYears.second, journal: TwoYears.secondJournal, period: .quarter(quarter), asOf: day("2026-11-21"),
                                 generated: TwoYears.generated).pillars.flatMap(\.objectives).flatMap(\.rows).map(\.output.id)
        }
        #expect(ids(inQuarter: 1) == ["2.1", "1.1", "2.5", "2.2"])
        #expect(ids(inQuarter: 2) == ["2.1", "1.1", "2.5"])
    }

    @Test func theAnnualReportTakesEachOutputBackToItsFirstPlanYear() {
        // 2.5 is revised in year two; a record after the year's end is left out, as in this year.
        let journal = Journal(TwoYears.secondJournal.records + [
            TwoYears.record(5, "2016-09-01T09:00:00Z", Change(outputID: "2.5", due: "June 2017", reason: "Builder went bust")),
        ])
        let yearOne = PlanYear(file: "year-one.yaml", plan: TwoYears.first, journal: TwoYears.firstJournal)
        let lineage = PlanLineage(years: [yearOne, PlanYear(file: "plans/year-two.yaml", plan: TwoYears.second, journal: journal)])
        let late = PlanYear(file: "plans/year-one.yaml", plan: TwoYears.first, journal: Journal(TwoYears.firstJournal.records + [
            TwoYears.record(5, "2017-05-01T09:00:00Z", Change(outputID: "1.1", note: "Written after the year")),
        ]))
        let year = ReportPeriod.year(startingIn: 2016, calendar: ReportingCalendar())
        for years in [lineage, PlanLineage(years: [late] + lineage.years.suffix(1))] {
            let report = QuarterReport(plan: TwoYears.second, journal: journal, period: year, asOf: day("2026-11-21"), generated: TwoYears.generated,
                                       lineage: years)
            // 2.1 is new this year (its old id went with 2.5); 2.2, retired within the year, keeps its row; 3.1 was removed.
            #expect(report.earlierYears?.map { earlier in
                let origin = earlier.origin
                return [earlier.output.id, origin.yearLabel, origin.file, origin.id, origin.due.written, earlier.output.due.written,
                        earlier.slip?.months.map(String.init) ?? "-", String(origin.earlierRecords), origin.latestEarlierNote?.text ?? "-",
                        origin.latestEarlierNote?.at?.text ?? "-"].joined(separator: " | ")
            } == [
                "1.1 | 2015/16 | year-one.yaml | 1.1 | March 2016 | March 2017 | 12 | 1 | Designer left | 2015-05-01T09:00:00Z",
                "2.5 | 2015/16 | year-one.yaml | 2.1 | March 2016 | June 2017 | 15 | 1 | - | -",
                "2.2 | 2015/16 | year-one.yaml | 2.2 | March 2016 | March 2017 | 12 | 1 | Advocate recruited | 2015-08-01T09:00:00Z",
            ])
            // The revised deadline's slip runs from the first plan year's date, not this plan's March 2017.
            let revised = report.movement.revisedDeadlines.map(\.output)
            #expect(revised.map(\.id) == ["2.5"] && revised.first?.slip?.months == 3)
            #expect(revised.first.flatMap(report.slip).map { "\($0.slip.months ?? 0) since \($0.since?.yearLabel ?? "-")" } == "15 since 2015/16")
        }
        // A year later, 2.2 was retired before the year began: it leaves the section.
        let later = QuarterReport(plan: TwoYears.second, journal: journal, period: .year(startingIn: 2017, calendar: ReportingCalendar()),
                                  asOf: day("2026-11-21"), generated: TwoYears.generated, lineage: lineage)
        #expect(later.earlierYears?.map(\.output.id) == ["1.1", "2.5"])
        // A plan whose lineage is itself alone follows none: no such section.
        let alone = QuarterReport(plan: TwoYears.first, journal: TwoYears.firstJournal, period: year, asOf: day("2026-11-21"),
                                  generated: TwoYears.generated, lineage: PlanLineage(years: [yearOne]))
        #expect(alone.earlierYears == nil)
    }

    @Test func rolloverCarriesOpenOutputsAsTheyStand() {
        let current = TwoYears.first.folded(with: Journal(TwoYears.firstJournal.records + [
            TwoYears.record(5, "2016-01-01T09:00:00Z", Change(outputID: "3.1", status: .complete)),
            TwoYears.record(6, "2016-01-02T09:00:00Z", Change(outputID: "1.1", due: "June 2016", reason: "Designer late")),
        ]), through: .allRecords)
        let year = ReportingCalendar().year(startingIn: 2016)
        let rollover = Rollover(current, year: year, asOf: year.first, follows: "year-one.yaml")
        #expect(rollover.leftBehind.map { "\($0.id) \($0.why)" } == ["3.1 complete"])
        #expect(rollover.plan.title == "Year one (2016/17)" && rollover.plan.follows == "year-one.yaml")
        #expect(rollover.plan.starts == year && rollover.plan.ends == year)
        let carried = rollover.plan.entry("1.1")?.output
        #expect(carried?.status == .atRisk && carried?.due.written == "June 2016" && carried?.note == "Designer left")
        #expect(rollover.plan.pillars.map { $0.objectives.flatMap(\.outputs).map(\.id) } == [["1.1"], ["2.1", "2.2"]])
    }
}
