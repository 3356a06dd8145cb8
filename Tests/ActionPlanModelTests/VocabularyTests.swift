import ActionPlanModel
import Testing

/// One wording for one thing: flag labels, lead text, zero padding and the "all records" bound.
@Suite struct VocabularyTests {
    @Test func aFlagsExceptionIsHeadedByTheFlagsOwnLabel() {
        for exception in Exception.allCases {
            switch exception.cause {
            case .flag(let flag): #expect(exception.heading.lowercased() == flag.label)
            case .colour(let colour): #expect(exception.heading.lowercased() == colour.rawValue)
            }
        }
        #expect(Exception.allCases.map(\.heading) == ["Overdue", "No lead agency", "No deadline", "Red", "Amber", "No update this quarter"])
    }

    @Test func leadTextJoinsJointLeadsAndNamesNone() {
        #expect(LeadText.text(["Police", "CPS"]) == "Police; CPS")
        #expect(LeadText.text([]) == "none")
        #expect(LeadText.text([], none: "") == "")
    }

    @Test func zeroPaddingKeepsLongerNumbersWhole() {
        #expect(7.zeroPadded(2) == "07")
        #expect(2015.zeroPadded(2) == "2015")
        #expect(UInt8(10).zeroPadded(2, radix: 16) == "0A")
        #expect(Day.first(ofMonth: 3, year: 15).description == "0015-03-01")
        #expect(Timestamp(day: Day.first(ofMonth: 1, year: 2015), hour: 9, minute: 5, second: 3).text == "2015-01-01T09:05:03Z")
        #expect(ReportingCalendar().yearLabel(startingIn: 2008) == "2008/09")
    }

    @Test func allRecordsIsAfterAnyDayAJournalCanHold() {
        #expect(Day.allRecords == Day.last(ofMonth: 12, year: 9999))
        #expect(Day(year: 9999, month: 12, day: 31) == Day.allRecords)
    }
}
