import ActionPlanModel
@testable import ActionPlanTUI

/// The test plan with indicators from April 2014 and a year of quarterly figures (2014/15): a
/// count for the whole plan, a percentage with an expected range by area, a rate where lower is
/// better with a target per year and a correction, and a count of days with no target.
extension Fixture {
    static let referrals = Indicator(id: "REF", name: "Referrals to MARAC", lead: "Police", source: "MARAC data, SafeLives",
                                     baseline: .init(value: 140, period: "2013/14"), target: .plan(200))
    static let male = Indicator(id: "MALE", name: "Male victims referred", scope: .pillar("Prevention"), unit: .percentage, better: .range,
                                target: .range(low: 4, high: 10), areas: ["RBKC", "LBHF"])
    static let days = Indicator(id: "DAYS", name: "Days from referral to first contact", scope: .pillar("Prevention"), unit: .days, better: .down)
    static let repeats = Indicator(id: "REP", name: "Repeat victims", scope: .objective("2"), unit: .rate, better: .down, lead: "C&F",
                                   target: .perYear([2014: 25]))

    static let indicatorPlan: Plan = {
        var plan = Fixture.plan
        plan.starts = Period(first: .first(ofMonth: 4, year: 2014), last: .last(ofMonth: 4, year: 2014))
        plan.ends = Period(first: .first(ofMonth: 3, year: 2017), last: .last(ofMonth: 3, year: 2017))
        plan.indicators = [referrals, male, days, repeats]
        return plan
    }()

    static func figure(_ line: Int, _ at: String, _ id: String, _ period: String, _ value: Double, area: String? = nil, note: String? = nil) -> FigureRecord {
        FigureRecord(line: line, at: Timestamp(at) ?? Timestamp(day: asOf, hour: 0, minute: 0, second: 0), by: "analyst",
                     figure: Figure(indicatorID: id, period: period, value: value, area: area, note: note))
    }

    static let figures = [
        figure(1, "2014-07-10T09:00:00Z", "REF", "Q1 2014/15", 150),
        figure(2, "2014-07-10T09:01:00Z", "MALE", "Q1 2014/15", 3, area: "RBKC"),
        figure(3, "2014-07-10T09:02:00Z", "MALE", "Q1 2014/15", 2, area: "LBHF"),
        figure(4, "2014-07-10T09:03:00Z", "REP", "Q1 2014/15", 30),
        figure(5, "2014-10-10T09:00:00Z", "REF", "Q2 2014/15", 187),
        figure(6, "2014-10-10T09:01:00Z", "MALE", "Q2 2014/15", 5, area: "RBKC"),
        figure(7, "2014-10-10T09:02:00Z", "REP", "Q2 2014/15", 27),
        figure(8, "2015-01-10T09:00:00Z", "REF", "Q3 2014/15", 205),
        figure(9, "2015-01-10T09:01:00Z", "MALE", "Q3 2014/15", 11, area: "RBKC"),
        figure(10, "2015-01-10T09:02:00Z", "DAYS", "Q3 2014/15", 9),
        figure(11, "2015-04-10T09:00:00Z", "REF", "Q4 2014/15", 190, note: "Two IDVAs on leave"),
        figure(12, "2015-04-10T09:01:00Z", "MALE", "Q4 2014/15", 7, area: "RBKC"),
        figure(13, "2015-04-10T09:02:00Z", "REP", "Q4 2014/15", 31),
        figure(14, "2015-04-10T09:03:00Z", "DAYS", "Q4 2014/15", 12),
        // A correction: the later record for the period stands, and the detail shows both.
        figure(15, "2015-04-20T09:00:00Z", "REP", "Q4 2014/15", 29, note: "Corrected: duplicates removed"),
    ]

    /// A state on the plan with indicators and their figures, as of 30 June 2015.
    static func indicatorState(width: Int = 80, height: Int = 24, figures: [FigureRecord] = figures) -> TUIState {
        TUIState(plan: indicatorPlan, journal: Journal([], figures: figures), asOf: asOf, foldThrough: asOf, account: "pc.jones",
                 agencies: ["Police"], width: width, height: height)
    }
}
