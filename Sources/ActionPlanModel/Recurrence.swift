/// Work due again every period ("annually", "each quarter", "monthly"), on the plan's reporting calendar.
public struct Recurrence: Hashable, Sendable, Codable {
    /// How long each period is.
    public enum Every: String, Hashable, Sendable, Codable {
        /// A reporting year (April to March by default).
        case year
        /// A quarter of the reporting year.
        case quarter
        /// A calendar month.
        case month
    }

    public let every: Every
    public let calendar: ReportingCalendar

    public init(every: Every, calendar: ReportingCalendar) {
        self.every = every
        self.calendar = calendar
    }

    /// The words a plan writes for each, compared without case after folding spaces.
    static let words: [String: Every] = [
        "annually": .year, "annual": .year, "each year": .year, "every year": .year, "yearly": .year,
        "quarterly": .quarter, "each quarter": .quarter, "every quarter": .quarter,
        "monthly": .month, "each month": .month, "every month": .month,
    ]

    /// The period that holds `day`: the one whose return is due by its last day.
    public func period(containing day: Day) -> Period {
        switch every {
        case .year:
            return calendar.year(startingIn: day.month >= calendar.firstMonth ? day.year : day.year - 1)
        case .quarter:
            return calendar.quarter(containing: day).period
        case .month:
            return Period(first: .first(ofMonth: day.month, year: day.year), last: .last(ofMonth: day.month, year: day.year))
        }
    }

    /// The whole period that ended just before the one holding `day`.
    public func period(before day: Day) -> Period {
        let first = period(containing: day).first
        // The month before `first` lies in the previous period whatever its length.
        return period(containing: .last(ofMonth: first.month - 1, year: first.year))
    }
}
