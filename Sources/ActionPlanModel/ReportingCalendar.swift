/// The reporting year a partnership works to, and its quarters.
///
/// UK councils report on the financial year, so by default Q1 is April to June; a plan may start
/// its year in any month (`year_starts`).
public struct ReportingCalendar: Hashable, Sendable, Codable {
    /// The first month of the reporting year, 1 to 12.
    public let firstMonth: Int

    public init(firstMonth: Int = 4) {
        self.firstMonth = (1...12).contains(firstMonth) ? firstMonth : 4
    }

    /// The reporting year that starts in `firstMonth` of `year`.
    public func year(startingIn year: Int) -> Period {
        Period(first: .first(ofMonth: firstMonth, year: year), last: .last(ofMonth: firstMonth + 11, year: year))
    }

    /// Quarter `number` (1 to 4) of the reporting year that starts in `year`.
    public func quarter(_ number: Int, ofYearStartingIn year: Int) -> Quarter {
        Quarter(number: number, yearStart: year, calendar: self)
    }

    /// The quarter that holds `day`.
    public func quarter(containing day: Day) -> Quarter {
        let monthsIn = (day.month - firstMonth + 12) % 12
        let yearStart = day.month >= firstMonth ? day.year : day.year - 1
        return quarter(monthsIn / 3 + 1, ofYearStartingIn: yearStart)
    }

    /// The quarter `text` names, written as plans write one (`Q2 2015/16`, `q2 2015-16`), or
    /// why it names none, with what to write instead.
    public func quarter(named text: String) -> Result<Quarter, QuarterProblem> {
        if let period = Period.parse(text, calendar: self), case let quarter = self.quarter(containing: period.first),
           quarter.period == period {
            return .success(quarter)
        }
        // "Q2 2015" names no reporting year; the hint is the one that starts in 2015.
        let hint = Due.datesWithin(text, calendar: self).first { $0.hasPrefix("Q") }.map { "; did you mean '\($0)'?" }
        let q1 = Period(first: .first(ofMonth: firstMonth, year: 2015), last: .last(ofMonth: firstMonth + 2, year: 2015))
        return .failure(QuarterProblem(message: hint.map { "'\(text)' is not a quarter of the reporting year\($0)" }
            ?? "'\(text)' is not a quarter; write one such as 'Q2 \(yearLabel(startingIn: 2015))' "
            + "(Q1 is \(Month.name(q1.first.month)) to \(Month.name(q1.last.month)) in this plan's reporting year)"))
    }

    /// How a reporting year is written: `2015/16`, or `2015` when it is the calendar year.
    public func yearLabel(startingIn year: Int) -> String {
        if firstMonth == 1 { return String(year) }
        return "\(year)/\(((year + 1) % 100).zeroPadded(2))"
    }
}

/// One quarter of a reporting year, such as Q2 2015/16.
public struct Quarter: Hashable, Sendable, CustomStringConvertible {
    /// 1 to 4.
    public let number: Int
    /// The calendar year in which its reporting year starts.
    public let yearStart: Int
    public let calendar: ReportingCalendar

    /// The days it covers.
    public var period: Period {
        let firstMonth = calendar.firstMonth + (number - 1) * 3
        return Period(first: .first(ofMonth: firstMonth, year: yearStart), last: .last(ofMonth: firstMonth + 2, year: yearStart))
    }

    /// The quarter after this one.
    public var next: Quarter {
        number == 4
            ? Quarter(number: 1, yearStart: yearStart + 1, calendar: calendar)
            : Quarter(number: number + 1, yearStart: yearStart, calendar: calendar)
    }

    /// The quarter before this one.
    public var previous: Quarter {
        number == 1
            ? Quarter(number: 4, yearStart: yearStart - 1, calendar: calendar)
            : Quarter(number: number - 1, yearStart: yearStart, calendar: calendar)
    }

    /// `Q2 2015/16`.
    public var description: String {
        "Q\(number) \(calendar.yearLabel(startingIn: yearStart))"
    }
}


/// Why a text names no quarter, with what to write instead.
public struct QuarterProblem: Error, Hashable, Sendable {
    public let message: String
}
