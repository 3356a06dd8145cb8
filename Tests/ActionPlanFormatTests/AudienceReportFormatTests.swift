import ActionPlanFormat
import ActionPlanModel
import Foundation
import Testing

/// A small plan with one delivery group, for the reports each audience reads.
enum GroupedReport {
    static let group = DeliveryGroup(name: "Harmful <b>Practices</b> Group", short: "HPOG", chair: "Head of Community Safety",
                                     coordinator: "VAWG Coordinator")

    static let plan = Plan(title: "Test plan", partnership: "Safer Test", groups: [group], pillars: [
        Pillar(name: "Prevention", objectives: [Objective(id: "1", text: "Prevent", outputs: [
            Output(id: "1.1", text: "Train staff", leads: ["Police"], due: HostileReport.due("October 2015"), group: group.name),
            Output(id: "1.2", text: "Run the campaign", leads: ["CPS"], due: HostileReport.due("2017")),
        ])]),
    ])

    static func record(_ line: Int, _ at: String, _ change: Change, by: String = "og.chair") -> Record {
        Record(line: line, at: HostileReport.time(at), by: by, change: change)
    }

    /// 1.1 on track, its deadline moved five months, then complete; 1.2 rated once.
    static let journal = Journal([
        record(1, "2015-05-01T09:00:00Z", Change(outputID: "1.1", status: .onTrack)),
        record(2, "2015-08-01T09:00:00Z", Change(outputID: "1.1", due: "March 2016", reason: "trainer left")),
        record(3, "2015-08-02T09:00:00Z", Change(outputID: "1.2", status: .onTrack)),
        record(4, "2015-12-01T09:00:00Z", Change(outputID: "1.1", status: .complete, note: "Done")),
    ])

    static let q2 = ReportPeriod.quarter(ReportingCalendar().quarter(2, ofYearStartingIn: 2015))

    static func report(_ period: ReportPeriod = q2, _ scope: QuarterReport.Scope = .init(), journal: Journal = journal) -> QuarterReport {
        QuarterReport(plan: plan, journal: journal, period: period, scope: scope, asOf: Day.last(ofMonth: 12, year: 2026),
                      generated: .init(at: HostileReport.time("2026-11-21T12:00:00Z"), by: "akhan", journalHead: HostileReport.head))
    }
}

@Suite struct AudienceReportFormatTests {
    @Test func aGroupsReportIsHeadedByTheGroupWithItsChairAndHoldsOnlyItsOutputs() {
        let md = ReportMarkdown.render(GroupedReport.report(GroupedReport.q2, .init(group: GroupedReport.group)))
        #expect(md.hasPrefix("# Harmful \\<b\\>Practices\\</b\\> Group: Q2 2015/16 report\n\nTest plan\n\n"
            + "Chair: Head of Community Safety; Coordinator: VAWG Coordinator; reports quarterly\n\n"))
        #expect(md.contains("## The group's outputs\n"))
        #expect(md.contains("\n| 1.1 | G → | Train staff |") && !md.contains("Run the campaign"))
        #expect(!md.contains("### By delivery group"), "a group's own report has no rows for the other groups")
        let html = ReportHTML.render(GroupedReport.report(GroupedReport.q2, .init(group: GroupedReport.group)))
        #expect(html.contains("<h1>Harmful &lt;b&gt;Practices&lt;/b&gt; Group: Q2 2015/16 report</h1>"))
    }

    @Test func theFullReportCountsEachGroup() {
        let md = ReportMarkdown.render(GroupedReport.report())
        #expect(md.contains("### By delivery group\n\n| Group | B blue |"))
        #expect(md.contains("\n| No group | 0 | 1 | 0 | 0 | 0 | 1 |"))
    }

    @Test func theAnnualReportOfARolledOverPlanShowsWhereEachOutputBeganEscaped() throws {
        // Year one is the hostile plan, which gives no dates: it is named by its file. 1.1 is 1.4 now.
        let next = Plan(title: "Next year", pillars: [Pillar(name: "Prevention", objectives: [Objective(id: "1", text: "Prevent", outputs: [
            Output(id: "1.4", text: "Carried", due: HostileReport.due("June 2016"), was: ["1.1"]),
            Output(id: "1.5", text: "New this year", due: HostileReport.due("June 2016")),
        ])])], follows: "hostile.yaml")
        let lineage = PlanLineage(years: [PlanYear(file: "plans/hostile.yaml", plan: HostileReport.plan, journal: HostileReport.journal),
                                          PlanYear(file: "plans/next.yaml", plan: next, journal: Journal([]))])
        let report = QuarterReport(plan: next, journal: Journal([]), period: .year(startingIn: 2016, calendar: ReportingCalendar()),
                                   asOf: Day.last(ofMonth: 12, year: 2026),
                                   generated: .init(at: HostileReport.time("2026-11-21T12:00:00Z"), by: "akhan", journalHead: HostileReport.head),
                                   lineage: lineage)
        let md = ReportMarkdown.render(report)
        #expect(md.contains("## Earlier plan years (1)\n\n1 action was in an earlier plan year, "))
        #expect(md.contains("\n| 1.4 | Carried | hostile.yaml | 1.1 | March 2016 | June 2016 | 3 months later | 2 | \\</td\\>\\<script\\>"), "\(md)")
        #expect(md.contains(" (pc.o'brien \\<x\\>, 2015-08-01) |\n") && !md.contains("| 1.5 | New"))
        let html = ReportHTML.render(report)
        #expect(html.contains("<h2>Earlier plan years (1)</h2>") && !html.contains("<script>alert"), "\(html)")
        let json = try #require(JSONSerialization.jsonObject(with: Data(ReportJSON.render(report).utf8)) as? [String: Any])
        let row = try #require((json["earlier_years"] as? [[String: Any]])?.first)
        #expect(row["first_id"] as? String == "1.1" && row["latest_earlier_note"] as? String == HostileReport.hostile)
        #expect(row["latest_earlier_note_by"] as? String == "pc.o'brien <x>" && row["earlier_records"] as? Int == 2)
    }

    @Test func theExceptionReportSaysInOneLineWhenNothingIsWrong() {
        let quiet = Journal(Array(GroupedReport.journal.records.prefix(1)) + [
            GroupedReport.record(2, "2015-08-01T09:00:00Z", Change(outputID: "1.1", status: .onTrack)),
            GroupedReport.record(3, "2015-08-02T09:00:00Z", Change(outputID: "1.2", status: .onTrack)),
        ])
        let md = ReportMarkdown.render(GroupedReport.report(GroupedReport.q2, .init(exceptionsOnly: true), journal: quiet))
        #expect(md.contains("## Exceptions\n\nNothing to report: no open action is overdue, unowned, red or stale, "
            + "and no deadline was revised in Q2 2015/16.\n\n## Key\n"))
        #expect(!md.contains("## Summary") && !md.contains("## Movement") && !md.contains("## The full plan"))
        #expect(md.hasPrefix("# Test plan: Q2 2015/16 exception report\n"))
    }

    @Test func theExceptionReportListsRevisedDeadlinesWithTheSlip() {
        let md = ReportMarkdown.render(GroupedReport.report(GroupedReport.q2, .init(exceptionsOnly: true)))
        #expect(md.contains("\nNo open action is overdue, unowned, red or stale; 1 deadline was revised in Q2 2015/16.\n"))
        #expect(md.contains("### Revised deadlines (1)\n\n| ID | Output | Original date | Revised date | Slipped by | Revised by | Reason |\n"))
        #expect(md.contains("| 1.1 | Train staff | October 2015 | March 2016 | 5 months later | og.chair, 2015-08-01 09:00 UTC | trainer left |"))
        let csv = ReportCSV.render(GroupedReport.report(GroupedReport.q2, .init(exceptionsOnly: true)))
        #expect(csv.components(separatedBy: "\r\n").filter { !$0.isEmpty }.count == 2, "the header and 1.1 alone")
    }

    @Test func theAnnualReportShowsTheYearsMovementAndWhatIsCarriedForward() throws {
        let year = try ReportingCalendar().year(named: "2015/16").get()
        let md = ReportMarkdown.render(GroupedReport.report(year))
        #expect(md.hasPrefix("# Test plan: annual report 2015/16\n\nSafer Test\n\n2015/16: 1 April 2015 to 31 March 2016; as at 31 March 2016\n"))
        #expect(md.contains("## Movement since 2014/15\n"))
        #expect(md.contains("### Newly complete (1)\n"))
        #expect(md.contains("| 1.1 | Train staff | October 2015 | March 2016 | 5 months later |"))
        #expect(md.contains("## Carried forward (1)\n\nOpen at 31 March 2016, so carried into the next year"))
        #expect(md.contains("\n| 1.2 | G + | Run the campaign | CPS | 2017 | 2017-12-31 | on-track |"))
        #expect(!md.contains("## Exceptions") && !md.contains("## The full plan"))
        #expect(md.contains("\n- ↓ worse than last year\n") && !md.contains("last quarter"))

        let json = try #require(JSONSerialization.jsonObject(with: Data(ReportJSON.render(GroupedReport.report(year)).utf8)) as? [String: Any])
        #expect(json["period"] as? String == "2015/16" && json["period_kind"] as? String == "year")
        #expect(json["carried_forward"] as? [String] == ["1.2"])
        #expect(json["group"] is NSNull && json["exceptions_only"] as? Bool == false)
        let revised = (json["movement"] as? [String: Any])?["revised_deadlines"] as? [[String: String]]
        #expect(revised?.first?["slipped_by"] == "5 months later")
        #expect((json["group_summary"] as? [[String: Any]])?.map { $0["group"] as? String } == ["Harmful <b>Practices</b> Group", "No group"])
    }

    @Test func aGroupsJSONNamesTheGroup() throws {
        let text = ReportJSON.render(GroupedReport.report(GroupedReport.q2, .init(group: GroupedReport.group)))
        let json = try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let group = try #require(json["group"] as? [String: Any])
        #expect(group["short"] as? String == "HPOG" && group["chair"] as? String == "Head of Community Safety" && group["reports"] as? String == "quarterly")
        #expect((json["outputs"] as? [[String: Any]])?.map { $0["id"] as? String } == ["1.1"])
    }
}
