import ActionPlanModel
import Foundation
import Testing

/// Days, moments and periods are stored as they are written, and text that is not one is refused.
@Suite struct StoredAsTextTests {
    private struct Stored: Codable, Equatable {
        let day: Day
        let at: Timestamp
        let period: Period
    }

    @Test func eachIsStoredAsItsTextAndReadBack() throws {
        let stored = Stored(day: try #require(Day(iso: "2016-02-29")), at: try #require(Timestamp("2015-06-30T23:59:60Z")),
                            period: Period(first: try #require(Day(iso: "2015-04-01")), last: try #require(Day(iso: "2015-06-30"))))
        let json = try JSONEncoder().encode(stored)
        #expect(String(decoding: json, as: UTF8.self).contains(#""period":"2015-04-01\/2015-06-30""#))
        #expect(String(decoding: json, as: UTF8.self).contains(#""day":"2016-02-29""#))
        #expect(try JSONDecoder().decode(Stored.self, from: json) == stored)
    }

    @Test(arguments: [
        #"{"day":"2015-02-29","at":"2015-06-30T14:05:09Z","period":"2015-04-01/2015-06-30"}"#,
        #"{"day":"2015-06-30","at":"2015-06-30 14:05","period":"2015-04-01/2015-06-30"}"#,
        #"{"day":"2015-06-30","at":"2015-06-30T14:05:09Z","period":"2015-04-01-2015-06-30"}"#,
        #"{"day":"2015-06-30","at":"2015-06-30T14:05:09Z","period":"2015-04-01/2015-06-3"}"#,
    ])
    func textThatIsNotOneIsRefused(json: String) {
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(Stored.self, from: Data(json.utf8)) }
    }

    @Test func eachMeaningOfADateIsStoredAsItsTextAndReadBack() throws {
        let quarter = Period(first: try #require(Day(iso: "2015-04-01")), last: try #require(Day(iso: "2015-06-30")))
        let meanings: [Due.Meaning] = [.by(quarter), .milestoneThenOngoing(quarter), .ongoing, .undated,
                                       .recurring(Recurrence(every: .quarter, calendar: ReportingCalendar(firstMonth: 1)))]
        let json = try JSONEncoder().encode(meanings)
        #expect(String(decoding: json, as: UTF8.self)
            == #"["by 2015-04-01\/2015-06-30","milestone 2015-04-01\/2015-06-30","ongoing","undated","every quarter 1"]"#)
        #expect(try JSONDecoder().decode([Due.Meaning].self, from: json) == meanings)
    }

    @Test(arguments: ["by", "by 2015-04-01", "milestone 2015-04-01/2015-06-30 x", "every week 4", "every year 13", "every year", "Ongoing", ""])
    func aMeaningThatIsNotOneIsRefused(text: String) throws {
        let json = try JSONEncoder().encode([text])
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([Due.Meaning].self, from: json) }
    }
}
