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

    init(pillars: [Tally], total: Tally) {
        self.pillars = pillars
        self.total = total
    }
}

extension Plan {
    /// Counts by pillar of RAG and flags, as of `day`.
    public func summary(asOf day: Day) -> Summary {
        var total = Tally(name: "All pillars")
        // Assessed in place, not through `rows`, which would copy every output to count it.
        let tallies = pillars.map { pillar in
            var tally = Tally(name: pillar.name)
            for objective in pillar.objectives {
                for output in objective.outputs {
                    let assessment = assess(output, asOf: day)
                    tally.add(assessment)
                    total.add(assessment)
                }
            }
            return tally
        }
        return Summary(pillars: tallies, total: total)
    }
}
