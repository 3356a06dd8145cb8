/// Which output each id written in a plan's journal belongs to: the key that keeps an output's
/// history when the plan is edited.
///
/// Records name an output by the id it had when they were written. An output keeps its id when it
/// moves to another objective or pillar, so its records follow it; a renumbered output lists its
/// old ids in `was:`, and the records under them are its history too. An id that is some output's
/// own id stays that output's: a `was:` never takes records from an output still in the plan.
public struct RecordOwners: Hashable, Sendable {
    /// Each id records may be written under, and the id of the output they belong to.
    public let owner: [String: String]

    /// The owners of ids in `plan`'s journal.
    public init(_ plan: Plan) {
        var owner: [String: String] = [:]
        plan.forEachEntry { owner[$0.output.id] = $0.output.id }
        plan.forEachClaim { old, id in if owner[old] == nil { owner[old] = id } }
        self.owner = owner
    }

    /// The output a record written under `id` is about: its owner, or the id itself when no
    /// output has or had it (one removed from the plan).
    public func output(of id: String) -> String {
        owner[id] ?? id
    }
}

extension Plan {
    /// Calls `body` with each old id an output lists in `was:` and that output's id, in plan
    /// order. The first claim on an id not already an output's own is the one that holds;
    /// `check` reports a second.
    func forEachClaim(_ body: (_ old: String, _ id: String) -> Void) {
        forEachEntry { entry in
            for old in entry.output.was { body(old, entry.output.id) }
        }
    }
}

/// Records about an id that no output of the plan has, or had under `was:` (an output removed from
/// the plan file without `retired:` or `was:`), or figures for an indicator the plan no longer
/// declares. They are kept, and `check` and `verify` warn.
public struct UnplacedRecords: Hashable, Sendable {
    /// What the id named when the records were written.
    public enum Kind: Hashable, Sendable { case output, indicator }

    public let kind: Kind
    /// The id the records were written under.
    public let id: String
    /// Its records' journal lines, in order.
    public internal(set) var lines: [Int]
}

extension Journal {
    /// The records about the output `outputID` of `plan`, under any id it has had, oldest first;
    /// with `day`, only those that speak for it or a day before (`Record.day`). An id no output has
    /// gives the records written under it.
    public func history(of outputID: String, in plan: Plan, through day: Day? = nil) -> [Record] {
        let owners = RecordOwners(plan)
        return records.filter { record in owners.output(of: record.change.outputID) == outputID && day.map { record.day <= $0 } ?? true }
    }

    /// The line of the latest record about the output `outputID` of `plan`, 0 when there is none:
    /// the version of the output that an update was made from.
    public func head(of outputID: String, in plan: Plan) -> Int {
        history(of: outputID, in: plan).last?.line ?? 0
    }

    /// The ids records were written under that no output of `plan` has or had, and those of
    /// figures for indicators it does not declare, in order of first appearance, each with its lines.
    public func unplaced(in plan: Plan) -> [UnplacedRecords] {
        let owners = RecordOwners(plan).owner
        let declared = Set(plan.indicators.map { $0.id.lowercased() })
        var found: [UnplacedRecords] = []
        var places: [UnplacedRecords.Kind: [String: Int]] = [:]
        // Each line under its id, in the order ids first appear: changes first, then figures.
        func place(_ kind: UnplacedRecords.Kind, _ id: String, _ line: Int) {
            if let index = places[kind]?[id] { return found[index].lines.append(line) }
            places[kind, default: [:]][id] = found.count
            found.append(UnplacedRecords(kind: kind, id: id, lines: [line]))
        }
        for record in records where owners[record.change.outputID] == nil { place(.output, record.change.outputID, record.line) }
        for record in figures where !declared.contains(record.figure.indicatorID.lowercased()) {
            place(.indicator, record.figure.indicatorID, record.line)
        }
        return found
    }
}
