/// A rolling plan's years, oldest first: each year's plan as written with its journal, the
/// newest being the plan in use. Each follows the one before (`follows:`), so an output's history
/// runs back through them.
public struct PlanLineage: Hashable, Sendable {
    public let years: [PlanYear]

    public init(years: [PlanYear]) {
        self.years = years
    }

    /// Everything recorded about the output `outputID` of the newest year's plan, in every year,
    /// oldest first; with `day`, only records made by its end.
    ///
    /// In each year a record belongs to the output its id names there (`RecordOwners`); going back
    /// a year, an output is the one the earlier plan gave the same id, or an id it lists in
    /// `was:`. An id no output has (one removed from the plan) gives the records written under it.
    public func history(of outputID: String, through day: Day? = nil) -> [YearRecord] {
        var found: [YearRecord] = []
        for (index, (year, wanted)) in zip(years, ids(of: outputID)).enumerated() {
            let owners = RecordOwners(year.plan)
            for record in year.journal.records where wanted.contains(owners.output(of: record.change.outputID)) {
                if day.map({ record.at.day <= $0 }) ?? true { found.append(YearRecord(year: index, record: record)) }
            }
        }
        return found
    }

    /// The ids the output `outputID` of the newest year's plan had in each year, oldest first
    /// (one set per year): going back a year, the output the earlier plan gave the same id, or an
    /// id it lists in `was:`.
    func ids(of outputID: String) -> [Set<String>] {
        var found: [Set<String>] = []
        var wanted: Set<String> = [outputID]
        for year in years.reversed() {
            found.append(wanted)
            // An id this plan does not know (an output removed from it) is followed back as written.
            let became = PlanLineage.predecessors(in: year.plan)
            wanted = Set(became.compactMap { wanted.contains($0.value) ? $0.key : nil }).union(wanted.filter { became[$0] == nil })
        }
        return found.reversed()
    }

    /// For each id of the year before, the output of `plan` it became: the output that lists it
    /// in `was:` (the first, in plan order), or else the output that kept the same id.
    ///
    /// Unlike within a year, a `was:` wins over an output's own id here: a plan rolled over and
    /// renumbered may give an old id to a new output, and the old records go with the renumbered one.
    static func predecessors(in plan: Plan) -> [String: String] {
        var became: [String: String] = [:]
        plan.forEachClaim { old, id in if became[old] == nil { became[old] = id } }
        plan.forEachEntry { entry in if became[entry.output.id] == nil { became[entry.output.id] = entry.output.id } }
        return became
    }
}

/// One plan year: the plan file's name, the plan as written, and its journal.
public struct PlanYear: Hashable, Sendable {
    /// The plan file's name, as people refer to it.
    public let file: String
    public let plan: Plan
    public let journal: Journal

    public init(file: String, plan: Plan, journal: Journal) {
        self.file = file
        self.plan = plan
        self.journal = journal
    }
}

/// A record in one year's journal of a rolling plan.
public struct YearRecord: Hashable, Sendable {
    /// Its year's place in `PlanLineage.years`.
    public let year: Int
    public let record: Record
}
