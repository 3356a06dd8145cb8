import ActionPlanModel
import Testing

/// A year of quarterly figures (2015/16) for three indicators: a count with one target, a
/// percentage with an expected range, and a lower-is-better rate with a target per year.
enum AYearOfFigures {
    static let referrals = Indicator(id: "REF", name: "Referrals to MARAC", lead: "Police", target: .plan(200))
    static let male = Indicator(id: "MALE", name: "Male victims", unit: .percentage, better: .range, target: .range(low: 4, high: 10),
                                areas: ["RBKC", "LBHF"], comparators: ["National average"])
    static let repeats = Indicator(id: "REP", name: "Repeat victims", scope: .pillar("Provision"), unit: .rate, better: .down,
                                   target: .perYear([2015: 25]))

    static let plan = Plan(title: "Figures plan", starts: Period(first: day("2015-04-01"), last: day("2015-04-30")),
                           ends: Period(first: day("2017-03-01"), last: day("2017-03-31")), pillars: [],
                           indicators: [referrals, male, repeats])

    static func figure(_ line: Int, _ at: String, _ id: String, _ period: String, _ value: Double, area: String? = nil) -> FigureRecord {
        FigureRecord(line: line, at: Timestamp(at) ?? Timestamp(day: day("2000-01-01"), hour: 0, minute: 0, second: 0), by: "analyst",
                     figure: Figure(indicatorID: id, period: period, value: value, area: area))
    }

    static let figures = [
        figure(1, "2015-07-10T09:00:00Z", "REF", "Q1 2015/16", 187),
        figure(2, "2015-07-10T09:01:00Z", "MALE", "Q1 2015/16", 3, area: "RBKC"),
        figure(3, "2015-07-10T09:02:00Z", "REP", "Q1 2015/16", 30),
        figure(4, "2015-10-10T09:00:00Z", "REF", "Q2 2015/16", 205),
        figure(5, "2015-10-10T09:01:00Z", "MALE", "Q2 2015/16", 5, area: "RBKC"),
        figure(6, "2015-10-10T09:02:00Z", "REP", "Q2 2015/16", 27),
        figure(7, "2015-10-10T09:03:00Z", "MALE", "Q2 2015/16", 6, area: "national average"),
        figure(8, "2016-01-10T09:00:00Z", "REF", "Q3 2015/16", 150),
        figure(9, "2016-01-10T09:01:00Z", "MALE", "Q3 2015/16", 11, area: "RBKC"),
        figure(10, "2016-01-10T09:02:00Z", "REP", "Q3 2015/16", 24),
        figure(11, "2016-04-10T09:01:00Z", "MALE", "Q4 2015/16", 7, area: "RBKC"),
        figure(12, "2016-04-10T09:02:00Z", "REP", "Q4 2015/16", 28),
        // A correction: the later record for the same period stands; history keeps both.
        figure(13, "2016-04-11T09:00:00Z", "REP", "Q4 2015/16", 26),
    ]
}

@Suite struct IndicatorTests {
    private func standing(_ id: String, area: String? = nil, asOf text: String) throws -> IndicatorStanding {
        let all = AYearOfFigures.plan.standings(AYearOfFigures.figures, asOf: day(text))
        return try #require(all.first { $0.indicator.id == id && $0.area == area })
    }

    @Test func ratingsFollowTargetRangeAndTolerance() throws {
        let ref = try standing("REF", asOf: "2016-04-15")
        // 187 is within 10% of 200: amber; 205 green; 150 red; Q4 has no figure.
        #expect(ref.series.suffix(4).map(\.rating.letter) == ["A", "G", "R", "-"])
        #expect(ref.latest?.period.description == "Q3 2015/16")
        #expect(ref.rating == .red)
        let male = try standing("MALE", area: "RBKC", asOf: "2016-04-15")
        // 3 is more than 10% below 4: red; 5 inside; 11 within 10% above 10: amber; 7 inside.
        #expect(male.series.suffix(4).map(\.rating) == [.red, .green, .amber, .green])
        let rep = try standing("REP", asOf: "2016-04-15")
        // Lower is better, 25 for 2015/16: 30 red, 27 amber, 24 green, 26 (the correction) amber.
        #expect(rep.series.suffix(4).map(\.rating) == [.red, .amber, .green, .amber])
        #expect(rep.latest?.value == 26)
    }

    @Test func arrowsSayWhichWayTheFigureMovedAndWhetherThatIsBetter() throws {
        #expect(try standing("REF", asOf: "2016-04-15").sincePrevious?.text == "↓ worse")
        #expect(try standing("MALE", area: "RBKC", asOf: "2016-04-15").sincePrevious?.text == "↓ better")
        #expect(try standing("REP", asOf: "2016-04-15").sincePrevious?.text == "↑ worse")
        #expect(try standing("REP", asOf: "2015-10-15").sincePrevious?.text == "↓ better")
        // No figure a year before: nothing to compare with.
        #expect(try standing("REP", asOf: "2016-04-15").sinceYearBefore == nil)
    }

    @Test func aPeriodThatEndedWithNoFigureIsFlagged() throws {
        #expect(try standing("REF", asOf: "2016-04-15").flags == [.missingFigure])
        #expect(try standing("REP", asOf: "2016-04-15").flags.isEmpty)
        // LBHF never reported; the whole is not shown for an indicator reported by area only.
        #expect(try standing("MALE", area: "LBHF", asOf: "2016-04-15").flags == [.missingFigure])
        #expect(AYearOfFigures.plan.standings(AYearOfFigures.figures, asOf: day("2016-04-15")).filter { $0.indicator.id == "MALE" }.map(\.area) == ["RBKC", "LBHF"])
        // Mid-quarter, the quarter before had its figure.
        #expect(try standing("REF", asOf: "2015-11-01").flags.isEmpty)
        #expect(Flag.missingFigure.label == "no figure for a period that has ended")
    }

    @Test func aPastQuartersPictureIgnoresLaterFigures() throws {
        let atQ2 = try standing("REP", asOf: "2015-09-30")
        #expect(atQ2.latest?.value == 30)
        #expect(atQ2.series.map(\.period.description) == ["Q1 2015/16"])
        let later = try standing("REP", asOf: "2016-04-10")
        #expect(later.latest?.value == 28)
    }

    @Test func comparatorsAreShownBesideTheAreaUnrated() throws {
        let male = try standing("MALE", area: "RBKC", asOf: "2016-04-15")
        #expect(male.comparators.map(\.name) == ["National average"])
        #expect(male.comparators.first?.series.compactMap(\.value) == [6])
        #expect(male.comparators.first?.series.allSatisfy { $0.rating == .grey } == true)
    }

    @Test func theSeriesHoldsTheLastPeriodsUpToTheDay() throws {
        let all = AYearOfFigures.plan.standings(AYearOfFigures.figures, asOf: day("2016-04-15"), periods: 3)
        let ref = try #require(all.first)
        #expect(ref.series.map(\.period.description) == ["Q2 2015/16", "Q3 2015/16", "Q4 2015/16"])
        #expect(AYearOfFigures.plan.indicators.map(\.scope) == [.plan, .plan, .pillar("Provision")])
    }

    @Test func theLatestFigureStandsWhenTheSeriesHasMovedPastIt() throws {
        // Once the plan has ended, with nothing since Q3 2015/16, that is still the latest figure,
        // though a series of the plan's last three quarters shows none.
        let all = AYearOfFigures.plan.standings(AYearOfFigures.figures, asOf: day("2018-04-15"), periods: 3)
        let ref = try #require(all.first)
        #expect(ref.series.map(\.period.description) == ["Q2 2016/17", "Q3 2016/17", "Q4 2016/17"])
        #expect(ref.series.allSatisfy { $0.record == nil })
        #expect(ref.latest?.period.description == "Q3 2015/16" && ref.rating == .red)
        #expect(ref.flags == [.missingFigure])
    }

    @Test func historyKeepsCorrections() {
        let journal = Journal(figures: AYearOfFigures.figures)
        #expect(journal.figureHistory(of: "rep").suffix(2).map(\.figure.value) == [28, 26])
        #expect(journal.figureHistory(of: "REP", through: day("2015-12-31")).count == 2)
    }

    @Test func figuresAreCheckedBeforeTheyAreRecorded() {
        let plan = AYearOfFigures.plan
        let today = day("2015-11-20")
        func problem(_ id: String, _ period: String, _ value: Double, area: String? = nil) -> String? {
            plan.problem(with: Figure(indicatorID: id, period: period, value: value, area: area), today: today)
        }
        #expect(problem("REF", "Q2 2015/16", 187) == nil)
        #expect(problem("MALE", "Q2 2015/16", 12.5, area: "rbkc") == nil)
        #expect(problem("RFE", "Q2 2015/16", 1) == "no indicator 'RFE' in 'Figures plan'; did you mean 'REF'?")
        #expect(problem("MALE", "Q2 2015/16", 120) == "a percentage is between 0 and 100, not 120")
        #expect(problem("REF", "Q2 2015/16", -3) == "a figure in count cannot be negative (-3)")
        #expect(problem("REF", "Q1 2014/15", 3) == "Q1 2014/15 ended before the plan began (2015-04-01): it is outside the plan")
        #expect(problem("REF", "Q4 2015/16", 3) == "Q4 2015/16 has not begun yet (today is 2015-11-20): record a figure once its period has begun")
        #expect(problem("REF", "April 2015", 3) == "indicator REF is reported each quarter: 'April 2015' is not a quarter; write one such as 'Q1 2015/16'")
        #expect(problem("MALE", "Q2 2015/16", 5, area: "Camden") == "indicator MALE has no area or comparator 'Camden'; write one of: RBKC, LBHF, National average")
    }

    @Test func onlyTheSuppliersLeadTheChairAndTheCoordinatorMayRecordAFigure() {
        let access = Access(members: [Member(account: "pc", role: .lead, agencies: ["Police"]), Member(account: "nhs", role: .lead, agencies: ["NHS"]),
                                      Member(account: "co", role: .coordinator)])
        let plan = AYearOfFigures.plan
        #expect(access.refusal(ofFigureFor: AYearOfFigures.referrals, in: plan, by: "pc") == nil)
        #expect(access.refusal(ofFigureFor: AYearOfFigures.referrals, in: plan, by: "co") == nil)
        #expect(access.refusal(ofFigureFor: AYearOfFigures.referrals, in: plan, by: "nhs") == "indicator REF is supplied by Police, and nhs records for NHS only")
        #expect(access.refusal(ofFigureFor: AYearOfFigures.male, in: plan, by: "pc") == "indicator MALE names no lead agency, so only the chair or the coordinator may record its figures")
    }
}
