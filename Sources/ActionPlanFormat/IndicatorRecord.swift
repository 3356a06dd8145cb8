import ActionPlanModel

/// One period of one indicator (or of one of its areas or comparators) as CSV and JSON carry it:
/// `indicators` and every report give one of these per indicator per period.
public struct IndicatorRecord: Encodable, Sendable {
    public let indicator: String
    public let name: String
    /// `plan`, `pillar NAME` or `objective ID`.
    public let scope: String
    /// The area or comparator, or nil for the indicator as a whole.
    public let area: String?
    /// Whether `area` is a comparator, shown beside the indicator and never rated.
    public let comparator: Bool
    public let unit: String
    public let period: String
    public let periodFirst: String
    public let periodLast: String
    public let value: Double?
    public let target: String
    public let rating: String
    public let sincePrevious: String?
    public let sinceYearBefore: String?
    public let flags: [String]
    public let recordedBy: String?
    public let recordedAt: String?
    public let note: String?

    init(_ standing: IndicatorStanding, _ reading: Reading, comparator: String? = nil, latest: Bool) {
        let indicator = standing.indicator
        self.indicator = indicator.id
        name = indicator.name
        scope = switch indicator.scope {
        case .plan: "plan"
        case .pillar(let name): "pillar \(name)"
        case .objective(let id): "objective \(id)"
        }
        area = comparator ?? standing.area
        self.comparator = comparator != nil
        unit = indicator.unit.rawValue
        period = reading.period.description
        periodFirst = reading.period.period.first.description
        periodLast = reading.period.period.last.description
        value = reading.value
        target = FigureText.target(reading.target, unit: indicator.unit)
        rating = comparator == nil ? reading.rating.rawValue : ""
        sincePrevious = comparator == nil ? standing.travel(to: reading, against: .previous)?.verdict.rawValue : nil
        sinceYearBefore = comparator == nil ? standing.travel(to: reading, against: .yearBefore)?.verdict.rawValue : nil
        // The flag is about the standing now, so it goes on its last period's row.
        flags = latest && comparator == nil ? standing.flags.map(\.rawValue) : []
        recordedBy = reading.record?.by
        recordedAt = reading.record?.at.text
        note = reading.record?.figure.note
    }

    /// Every period of every standing's series, its comparators after it: the rows of a table.
    public static func rows(_ standings: [IndicatorStanding]) -> [IndicatorRecord] {
        standings.flatMap { standing in
            standing.series.enumerated().map { index, reading in
                IndicatorRecord(standing, reading, latest: index == standing.series.count - 1)
            } + standing.comparators.flatMap { comparison in
                comparison.series.map { IndicatorRecord(standing, $0, comparator: comparison.name, latest: false) }
            }
        }
    }

    private enum CodingKeys: String, CodingKey {
        case indicator, name = "indicator_name", scope, area, comparator, unit, period, periodFirst = "period_first", periodLast = "period_last"
        case value, target, rating, sincePrevious = "since_previous", sinceYearBefore = "since_year_before", flags = "indicator_flags"
        case recordedBy = "recorded_by", recordedAt = "recorded_at", note
    }

    /// The column names, as CSV's header row.
    public static let columns = [
        "indicator", "indicator_name", "scope", "area", "comparator", "unit", "period", "period_first", "period_last", "value",
        "target", "rating", "since_previous", "since_year_before", "indicator_flags", "recorded_by", "recorded_at", "note",
    ]

    /// The values in column order; the value as a plain number, so a spreadsheet can sum it.
    public var fields: [String] {
        [indicator, name, scope, area ?? "", comparator ? "yes" : "", unit, period, periodFirst, periodLast,
         value.map { FigureText.plain($0).replacingComma } ?? "", target, rating, sincePrevious ?? "", sinceYearBefore ?? "",
         flags.joined(separator: "; "), recordedBy ?? "", recordedAt ?? "", note ?? ""]
    }

    /// Writes every key, with null where a value is missing, so readers see one shape.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(indicator, forKey: .indicator)
        try container.encode(name, forKey: .name)
        try container.encode(scope, forKey: .scope)
        try container.encode(area, forKey: .area)
        try container.encode(comparator, forKey: .comparator)
        try container.encode(unit, forKey: .unit)
        try container.encode(period, forKey: .period)
        try container.encode(periodFirst, forKey: .periodFirst)
        try container.encode(periodLast, forKey: .periodLast)
        try container.encode(value, forKey: .value)
        try container.encode(target, forKey: .target)
        try container.encode(rating, forKey: .rating)
        try container.encode(sincePrevious, forKey: .sincePrevious)
        try container.encode(sinceYearBefore, forKey: .sinceYearBefore)
        try container.encode(flags, forKey: .flags)
        try container.encode(recordedBy, forKey: .recordedBy)
        try container.encode(recordedAt, forKey: .recordedAt)
        try container.encode(note, forKey: .note)
    }
}

private extension String {
    /// Without thousands commas: `1200`, as a spreadsheet reads a number.
    var replacingComma: String { filter { $0 != "," } }
}
