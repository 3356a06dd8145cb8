/// What a report covers: a quarter of the reporting year, or the whole year (the board's annual
/// report).
public enum ReportPeriod: Hashable, Sendable, CustomStringConvertible {
    case quarter(Quarter)
    /// The reporting year that starts in `startingIn` on `calendar`.
    case year(startingIn: Int, calendar: ReportingCalendar)

    /// The days it covers.
    public var days: Period {
        switch self {
        case .quarter(let quarter): quarter.period
        case .year(let year, let calendar): calendar.year(startingIn: year)
        }
    }

    /// The period of the same length before it, whose end movement is measured from.
    public var previous: ReportPeriod {
        switch self {
        case .quarter(let quarter): .quarter(quarter.previous)
        case .year(let year, let calendar): .year(startingIn: year - 1, calendar: calendar)
        }
    }

    /// "quarter" or "year", as a sentence names it.
    public var noun: String {
        switch self {
        case .quarter: "quarter"
        case .year: "year"
        }
    }

    /// `last quarter` or `last year`: what movement is measured against.
    public var before: String { "last \(noun)" }

    /// `Q2 2015/16`, or `2015/16`.
    public var description: String {
        switch self {
        case .quarter(let quarter): quarter.description
        case .year(let year, let calendar): calendar.yearLabel(startingIn: year)
        }
    }
}

extension ReportingCalendar {
    /// The reporting year `text` names (`2015/16`, `2015-16`), or why it names none.
    public func year(named text: String) -> Result<ReportPeriod, QuarterProblem> {
        if let period = Period.parse(text, calendar: self), case let start = quarter(containing: period.first).yearStart,
           year(startingIn: start) == period {
            return .success(.year(startingIn: start, calendar: self))
        }
        return .failure(QuarterProblem(message: "'\(text)' is not a reporting year; write one such as '\(yearLabel(startingIn: 2015))' "
            + "(it runs from \(Month.name(firstMonth)) to \(Month.name((firstMonth + 10) % 12 + 1)) in this plan)"))
    }
}
