/// Counts for one pillar (or the whole plan): how many outputs of each RAG and with each flag.
public struct Tally: Hashable, Sendable {
    public let name: String
    public private(set) var rag: [RAG: Int] = [:]
    public private(set) var flags: [Flag: Int] = [:]

    public init(name: String) {
        self.name = name
    }

    /// Outputs not dropped.
    public var live: Int { RAG.live.reduce(0) { $0 + count($1) } }

    public var dropped: Int { count(.none) }

    /// Complete outputs as a whole percentage of live ones; nil when there are none.
    public var percentComplete: Int? {
        live == 0 ? nil : (count(.blue) * 100) / live
    }

    public func count(_ colour: RAG) -> Int { rag[colour, default: 0] }

    public func count(_ flag: Flag) -> Int { flags[flag, default: 0] }

    mutating func add(_ assessment: Assessment) {
        rag[assessment.rating.rag, default: 0] += 1
        for flag in assessment.flags { flags[flag, default: 0] += 1 }
    }
}

/// A plan's tallies: one per pillar, in plan order, and one for the whole plan.
public struct Summary: Hashable, Sendable {
    public let pillars: [Tally]
    public let total: Tally

    /// Tallies rows assessed on one day.
    public init(rows: [Row], pillarNames: [String]) {
        self.init(pillarNames: pillarNames, assessed: rows.lazy.map { ($0.entry.pillarIndex, $0.assessment) })
    }

    init(pillarNames: [String], assessed: some Sequence<(pillar: Int, assessment: Assessment)>) {
        var pillars = pillarNames.map(Tally.init(name:))
        var total = Tally(name: "All pillars")
        for (pillar, assessment) in assessed where pillars.indices.contains(pillar) {
            pillars[pillar].add(assessment)
            total.add(assessment)
        }
        self.pillars = pillars
        self.total = total
    }
}

extension Plan {
    /// Counts by pillar of RAG and flags, as of `day`; outputs retired by then are not counted.
    public func summary(asOf day: Day) -> Summary {
        // Assessed in place, not through `rows`, which would copy every output to count it.
        let assessed = pillars.enumerated().lazy.flatMap { index, pillar in
            pillar.objectives.lazy.flatMap(\.outputs).filter { !$0.isRetired(asOf: day) }.map { (pillar: index, assessment: assess($0, asOf: day)) }
        }
        return Summary(pillarNames: pillars.map(\.name), assessed: assessed)
    }
}
