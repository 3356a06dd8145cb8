import ActionPlanModel
import Testing

/// The day a meeting means: one parser for plan dates and `--as-of`, taking the last day of a
/// month or quarter named, and the UK's day-first form.
@Suite struct AsOfTests {
    let april = ReportingCalendar()

    @Test(arguments: ["2016-03-31", "31/03/2016", "March 2016", "end of March 2016", "2016-03", "Q4 2015/16", "End Of Mar 2016", "2015/16"])
    func eachFormNamesTheLastDayOfMarch2016(said: String) {
        #expect(Day.asOf(said, calendar: april)?.description == "2016-03-31")
    }

    @Test(arguments: ["31/02/2016", "03/31/2016", "2016/03/31", "end of", "end of next week", "Q5 2015/16", "soon"])
    func whatNamesNoDayIsNil(said: String) {
        #expect(Day.asOf(said, calendar: april) == nil)
    }

    @Test func aPlanDueOnADayFirstDateOrAtAMonthsEndReadsAsTheSameDeadline() throws {
        let written = try Due.parse("30/04/2015", calendar: april).get()
        let monthEnd = try Due.parse("end of April 2015", calendar: april).get()
        #expect(written.deadline?.description == "2015-04-30" && monthEnd.deadline?.description == "2015-04-30")
    }

    @Test func wordsAroundADateAreAdvisedInTheTermsOfWhereTheyWereWritten() throws {
        guard case .failure(let problem) = Due.parse("Communications Plan completed October 2014", calendar: april) else {
            Issue.record("read as a date")
            return
        }
        #expect(problem.message(writtenIn: .planFile).hasSuffix("write 'due: October 2014' and move the words to 'note:'"))
        #expect(problem.message(writtenIn: .commandLine).hasSuffix("give the date alone (--due 'October 2014') and the words as --note"))
    }
}
