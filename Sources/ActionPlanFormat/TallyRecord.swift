import ActionPlanModel

/// One pillar's or group's counts, or the whole plan's, as JSON and CSV carry them: the name,
/// the outputs of each RAG, live, dropped and percent complete, then the outputs with each flag.
public struct TallyRecord: Encodable, Sendable {
    let tally: Tally
    /// The key its name goes under: `pillar` or `group`.
    let axis: Summary.Axis
    let name: String

    /// `name` stands in for the tally's own: the whole plan's row is "All groups" beside groups.
    public init(tally: Tally, axis: Summary.Axis = .pillar, name: String? = nil) {
        self.tally = tally
        self.axis = axis
        self.name = name ?? tally.name
    }

    private static let colours: [RAG] = [.blue, .green, .amber, .red, .grey]

    /// The CSV header for tallies along `axis`.
    public static func columns(_ axis: Summary.Axis) -> [String] {
        [axis.rawValue] + colours.map(\.rawValue) + ["live", "dropped", "percent_complete"] + Flag.ofOutputs.map(\.rawValue)
    }

    /// The values in column order; no percentage when nothing is live.
    public var fields: [String] {
        [name] + Self.colours.map { String(tally.count($0)) } + [String(tally.live), String(tally.dropped), tally.percentComplete.map(String.init) ?? ""]
            + Flag.ofOutputs.map { String(tally.count($0)) }
    }

    private struct Key: CodingKey {
        let stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    /// Every key, with null for a percentage of nothing, so readers see one shape.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(name, forKey: Key(stringValue: axis.rawValue))
        for colour in Self.colours {
            try container.encode(tally.count(colour), forKey: Key(stringValue: colour.rawValue))
        }
        try container.encode(tally.live, forKey: Key(stringValue: "live"))
        try container.encode(tally.dropped, forKey: Key(stringValue: "dropped"))
        try container.encode(tally.percentComplete, forKey: Key(stringValue: "percent_complete"))
        for flag in Flag.ofOutputs {
            try container.encode(tally.count(flag), forKey: Key(stringValue: flag.rawValue))
        }
    }
}
