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

    /// Complete outputs as a whole percentage of live ones, rounded to the nearest (1 of 15 is
    /// 7%), except that only all of them is 100% and none of them 0%; nil when there are none.
    public var percentComplete: Int? {
        let done = count(.blue)
        guard live > 0 else { return nil }
        let rounded = (done * 200 + live) / (2 * live)
        return done == live ? 100 : done == 0 ? 0 : min(99, max(1, rounded))
    }

    public func count(_ colour: RAG) -> Int { rag[colour, default: 0] }

    public func count(_ flag: Flag) -> Int { flags[flag, default: 0] }

    mutating func add(_ assessment: Assessment) {
        rag[assessment.rating.rag, default: 0] += 1
        for flag in assessment.flags { flags[flag, default: 0] += 1 }
    }
}

/// A plan's tallies: one per pillar and one per delivery group, in plan order, and one for the
/// whole plan.
public struct Summary: Hashable, Sendable {
    public private(set) var pillars: [Tally]
    /// One per group the plan declares, then "No group" when some outputs belong to none; empty
    /// when the plan declares no groups.
    public let groups: [Tally]
    public let total: Tally

    /// What a summary's rows are: its pillars or its delivery groups.
    public enum Axis: String, CaseIterable, Hashable, Sendable {
        case pillar, group
    }

    /// The tallies along `axis`, without the total.
    public func tallies(by axis: Axis) -> [Tally] {
        switch axis {
        case .pillar: pillars
        case .group: groups
        }
    }

    /// The same counts without the pillars that hold none of the outputs counted: a delivery
    /// group's report shows only the pillars its work falls in.
    public func droppingEmptyPillars() -> Summary {
        var summary = self
        summary.pillars = pillars.filter { $0.live + $0.dropped > 0 }
        return summary
    }

    /// The name of the tally of outputs that belong to no delivery group.
    public static let noGroup = "No group"

    /// Tallies rows assessed on one day, by the pillars and groups of `plan`.
    public init(rows: [Row], of plan: Plan) {
        self.init(plan, assessed: rows.lazy.map { ($0.entry.pillarIndex, $0.output.group, $0.assessment) })
    }

    init(_ plan: Plan, assessed: some Sequence<(pillar: Int, group: String?, assessment: Assessment)>) {
        var pillars = plan.pillars.map { Tally(name: $0.name) }
        var groups = plan.groups.map { Tally(name: $0.name) }
        var ungrouped = Tally(name: Self.noGroup)
        let groupIndex = Dictionary(plan.groups.enumerated().map { ($1.name, $0) }) { first, _ in first }
        var total = Tally(name: "All pillars")
        for (pillar, group, assessment) in assessed where pillars.indices.contains(pillar) {
            pillars[pillar].add(assessment)
            if let index = group.flatMap({ groupIndex[$0] }) {
                groups[index].add(assessment)
            } else {
                ungrouped.add(assessment)
            }
            total.add(assessment)
        }
        self.pillars = pillars
        self.groups = groups.isEmpty || ungrouped.live + ungrouped.dropped == 0 ? groups : groups + [ungrouped]
        self.total = total
    }
}

extension Plan {
    /// Counts by pillar and by group of RAG and flags, as of `day`; outputs retired by then are not counted.
    public func summary(asOf day: Day) -> Summary {
        // Assessed in place, not through `rows`, which would copy every output to count it.
        let assessed = pillars.enumerated().lazy.flatMap { index, pillar in
            pillar.objectives.lazy.flatMap(\.outputs).filter { !$0.isRetired(asOf: day) }
                .map { (pillar: index, group: $0.group, assessment: assess($0, asOf: day)) }
        }
        return Summary(self, assessed: assessed)
    }
}
