import ActionPlanModel
import Testing

/// The completion dates the seed plans write beyond a single date: a span, a milestone then
/// ongoing work, a four-digit reporting year, and recurring work. Each is read, then assessed as
/// of several fixed days.
@Suite struct DueFormTests {
    /// A plan that starts in April 2015 (the financial year), holding `output` under Prevention.
    private func assess(_ output: Output, asOf iso: String) -> Assessment {
        let subject = Plan(title: "Test plan", starts: Period(first: day("2015-04-01"), last: day("2015-04-30")),
                           pillars: [Pillar(name: "Prevention", objectives: [Objective(id: "1", text: "Prevent", outputs: [output])])])
        return subject.assess(output, asOf: day(iso))
    }

    private func output(_ written: String, status: Status? = nil, lastRecord: String? = nil) -> Output {
        var output = Output(id: "1.1", text: "x", leads: ["Police"], due: due(written), status: status)
        output.lastUpdate = lastRecord.flatMap { Day(iso: $0) }
        return output
    }

    @Test(arguments: ["Jan 2015 - March 2016", "Jan 2015 – March 2016", "jan 2015 to march 2016", "January 2015–March 2016", "Jan 2015-March 2016"])
    func aSpanStartsOnItsFirstDayAndIsDueOnItsLast(written: String) {
        let parsed = due(written)
        #expect(parsed.written == written)
        #expect(parsed.meaning == .by(Period(first: day("2015-01-01"), last: day("2016-03-31"))))
        #expect(parsed.deadline == day("2016-03-31"))
    }

    @Test func aSpanIsDueSoonThenOverdueByItsEnd() {
        let span = output("Jan 2015 - March 2016")
        #expect(assess(span, asOf: "2015-06-30").flags == [.stale])
        #expect(assess(span, asOf: "2015-12-31") == Assessment(rating: Rating(rag: .grey), flags: [.dueSoon, .stale], deadline: day("2016-03-31")))
        #expect(assess(span, asOf: "2016-04-01").flags == [.overdue, .stale])
        #expect(assess(span, asOf: "2016-04-01").rating.symbol == "R!")
    }

    @Test func aSpanThatEndsBeforeItStartsIsRefusedWithTheFix() {
        guard case .failure(let problem) = Due.parse("March 2016 - Jan 2015", calendar: ReportingCalendar()) else {
            Issue.record("read a backwards span")
            return
        }
        #expect(problem.message == "'March 2016 - Jan 2015' is not a completion date: it ends (2015-01-31) before it starts "
            + "(2016-03-01); write the start first, such as 'Jan 2015 - March 2016'")
    }

    @Test func aSpacedHyphenBetweenYearsIsASpanOfCalendarYears() {
        #expect(due("2017 - 2018").meaning == .by(Period(first: day("2017-01-01"), last: day("2018-12-31"))))
        #expect(due("2015-04").deadline == day("2015-04-30"))
        #expect(due("2015-16").deadline == day("2016-03-31"))
    }

    @Test(arguments: ["2017/2018", "2017-2018", "2017–2018", "2017/18"])
    func aFourDigitPairIsAReportingYear(written: String) {
        #expect(due(written).meaning == .by(Period(first: day("2017-04-01"), last: day("2018-03-31"))))
    }

    @Test func aPairThatIsNotConsecutiveIsNotAYear() {
        #expect(throws: DueProblem.self) { try Due.parse("2017/2019", calendar: ReportingCalendar()).get() }
    }

    @Test(arguments: ["April 2015 and then ongoing", "April 2015 then ongoing", "april 2015 and ongoing"])
    func aMilestoneThenOngoingIsDueByTheMilestone(written: String) {
        let parsed = due(written)
        #expect(parsed.meaning == .milestoneThenOngoing(Period(first: day("2015-04-01"), last: day("2015-04-30"))))
        #expect(parsed.deadline == day("2015-04-30"))
    }

    @Test func aMilestoneIsOverdueUntilItsWorkIsRatedAsRunning() {
        let unrated = output("April 2015 and then ongoing")
        #expect(assess(unrated, asOf: "2015-03-01") == Assessment(rating: Rating(rag: .grey), flags: [.dueSoon, .stale], deadline: day("2015-04-30")))
        // A note alone does not meet it: it says nothing about whether the work is running.
        let noted = output("April 2015 and then ongoing", lastRecord: "2015-04-10")
        #expect(assess(noted, asOf: "2015-04-30").flags == [.dueSoon])
        #expect(assess(noted, asOf: "2015-05-31").flags == [.overdue])
        #expect(assess(output("April 2015 and then ongoing", status: .notStarted), asOf: "2015-05-31").flags == [.overdue, .stale])
        // Rated on-track (or at-risk, off-track): the milestone is met and the work continues.
        for status in [Status.onTrack, .atRisk, .offTrack] {
            let running = output("April 2015 and then ongoing", status: status, lastRecord: "2015-05-10")
            #expect(assess(running, asOf: "2015-05-31") == Assessment(rating: Rating(rag: RAG(rating: status)), flags: [], deadline: nil))
            #expect(assess(running, asOf: "2017-01-31").flags == [.stale])
        }
    }

    @Test(arguments: [
        ("Annually", Recurrence.Every.year), ("each year", .year), ("Quarterly", .quarter), ("Each Quarter", .quarter),
        ("monthly", .month),
    ])
    func recurringWordsNameTheirPeriod(written: String, every: Recurrence.Every) {
        let parsed = due(written)
        #expect(parsed.meaning == .recurring(Recurrence(every: every, calendar: ReportingCalendar())))
        #expect(parsed.deadline == nil)
    }

    @Test func annualWorkIsDueEachReportingYearAndOverdueWhenAYearPassesUnrecorded() {
        let never = output("Annually")
        // The plan starts in April 2015: 2014/15 owed nothing.
        #expect(assess(never, asOf: "2015-06-30") == Assessment(rating: Rating(rag: .grey), flags: [.stale], deadline: day("2016-03-31")))
        #expect(assess(never, asOf: "2016-01-15").flags == [.dueSoon, .stale])
        #expect(assess(never, asOf: "2016-04-01").flags == [.overdue, .stale])
        // Overdue, it shows the deadline it missed.
        #expect(assess(never, asOf: "2016-04-01").deadline == day("2016-03-31"))
        #expect(assess(output("Annually", lastRecord: "2016-04-01"), asOf: "2016-04-01").deadline == day("2017-03-31"))
        let recorded = output("Annually", lastRecord: "2015-11-20")
        #expect(assess(recorded, asOf: "2016-01-15").flags == [.stale])
        #expect(assess(recorded, asOf: "2017-03-31").flags == [.dueSoon, .stale])
        #expect(assess(recorded, asOf: "2017-04-01").flags == [.overdue, .stale])
    }

    @Test func quarterlyWorkIsOverdueWhenAWholeQuarterPassesUnrecorded() {
        let subject = output("Each quarter", lastRecord: "2015-08-14")
        #expect(assess(subject, asOf: "2015-09-30") == Assessment(rating: Rating(rag: .grey), flags: [], deadline: day("2015-09-30")))
        #expect(assess(subject, asOf: "2015-10-01").flags == [.dueSoon, .stale])
        #expect(assess(subject, asOf: "2015-10-01").deadline == day("2015-12-31"))
        #expect(assess(subject, asOf: "2016-01-01").flags == [.overdue, .stale])
        #expect(assess(subject, asOf: "2016-01-01").rating.symbol == "R!")
        #expect(assess(subject, asOf: "2016-01-01").deadline == day("2015-12-31"))
    }

    @Test func monthlyWorkCountsCalendarMonths() {
        let subject = output("Monthly", lastRecord: "2015-05-31")
        #expect(assess(subject, asOf: "2015-06-15").flags == [.dueSoon])
        #expect(assess(subject, asOf: "2015-06-15").deadline == day("2015-06-30"))
        #expect(assess(subject, asOf: "2015-07-01").flags == [.overdue, .stale])
        #expect(assess(subject, asOf: "2016-01-01").deadline == day("2015-12-31"))
        #expect(assess(output("Monthly", lastRecord: "2015-12-20"), asOf: "2016-01-01").deadline == day("2016-01-31"))
    }

    @Test func finishedRecurringWorkCarriesNoFlags() {
        #expect(assess(output("Quarterly", status: .complete), asOf: "2017-01-01").flags == [])
    }
}

/// Dates and agency names written with odd white space read as when written with single spaces:
/// ASCII text is split into words by byte, any other text Character by Character.
@Suite struct WhiteSpaceInDatesTests {
    @Test(arguments: ["Q2 2017/18", "  Q2\t2017/18 ", "q2 \r\n 2017/18", "Q2\u{0B}\u{0C}2017/18", "Q2\u{00A0}2017/18", "Q2 \u{2003} 2017/18"])
    func aQuarterReadsWhateverSpaceSeparatesItsWords(written: String) {
        #expect(due(written).meaning == .by(Period(first: day("2017-07-01"), last: day("2017-09-30"))))
    }

    @Test(arguments: ["end of June 2015", "End  of\tJune 2015", "end of\u{00A0}June\u{2009}2015"])
    func endOfAMonthReadsWhateverSpaceSeparatesItsWords(written: String) {
        #expect(due(written).deadline == day("2015-06-30"))
    }

    @Test func wordsRunTogetherAreNotADate() {
        #expect(due("Q22017/18").deadline == nil)
        #expect(due("June\u{1F}2015").deadline == nil)
    }

    @Test(arguments: ["Metropolitan Police", "metropolitan  police", " Metropolitan\tPolice ", "Metropolitan\u{00A0}Police."])
    func anAgencyIsFoundWhateverSpaceSeparatesItsWords(written: String) {
        let register = AgencyRegister([Agency(name: "Metropolitan Police", short: "Police")])
        #expect(register.agency(named: written)?.name == "Metropolitan Police")
    }
}
