/// A run of calendar days that a written date names: a day, a month, a year or a quarter.
public struct Period: Hashable, Sendable, Codable {
    public let first: Day
    public let last: Day

    public init(first: Day, last: Day) {
        self.first = first
        self.last = last
    }

    public func contains(_ day: Day) -> Bool {
        first <= day && day <= last
    }
}

extension Day {
    /// The day a meeting means by "as of `text`": the day it names, or the last day of the
    /// month, quarter or year it names ("Q2 2015/16" is 30 September 2015); nil when it names none.
    public static func asOf(_ text: String, calendar: ReportingCalendar) -> Day? {
        Period.parse(text, calendar: calendar)?.last
    }
}

extension Period {
    /// Reads one of the dated forms a plan may write, or returns nil.
    ///
    /// `2015-04-30`, `30/04/2015` (a day, the day first as in the UK); `2015-04`, `April 2015`,
    /// `Apr 2015` (a month); `2017` (a calendar year); `2015/16`, `2015-16`, `2015/2016`,
    /// `2015-2016` (a reporting year); `Q2 2015/16` (a quarter of one). Each may follow "end of"
    /// ("end of March 2016"), which names the same period. Case and surrounding spaces do not matter.
    public static func parse(_ text: String, calendar: ReportingCalendar) -> Period? {
        var words = text.lowercased().words
        if words.count > 2, words[0] == "end", words[1] == "of" { words.removeFirst(2) }
        switch words.count {
        case 1:
            return parseNumeric(words[0], calendar: calendar)
        case 2:
            if let month = Month.number(named: words[0]), let year = fourDigitYear(words[1]) {
                return Period(first: .first(ofMonth: month, year: year), last: .last(ofMonth: month, year: year))
            }
            if words[0].count == 2, words[0].first == "q", let n = Int(words[0].dropFirst()), (1...4).contains(n),
               let year = reportingYearStart(words[1], calendar: calendar) {
                return calendar.quarter(n, ofYearStartingIn: year).period
            }
            return nil
        default:
            return nil
        }
    }

    private static func parseNumeric(_ word: Substring, calendar: ReportingCalendar) -> Period? {
        if let day = Day(iso: word) ?? dayFirst(word) {
            return Period(first: day, last: day)
        }
        if let year = fourDigitYear(word) {
            return Period(first: .first(ofMonth: 1, year: year), last: .last(ofMonth: 12, year: year))
        }
        let parts = word.split(separator: "-", omittingEmptySubsequences: false)
        // `2015-04` is a month; `2015-16` (the next year's last two digits) a reporting year.
        if parts.count == 2, let year = fourDigitYear(parts[0]), parts[1].count == 2,
           parts[1].allSatisfy(\.isASCII), let month = Int(parts[1]), (1...12).contains(month) {
            return Period(first: .first(ofMonth: month, year: year), last: .last(ofMonth: month, year: year))
        }
        if let year = reportingYearStart(word, calendar: calendar) {
            return calendar.year(startingIn: year)
        }
        return nil
    }

    /// The starting year of `2015/16`, `2015-16`, `2015/2016` or `2015-2016` (and of `2015` when the reporting year is the
    /// calendar year); nil unless the second part is the year after the first.
    private static func reportingYearStart(_ word: Substring, calendar: ReportingCalendar) -> Int? {
        if calendar.firstMonth == 1, let year = fourDigitYear(word) { return year }
        let parts = word.split(omittingEmptySubsequences: false) { $0 == "/" || $0 == "-" }
        // The second part is the next year, in two digits (`2015/16`) or four (`2017/2018`).
        guard parts.count == 2, let year = fourDigitYear(parts[0]), parts[1].utf8.count == 2 || parts[1].utf8.count == 4,
              isDigits(parts[1]), let next = Int(parts[1]),
              next == (parts[1].count == 2 ? (year + 1) % 100 : year + 1) else { return nil }
        return year
    }

    /// The day `31/03/2016` names: day, month and a four-digit year, the day first as the UK writes it.
    private static func dayFirst(_ word: Substring) -> Day? {
        let parts = word.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 3, (1...2).contains(parts[0].count), (1...2).contains(parts[1].count),
              parts.dropLast().allSatisfy(isDigits),
              let day = Int(parts[0]), let month = Int(parts[1]), let year = fourDigitYear(parts[2]) else { return nil }
        return Day(year: year, month: month, day: day)
    }

    private static func fourDigitYear(_ word: Substring) -> Int? {
        guard word.utf8.count == 4, isDigits(word), let year = Int(word),
              year >= 1000 else { return nil }
        return year
    }

    /// Whether `word` is all ASCII digits, checked by byte rather than by asking each character's
    /// Unicode properties: journals and plans read thousands of dates.
    private static func isDigits(_ word: Substring) -> Bool {
        word.utf8.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
    }
}
