/// A measure of whether the plan is working, declared in the plan file and reported each period:
/// "Referrals to MARAC", "Repeat victims (%)".
public struct Indicator: Hashable, Sendable, Codable {
    public var id: String
    public var name: String
    /// Where it belongs: the whole plan, one pillar, or one objective.
    public var scope: Scope
    public var unit: IndicatorUnit
    /// Which way is better.
    public var better: Better
    public var frequency: Frequency
    /// The agency that supplies the figures (its name in the register), whose lead may record them.
    public var lead: String?
    /// Where the figures come from: "MARAC data, SafeLives".
    public var source: String?
    public var baseline: Baseline?
    public var target: Target?
    /// How far short of the target still rates amber, as a fraction of the target: 0.1 is 10%.
    public var tolerance: Double
    /// The areas it is reported for separately (`RBKC`, `LBHF`); empty when only as a whole.
    public var areas: [String]
    /// Figures reported beside it for comparison, never rated (`Met average`, `National average`).
    public var comparators: [String]

    public init(id: String, name: String, scope: Scope = .plan, unit: IndicatorUnit = .count, better: Better = .up,
                frequency: Frequency = .quarterly, lead: String? = nil, source: String? = nil, baseline: Baseline? = nil,
                target: Target? = nil, tolerance: Double = Indicator.defaultTolerance, areas: [String] = [], comparators: [String] = []) {
        self.id = id
        self.name = name
        self.scope = scope
        self.unit = unit
        self.better = better
        self.frequency = frequency
        self.lead = lead
        self.source = source
        self.baseline = baseline
        self.target = target
        self.tolerance = tolerance
        self.areas = areas
        self.comparators = comparators
    }

    /// 10% of the target, unless the plan says otherwise.
    public static let defaultTolerance = 0.1

    /// Where an indicator belongs in the plan.
    public enum Scope: Hashable, Sendable, Codable {
        case plan
        /// The pillar's name.
        case pillar(String)
        /// The objective's id.
        case objective(String)
    }

    /// Which way is better.
    public enum Better: String, CaseIterable, Hashable, Sendable, Codable {
        /// Higher is better (referrals, reports to the police).
        case up
        /// Lower is better (repeat victims, days waiting).
        case down
        /// Within the expected range is better ("SafeLives expects 4-10%").
        case range
    }

    /// How often figures are reported.
    public enum Frequency: String, CaseIterable, Hashable, Sendable, Codable {
        case quarterly, monthly, annually
    }

    /// The value it started from, and the period it was measured in.
    public struct Baseline: Hashable, Sendable, Codable {
        public let value: Double
        /// As written: `2013/14`, `Q2 2014/15`.
        public let period: String

        public init(value: Double, period: String) {
            self.value = value
            self.period = period
        }
    }

    /// What a figure is rated against.
    public enum Target: Hashable, Sendable {
        /// One value for the whole plan.
        case plan(Double)
        /// A value per reporting year, keyed by the calendar year the reporting year starts in;
        /// a year with none is not rated.
        case perYear([Int: Double])
        /// An expected range, both ends included: "4-10%".
        case range(low: Double, high: Double)
    }

    /// Whether `name` is one of its areas or comparators (ignoring case), as the plan spells it.
    public func breakdown(named name: String) -> String? {
        (areas + comparators).first { $0.lowercased() == name.lowercased() }
    }
}

/// What an indicator counts.
public enum IndicatorUnit: String, CaseIterable, Hashable, Sendable, Codable {
    case count
    case percentage
    /// Per 1,000 of the population.
    case rate
    case days
    /// Pounds sterling.
    case money
}

extension Indicator.Target: Codable {
    /// Flat, every key written (absent where it does not apply) in one order, with the years
    /// and their values as two lists: a dictionary keyed by numbers is not something every
    /// encoder (the load cache's) writes.
    private enum Keys: String, CodingKey {
        case value, low, high, years, values
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Keys.self)
        let value = try container.decodeIfPresent(Double.self, forKey: .value)
        let low = try container.decodeIfPresent(Double.self, forKey: .low)
        let high = try container.decodeIfPresent(Double.self, forKey: .high)
        let years = try container.decodeIfPresent([Int].self, forKey: .years)
        let values = try container.decodeIfPresent([Double].self, forKey: .values)
        if let value {
            self = .plan(value)
        } else if let low, let high {
            self = .range(low: low, high: high)
        } else {
            self = .perYear(Dictionary(zip(years ?? [], values ?? [])) { first, _ in first })
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        var value: Double?, low: Double?, high: Double?, years: [Int]?, values: [Double]?
        switch self {
        case .plan(let goal): value = goal
        case .range(let bottom, let top): (low, high) = (bottom, top)
        case .perYear(let targets):
            let sorted = targets.keys.sorted()
            years = sorted
            values = sorted.map { targets[$0] ?? 0 }
        }
        try container.encodeIfPresent(value, forKey: .value)
        try container.encodeIfPresent(low, forKey: .low)
        try container.encodeIfPresent(high, forKey: .high)
        try container.encodeIfPresent(years, forKey: .years)
        try container.encodeIfPresent(values, forKey: .values)
    }
}
