import ActionPlanModel
import Testing

/// Shorthand for a day that certainly exists.
func day(_ iso: String) -> Day {
    guard let day = Day(iso: iso) else { fatalError("test day \(iso) is not a date") }
    return day
}

@Suite struct CalendarTests {
    @Test func daysCheckTheCalendar() {
        #expect(Day(year: 2016, month: 2, day: 29) != nil)
        #expect(Day(year: 2015, month: 2, day: 29) == nil)
        #expect(Day(year: 2015, month: 13, day: 1) == nil)
        #expect(Day(iso: "2015-4-30") == nil)
        #expect(Day(iso: "2015-04-30")?.description == "2015-04-30")
    }

    @Test func aDayIsWrittenWithFourDigitsForItsYearAndTwoForItsMonthAndDay() {
        #expect(Day(year: 1, month: 2, day: 3)?.description == "0001-02-03")
        #expect(Day(year: 9999, month: 12, day: 31)?.description == "9999-12-31")
        // Counting months on from the last day there is goes past four digits, and says so.
        #expect(Day.first(ofMonth: 13, year: 9999).description == "10000-01-01")
    }

    @Test(arguments: [
        "2015-06-30T14:05:9Z", "2015-06-30 14:05:09Z", "2015-06-30T14:05:09+0", "2015-06-30T24:00:00Z",
        "2015-06-30T14:60:00Z", "2015-02-30T10:00:00Z", "2015-0６-30T10:00:00Z", "2015-06-30T1４:05:09Z", "",
    ])
    func journalTimesMustBeExactlyTheFormJournalsWrite(text: String) {
        #expect(Timestamp(text) == nil)
    }

    @Test func journalTimesAndDaysReadTheirDigits() {
        let time = Timestamp("2016-02-29T23:59:60Z")
        #expect(time?.day == day("2016-02-29"))
        #expect(time?.readable == "2016-02-29 23:59 UTC")
        #expect(Day(iso: "2015-04-3x") == nil)
        #expect(Day(iso: "２０15-04-30") == nil)
        #expect(Day(iso: "2015-04-30T") == nil)
    }

    @Test func monthsRollIntoTheNextYear() {
        #expect(Day.last(ofMonth: 15, year: 2015) == day("2016-03-31"))
        #expect(Day.last(ofMonth: 2, year: 2000) == day("2000-02-29"))
        #expect(Day.last(ofMonth: 2, year: 1900) == day("1900-02-28"))
    }

    @Test func quartersFollowTheUKFinancialYearByDefault() {
        let calendar = ReportingCalendar()
        let q1 = calendar.quarter(containing: day("2015-06-30"))
        #expect(q1.description == "Q1 2015/16")
        #expect(q1.period == Period(first: day("2015-04-01"), last: day("2015-06-30")))
        #expect(calendar.quarter(containing: day("2016-03-31")).description == "Q4 2015/16")
        #expect(calendar.quarter(containing: day("2016-04-01")).description == "Q1 2016/17")
        #expect(calendar.quarter(containing: day("2016-02-10")).next.description == "Q1 2016/17")
    }

    @Test func aCalendarYearPlanHasCalendarQuarters() {
        let calendar = ReportingCalendar(firstMonth: 1)
        #expect(calendar.quarter(containing: day("2015-05-01")).description == "Q2 2015")
        #expect(calendar.year(startingIn: 2015).last == day("2015-12-31"))
    }

    @Test func theCenturyTurnsInYearLabels() {
        #expect(ReportingCalendar().yearLabel(startingIn: 2099) == "2099/00")
        #expect(ReportingCalendar().yearLabel(startingIn: 2008) == "2008/09")
    }
}

@Suite struct DueTests {
    let calendar = ReportingCalendar()

    func deadline(_ text: String) -> String? {
        switch Due.parse(text, calendar: calendar) {
        case .success(let due): due.deadline?.description
        case .failure: "error"
        }
    }

    @Test func everyDatedFormMeansItsLastDay() {
        #expect(deadline("2015-04-30") == "2015-04-30")
        #expect(deadline("2015-04") == "2015-04-30")
        #expect(deadline("April 2015") == "2015-04-30")
        #expect(deadline("apr 2015") == "2015-04-30")
        #expect(deadline("Sept 2015") == "2015-09-30")
        #expect(deadline("2017") == "2017-12-31")
        #expect(deadline("2015/16") == "2016-03-31")
        #expect(deadline("2015-16") == "2016-03-31")
        #expect(deadline("Q2 2015/16") == "2015-09-30")
        #expect(deadline("q4 2015-16") == "2016-03-31")
        #expect(deadline("  February   2016 ") == "2016-02-29")
    }

    @Test func ongoingAndUndatedHaveNoDeadline() throws {
        for text in ["Ongoing", "ONGOING", "TBC", "tba", "To be added", "to  be added", "", "  "] {
            let due = try Due.parse(text, calendar: calendar).get()
            #expect(due.deadline == nil, "\(text)")
            #expect(due.meaning == (text.lowercased() == "ongoing" ? .ongoing : .undated), "\(text)")
        }
    }

    @Test func wordsAroundADateAreRefusedWithTheDateToKeep() {
        guard case .failure(let problem) = Due.parse("Communications Plan completed October 2014", calendar: calendar) else {
            Issue.record("accepted words as a date")
            return
        }
        #expect(problem.message.contains("write 'due: October 2014' and move the words to 'note:'"))
    }

    @Test func aCellWithTwoDatesMustBeSplit() {
        guard case .failure(let problem) = Due.parse("November 2014 for development; Delivery through to March 2018", calendar: calendar) else {
            Issue.record("accepted two dates")
            return
        }
        #expect(problem.datesFound == ["November 2014", "March 2018"])
        #expect(problem.message.contains("split the output"))
    }

    @Test func nonsenseListsTheFormsToWrite() {
        guard case .failure(let problem) = Due.parse("Summer", calendar: calendar) else {
            Issue.record("accepted Summer")
            return
        }
        #expect(problem.message.contains("'April 2015'") && problem.message.contains("'Q2 2015/16'"))
    }

    @Test func impossibleDatesAreRefused() {
        #expect(deadline("2015-02-30") == "error")
        #expect(deadline("2015-13") == "error")
        #expect(deadline("2015/17") == "error")
        #expect(deadline("Q5 2015/16") == "error")
    }
}
