import ActionPlanModel
import Testing

/// The reports for each audience: a delivery group's, the board's exceptions, the annual report.
@Suite struct ReportScopeTests {
    static let hpog = DeliveryGroup(name: "Harmful Practices Operational Group", short: "HPOG", chair: "Head of Community Safety")
    static let chog = DeliveryGroup(name: "Children's Operational Group", short: "CHOG")

    /// `TwoQuarters.plan` with HPOG owning 1.1, 1.2 and 2.2 (across both pillars), CHOG 1.3, and
    /// 1.4 and 2.1 in no group.
    static let plan: Plan = {
        var plan = TwoQuarters.plan
        plan.groups = [hpog, chog]
        let owners = ["1.1": hpog.name, "1.2": hpog.name, "2.2": hpog.name, "1.3": chog.name]
        for p in plan.pillars.indices {
            for o in plan.pillars[p].objectives.indices {
                for i in plan.pillars[p].objectives[o].outputs.indices {
                    plan.pillars[p].objectives[o].outputs[i].group = owners[plan.pillars[p].objectives[o].outputs[i].id]
                }
            }
        }
        return plan
    }()

    static func report(_ period: ReportPeriod = .quarter(TwoQuarters.q2), _ scope: QuarterReport.Scope = .init()) -> QuarterReport {
        QuarterReport(plan: plan, journal: TwoQuarters.journal, period: period, scope: scope, asOf: day("2026-11-21"), generated: TwoQuarters.generated)
    }

    func ids(_ rows: [ReportRow]) -> [String] { rows.map(\.output.id) }

    @Test func aGroupsReportHoldsOnlyItsOutputsUnderTheirPillarsAndObjectives() {
        let report = Self.report(.quarter(TwoQuarters.q2), .init(group: Self.hpog))
        #expect(ids(report.rows) == ["1.1", "1.2", "2.2"])
        #expect(report.pillars.map(\.name) == ["Prevention", "Perpetrators"])
        #expect(report.exceptions.map { ids($0.rows) } == [["1.2"], ["1.1"]])
        #expect(ids(report.movement.ragChanges) == ["1.1", "1.2", "2.2"])
        #expect(report.movement.revisedDeadlines.isEmpty)
        #expect(report.summary.total.live == 2 && report.summary.total.dropped == 1)
        let chog = Self.report(.quarter(TwoQuarters.q2), .init(group: Self.chog))
        #expect(chog.summary.pillars.map(\.name) == ["Prevention"] && chog.previousSummary.pillars.map(\.name) == ["Prevention"],
                "a group's summary leaves out the pillars it has no work in")
    }

    @Test func theSummaryCountsEachGroupAndThenThoseInNone() {
        let groups = Self.report().summary.groups
        #expect(groups.map(\.name) == [Self.hpog.name, Self.chog.name, Summary.noGroup])
        #expect(groups.map(\.live) == [2, 1, 2])
        #expect(TwoQuarters.report().summary.groups.isEmpty, "a plan without groups has no group rows")
    }

    @Test func theExceptionReportHoldsOnlyWhatTheBoardMustSee() {
        let report = Self.report(.quarter(TwoQuarters.q2), .init(exceptionsOnly: true))
        // 1.1 is amber, which is left to the full report; 1.2 is overdue (and red and stale).
        #expect(report.exceptions.map(\.exception) == [.overdue])
        #expect(report.exceptions.map { ids($0.rows) } == [["1.2"]])
        #expect(ids(report.movement.revisedDeadlines) == ["1.4"])
        #expect(ids(report.rows) == ["1.2", "1.4"], "the outputs it covers: the exceptions and the revised deadline")
    }

    @Test func aQuietQuarterLeavesTheExceptionReportEmpty() {
        let report = QuarterReport(plan: QuietPlan.plan, journal: QuietPlan.journal, period: .quarter(TwoQuarters.q2),
                                   scope: .init(exceptionsOnly: true), asOf: day("2026-11-21"), generated: TwoQuarters.generated)
        #expect(report.exceptions.isEmpty && report.movement.revisedDeadlines.isEmpty && report.rows.isEmpty)
    }

    @Test func theAnnualReportRunsFromTheYearBeforesEndToTheYearsEnd() throws {
        let year = try ReportingCalendar().year(named: "2015/16").get()
        let report = Self.report(year)
        #expect(report.asAt == day("2016-03-31") && report.previousAsAt == day("2015-03-31"))
        #expect(report.period.description == "2015/16" && report.period.previous.description == "2014/15")
        #expect(ids(report.movement.newlyCompleted) == ["1.3"])
        #expect(ids(report.movement.revisedDeadlines) == ["1.4"])
        // 1.1 went off track in October, within the year; 1.3 is complete and 2.2 dropped.
        #expect(ids(report.carriedForward) == ["1.1", "1.2", "1.4", "2.1"])
        #expect(try #require(report.rows.first).output.status == .offTrack)
    }

    @Test func aYearIsWrittenAsPlansWriteOne() throws {
        let calendar = ReportingCalendar()
        #expect(try calendar.year(named: "2015-16").get() == .year(startingIn: 2015, calendar: calendar))
        #expect(try ReportingCalendar(firstMonth: 1).year(named: "2016").get().days == Period(first: day("2016-01-01"), last: day("2016-12-31")))
        guard case .failure(let problem) = calendar.year(named: "Q2 2015/16") else {
            Issue.record("a quarter was taken for a year")
            return
        }
        #expect(problem.message == "'Q2 2015/16' is not a reporting year; write one such as '2015/16' (it runs from April to March in this plan)")
    }

    @Test func aSlipIsInMonthsBetweenMonthEndsOtherwiseInDays() {
        let months = Slip(from: day("2015-10-31"), to: day("2016-03-31"))
        #expect(months.days == 152 && months.months == 5)
        #expect(Slip(from: day("2015-04-30"), to: day("2015-06-15")).months == nil)
        #expect(Slip(from: day("2015-04-30"), to: day("2015-06-15")).days == 46)
        #expect(Slip(from: day("2016-03-31"), to: day("2016-02-29")).months == -1)
    }
}

/// A plan with nothing wrong in Q2 2015/16: one output, led, due in 2017, rated on track in August.
enum QuietPlan {
    static let plan = Plan(title: "Quiet plan", pillars: [Pillar(name: "Prevention", objectives: [
        Objective(id: "1", text: "Prevent", outputs: [Output(id: "1.1", text: "Run the campaign", leads: ["Police"], due: due("2017"))]),
    ])])
    static let journal = Journal([TwoQuarters.record(1, "2015-08-01T09:00:00Z", Change(outputID: "1.1", status: .onTrack))])
}
