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
        for (index, (year, wanted)) in zip(years, ids(of: outputID, going: years.map { IDsBack($0.plan) })).enumerated() {
            let owners = RecordOwners(year.plan)
            for record in year.journal.records where wanted.contains(owners.output(of: record.change.outputID)) {
                if day.map({ record.day <= $0 }) ?? true { found.append(YearRecord(year: index, record: record)) }
            }
        }
        return found
    }

    /// The ids the output `outputID` of the newest year's plan had in each year, oldest first
    /// (one set per year), going back a year at a time by `steps` (one per year, oldest first).
    func ids(of outputID: String, going steps: [IDsBack]) -> [Set<String>] {
        var found: [Set<String>] = []
        var wanted: Set<String> = [outputID]
        for step in steps.reversed() {
            found.append(wanted)
            wanted = step.before(wanted)
        }
        return found.reversed()
    }
}

/// How the ids of one year's plan lead back to the year before's: each output was the one the
/// earlier plan gave the same id, or an id it lists in `was:`.
struct IDsBack {
    /// For each id of the year before, the output of this plan it became: the output that lists
    /// it in `was:` (the first, in plan order), or else the output that kept the same id.
    ///
    /// Unlike within a year, a `was:` wins over an output's own id here: a plan rolled over and
    /// renumbered may give an old id to a new output, and the old records go with the renumbered one.
    let became: [String: String]
    /// The other way: for each output of this plan, the ids of the year before that became it.
    let from: [String: [String]]

    init(_ plan: Plan) {
        var became: [String: String] = [:]
        plan.forEachClaim { old, id in if became[old] == nil { became[old] = id } }
        plan.forEachEntry { entry in if became[entry.output.id] == nil { became[entry.output.id] = entry.output.id } }
        self.became = became
        from = Dictionary(grouping: became, by: \.value).mapValues { $0.map(\.key) }
    }

    /// The ids of the year before that `ids` of this year were. An id this plan does not know (an
    /// output removed from it) is followed back as written.
    func before(_ ids: Set<String>) -> Set<String> {
        Set(ids.flatMap { from[$0] ?? [] }).union(ids.filter { became[$0] == nil })
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
