/// One period an indicator is reported for: a quarter, month or reporting year.
public struct FigurePeriod: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let frequency: Indicator.Frequency
    public let period: Period
    public let calendar: ReportingCalendar

    /// The period of `frequency` that holds `day`.
    public init(containing day: Day, frequency: Indicator.Frequency, calendar: ReportingCalendar) {
        self.frequency = frequency
        self.calendar = calendar
        switch frequency {
        case .quarterly: period = calendar.quarter(containing: day).period
        case .monthly: period = Period(first: .first(ofMonth: day.month, year: day.year), last: .last(ofMonth: day.month, year: day.year))
        case .annually:
            period = calendar.year(startingIn: day.month >= calendar.firstMonth ? day.year : day.year - 1)
        }
    }

    /// The period `text` names (`Q1 2015/16`, `April 2015`, `2015/16`), or why it is not one of
    /// `frequency`'s, with what to write instead.
    public static func parse(_ text: String, frequency: Indicator.Frequency, calendar: ReportingCalendar) -> Result<FigurePeriod, FigurePeriodProblem> {
        if let period = Period.parse(text, calendar: calendar) {
            let named = FigurePeriod(containing: period.first, frequency: frequency, calendar: calendar)
            if named.period == period { return .success(named) }
        }
        let example = FigurePeriod(containing: calendar.year(startingIn: 2015).first, frequency: frequency, calendar: calendar)
        return .failure(FigurePeriodProblem(message: "'\(text)' is not a \(frequency.periodName); write one such as '\(example)'"))
    }

    /// The period after this one.
    public var next: FigurePeriod { FigurePeriod(containing: .first(ofMonth: period.last.month + 1, year: period.last.year), frequency: frequency, calendar: calendar) }

    /// The period before this one.
    public var previous: FigurePeriod { FigurePeriod(containing: .first(ofMonth: period.first.month - 1, year: period.first.year), frequency: frequency, calendar: calendar) }

    /// The same period a year before.
    public var yearBefore: FigurePeriod {
        let first = period.first
        return FigurePeriod(containing: .first(ofMonth: first.month, year: first.year - 1), frequency: frequency, calendar: calendar)
    }

    /// The calendar year its reporting year starts in: which per-year target applies.
    public var reportingYear: Int {
        period.first.month >= calendar.firstMonth ? period.first.year : period.first.year - 1
    }

    /// `Q1 2015/16`, `April 2015`, `2015/16`.
    public var description: String {
        switch frequency {
        case .quarterly: calendar.quarter(containing: period.first).description
        case .monthly: "\(Month.name(period.first.month)) \(period.first.year)"
        case .annually: calendar.yearLabel(startingIn: reportingYear)
        }
    }

    public static func < (lhs: FigurePeriod, rhs: FigurePeriod) -> Bool { lhs.period.first < rhs.period.first }

    /// The periods of `frequency` from the one holding `first` to the one holding `last`, in order.
    public static func run(from first: Day, through last: Day, frequency: Indicator.Frequency, calendar: ReportingCalendar) -> [FigurePeriod] {
        var periods: [FigurePeriod] = []
        var period = FigurePeriod(containing: first, frequency: frequency, calendar: calendar)
        while period.period.first <= last {
            periods.append(period)
            period = period.next
        }
        return periods
    }
}

extension Indicator.Frequency {
    /// What one of its periods is called: `quarter`, `month`, `reporting year`.
    public var periodName: String {
        switch self {
        case .quarterly: "quarter"
        case .monthly: "month"
        case .annually: "reporting year"
        }
    }
}

/// Why a text names no period an indicator is reported for.
public struct FigurePeriodProblem: Error, Hashable, Sendable {
    public let message: String
}
