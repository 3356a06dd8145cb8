import ActionPlanModel
import ActionPlanStore
import Foundation
import Testing

/// Completion dates: the forms a plan may write, the deadlines they mean, and what a coordinator
/// is told when a cell holds something else.
@Suite struct DueDateTests {
    /// Loads the fixture plan with one output whose `due:` line is `due` (after `header` lines).
    private func loadDue(_ due: String, header: [String] = []) -> Loaded {
        Loaded(Fixture.plan(header: header, outputs: Fixture.output("1.1", "due: \(due)")))
    }

    @Test(arguments: [
        ("2015-04-30", "2015-04-30"), ("2015-04", "2015-04-30"), ("April 2015", "2015-04-30"),
        ("apr 2015", "2015-04-30"), ("Sept 2015", "2015-09-30"), ("2017", "2017-12-31"),
        ("2015/16", "2016-03-31"), ("2015-16", "2016-03-31"), ("Q2 2015/16", "2015-09-30"),
        ("q2 2015-16", "2015-09-30"), ("Q4 2015/16", "2016-03-31"), ("2016-02-29", "2016-02-29"),
        ("Jan 2015 - March 2016", "2016-03-31"), ("Jan 2015 – March 2016", "2016-03-31"), ("2017/2018", "2018-03-31"),
        ("2017-2018", "2018-03-31"), ("April 2015 and then ongoing", "2015-04-30"),
    ])
    func aDatedFormMeansTheLastDayOfWhatItNames(written: String, deadline: String) throws {
        let loaded = loadDue(written)
        #expect(loaded.diagnostics.isEmpty, "\(describe(loaded.diagnostics))")
        let due = try loaded.onlyOutput().due
        #expect(due.written == written)
        #expect(due.deadline == (try isoDay(deadline)))
    }

    @Test(arguments: ["Ongoing", "ONGOING"])
    func ongoingHasNoDeadline(written: String) throws {
        let loaded = loadDue(written)
        #expect(loaded.diagnostics.isEmpty, "\(describe(loaded.diagnostics))")
        let due = try loaded.onlyOutput().due
        #expect(due.meaning == .ongoing)
        #expect(due.deadline == nil)
    }

    @Test(arguments: ["TBC", "tbc", "To be added", "TBA", "", "\"\"", "~"])
    func placeholdersAndBlanksAreUndated(written: String) throws {
        let loaded = loadDue(written)
        #expect(loaded.diagnostics.isEmpty, "\(describe(loaded.diagnostics))")
        #expect(try loaded.onlyOutput().due.meaning == .undated)
    }

    @Test func aMissingDueIsUndated() throws {
        let loaded = Loaded(Fixture.plan())
        #expect(try loaded.onlyOutput().due == .none)
    }

    /// With `year_starts: January` the reporting year is the calendar year, so a reporting year
    /// written `2015/16` is the one that starts in January 2015, and `Q2 2015` is a quarter.
    @Test(arguments: [
        ("2015/16", "2015-12-31"), ("2015-16", "2015-12-31"), ("Q2 2015/16", "2015-06-30"),
        ("Q2 2015", "2015-06-30"), ("Q4 2015", "2015-12-31"), ("2017", "2017-12-31"), ("April 2015", "2015-04-30"),
    ])
    func aCalendarYearPlanReadsYearsAndQuartersByTheCalendar(written: String, deadline: String) throws {
        let loaded = loadDue(written, header: ["year_starts: January"])
        #expect(loaded.diagnostics.isEmpty, "\(describe(loaded.diagnostics))")
        #expect(try loaded.onlyOutput().due.deadline == (try isoDay(deadline)))
    }

    @Test func yearStartsMovesTheQuarters() throws {
        let loaded = loadDue("Q1 2015/16", header: ["year_starts: July"])
        #expect(try loaded.onlyOutput().due.deadline == (try isoDay("2015-09-30")))
    }

    // MARK: What is not a date

    @Test func wordsAroundOneDateAreToldToMoveToANote() throws {
        let loaded = loadDue("Communications Plan completed October 2014")
        expectOnlyProblem(loaded, .error, at: try loaded.place(of: "Communications Plan"),
                          saying: "is not a completion date", "write 'due: October 2014'", "'note:'")
    }

    @Test func aCellWithTwoDatesIsToldToSplitTheOutput() throws {
        let loaded = loadDue("November 2014 for development; delivery through to March 2018")
        expectOnlyProblem(loaded, .error, at: try loaded.place(of: "November 2014"),
                          saying: "2 dates", "'November 2014'", "'March 2018'", "split the output")
    }

    @Test(arguments: ["Sometime", "2015-02-30", "31/02/2016", "2015/17"])
    func aCellWithNoDateListsTheAcceptedForms(written: String) throws {
        let loaded = loadDue(written)
        expectOnlyProblem(loaded, .error, at: try loaded.place(of: written),
                          saying: "'\(written)' is not a completion date", "'April 2015'", "'2015/16'",
                          "'Q2 2015/16'", "'Ongoing'", "'TBC'")
    }

    /// By the UK financial year "Q2 2015" has no meaning; the fix is to name the reporting year,
    /// not to drop the quarter (which would move the deadline from September to December).
    @Test func aQuarterOfACalendarYearIsToldToNameTheReportingYear() throws {
        let loaded = loadDue("Q2 2015")
        let error = expectOnlyProblem(loaded, .error, at: try loaded.place(of: "Q2 2015"), saying: "Q2 2015/16")
        #expect(error?.message.contains("write 'due: 2015'") == false,
                "suggests a date that changes the deadline: \(error?.message ?? "")")
    }

    @Test func aStartDateThatIsNotADateIsAnError() throws {
        let loaded = Loaded(Fixture.plan(header: ["starts: Ongoing"]))
        expectOnlyProblem(loaded, .error, at: try loaded.place(of: "Ongoing"), saying: "'starts' takes a date", "'April 2014'")
    }

    @Test func aPlanThatEndsBeforeItStartsIsAnError() throws {
        let loaded = Loaded(Fixture.plan(header: ["starts: April 2017", "ends: March 2014"]))
        expectOnlyProblem(loaded, .error, at: try loaded.place(of: "March 2014"),
                          saying: "ends (2014-03-31) before it starts (2017-04-01)", "'starts' and 'ends'")
    }
}
