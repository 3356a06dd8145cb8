/// One period's figure for an indicator (or one area of it), with its target and rating.
public struct Reading: Hashable, Sendable {
    public let period: FigurePeriod
    /// The record that stands for the period: the latest made by the day asked about. Nil when
    /// nothing was recorded.
    public let record: FigureRecord?
    public let target: Indicator.Target?
    /// Grey when there is no figure or no target.
    public let rating: RAG

    public var value: Double? { record?.figure.value }
}

/// A comparator's figures beside an indicator's (`Met average`): shown, never rated.
public struct Comparison: Hashable, Sendable {
    public let name: String
    public let series: [Reading]
}

/// How an indicator, or one area of it, stood on a day: its latest figure and rating, which way
/// it moved, the flag that calls for a figure, and the series of its last periods.
public struct IndicatorStanding: Hashable, Sendable {
    public let indicator: Indicator
    /// The area, as the plan spells it; nil for the indicator as a whole.
    public let area: String?
    /// The last periods up to the day, oldest first, each with its figure if one was recorded.
    public let series: [Reading]
    /// The comparators' figures for the same periods, in the order the plan lists them.
    public let comparators: [Comparison]
    /// `missing-figure` when a period has ended with no figure for it.
    public let flags: [Flag]

    /// The latest period with a figure by the day, whether or not the series still shows it.
    public let latest: Reading?

    public var rating: RAG { latest?.rating ?? .grey }

    /// The latest figure against the period before it's.
    public var sincePrevious: Travel? { latest.flatMap { travel(to: $0, against: .previous) } }

    /// The latest figure against the same period a year before.
    public var sinceYearBefore: Travel? { latest.flatMap { travel(to: $0, against: .yearBefore) } }

    /// The earlier period a figure is compared with.
    public enum Against: Sendable {
        case previous, yearBefore
    }

    /// How `reading` moved from the figure for the period it is compared with, if both have one.
    public func travel(to reading: Reading, against earlier: Against) -> Travel? {
        guard let value = reading.value else { return nil }
        let before = earlier == .previous ? reading.period.previous : reading.period.yearBefore
        guard let was = all[before]?.figure.value else { return nil }
        return Travel(indicator, from: was, in: before, to: value, in: reading.period)
    }

    /// Every figure that stands for it, by period, whether or not the series shows the period.
    private let all: [FigurePeriod: FigureRecord]

    init(indicator: Indicator, area: String?, series: [Reading], comparators: [Comparison], flags: [Flag],
         all: [FigurePeriod: FigureRecord]) {
        self.indicator = indicator
        self.area = area
        self.series = series
        self.comparators = comparators
        self.flags = flags
        self.all = all
        latest = all.keys.max().flatMap { period in
            all[period].map { Reading(period: period, record: $0, target: indicator.target(for: period), rating: indicator.rating(of: $0.figure.value, in: period)) }
        }
    }
}

extension Plan {
    /// How many periods a series shows by default: two years of quarters.
    public static let seriesLength = 8

    /// Each indicator as it stood at the end of `day`, from the figures recorded by then: one
    /// standing for the whole (unless it is reported only by area, and no whole figure was
    /// recorded) and one per area, in plan order. `periods` is how many periods each series holds;
    /// `only`, when given, the indicators wanted (a screen showing some need not rate them all).
    public func standings(_ figures: [FigureRecord], asOf day: Day, periods: Int = Plan.seriesLength,
                          only: [Indicator]? = nil) -> [IndicatorStanding] {
        let wanted = only ?? indicators
        let ids = Set(wanted.map { $0.id.lowercased() })
        let standing = FigureIndex(figures.filter { $0.at.day <= day && (only == nil || ids.contains($0.figure.indicatorID.lowercased())) }, plan: self)
        return wanted.flatMap { indicator -> [IndicatorStanding] in
            let wholeRecorded = standing.has(indicator.id, area: nil)
            let parts: [String?] = (indicator.areas.isEmpty || wholeRecorded ? [nil] : []) + indicator.areas.map { $0 }
            return parts.map { area in self.standing(of: indicator, area: area, in: standing, asOf: day, periods: periods) }
        }
    }

    private func standing(of indicator: Indicator, area: String?, in index: FigureIndex, asOf day: Day, periods: Int) -> IndicatorStanding {
        let all = index.figures(indicator.id, area: area)
        let window = reportingWindow(of: indicator, asOf: day, recorded: Array(all.keys))
        let shown = Array(window.suffix(periods))
        func readings(_ records: [FigurePeriod: FigureRecord], rated: Bool) -> [Reading] {
            shown.map { period in
                let record = records[period]
                return Reading(period: period, record: record, target: indicator.target(for: period),
                               rating: rated ? record.map { indicator.rating(of: $0.figure.value, in: period) } ?? .grey : .grey)
            }
        }
        // A figure is due once its period has ended; the plan's periods only.
        let due = window.last { $0.period.last < day }
        let missing = due.map { all[$0] == nil } ?? false
        return IndicatorStanding(indicator: indicator, area: area, series: readings(all, rated: true),
                                 comparators: indicator.comparators.map { Comparison(name: $0, series: readings(index.figures(indicator.id, area: $0), rated: false)) },
                                 flags: missing ? [.missingFigure] : [], all: all)
    }

    /// The periods of `indicator` from the plan's start (or the first figure, for a plan with no
    /// start) to the last that has begun by `day`, within the plan's end; a period still running
    /// counts only once it has a figure.
    private func reportingWindow(of indicator: Indicator, asOf day: Day, recorded: [FigurePeriod]) -> [FigurePeriod] {
        guard let first = starts?.first ?? recorded.min()?.period.first else { return [] }
        let last = min(day, ends?.last ?? day)
        let periods = FigurePeriod.run(from: first, through: last, frequency: indicator.frequency, calendar: calendar)
        return periods.filter { $0.period.last < day || recorded.contains($0) }
    }

    /// The indicator with `id`, ignoring case.
    public func indicator(_ id: String) -> Indicator? {
        indicators.first { $0.id.lowercased() == id.lowercased() }
    }
}

/// The figures that stand, by indicator, area and period: for each, the latest record made.
struct FigureIndex {
    private var byKey: [String: [FigurePeriod: FigureRecord]] = [:]

    init(_ records: [FigureRecord], plan: Plan) {
        let indicators = Dictionary(plan.indicators.map { ($0.id.lowercased(), $0) }, uniquingKeysWith: { first, _ in first })
        for record in records {
            guard let indicator = indicators[record.figure.indicatorID.lowercased()],
                  case .success(let period) = FigurePeriod.parse(record.figure.period, frequency: indicator.frequency, calendar: plan.calendar)
            else { continue }
            // Records come in journal order: a later one for the same period and area supersedes.
            byKey[Self.key(indicator.id, area: record.figure.area), default: [:]][period] = record
        }
    }

    private static func key(_ id: String, area: String?) -> String { id.lowercased() + "\u{0}" + (area?.lowercased() ?? "") }

    func figures(_ id: String, area: String?) -> [FigurePeriod: FigureRecord] { byKey[Self.key(id, area: area)] ?? [:] }

    func has(_ id: String, area: String?) -> Bool { !figures(id, area: area).isEmpty }
}

extension Journal {
    /// The figures recorded for one indicator, oldest first, corrections and all; with `day`,
    /// only those made by its end.
    public func figureHistory(of indicatorID: String, through day: Day? = nil) -> [FigureRecord] {
        figures.filter { record in record.figure.indicatorID.lowercased() == indicatorID.lowercased() && day.map { record.at.day <= $0 } ?? true }
    }
}
