/// A report for the steering group or the board on a quarter or a year: the plan as it stood at
/// the period's end, what needs the meeting's attention, and what moved since the period before.
///
/// A value computed from the plan as written and its journal, so a past period's report is the
/// same whenever it is made: the journal only grows, and records after the period's end are left
/// out. Only `generated` says when and by whom it was made.
public struct QuarterReport: Hashable, Sendable {
    public let title: String
    public let partnership: String?
    public let period: ReportPeriod
    /// Which outputs it covers, and how much of the report is wanted.
    public let scope: Scope
    /// The day it is judged on: the period's last day, or an earlier day while the period is
    /// still running.
    public let asAt: Day
    /// The day the movement is measured from: the last day of the period before.
    public let previousAsAt: Day
    public let generated: Generated
    /// Counts by pillar at `asAt`, and at `previousAsAt`.
    public let summary: Summary
    public let previousSummary: Summary
    /// Every output it covers, under its pillar and objective, in plan order: for a group, only
    /// the objectives and pillars that hold its outputs; for the exceptions alone, only the
    /// outputs listed under one or with a revised deadline.
    public let pillars: [PillarSection]
    /// What the meeting reads first; each output once, under the first exception it has.
    public let exceptions: [ExceptionGroup]
    public let movement: Movement
    /// The digests sent in the quarter up to `asAt`: who was chased for updates, and about what.
    public let chased: [DigestRecord]
    /// Every indicator (and each of its areas) as it stood at `asAt`, from the figures recorded by then.
    public let indicators: [IndicatorStanding]
    /// Each output it covers that an earlier plan year already had, in plan order, with where it
    /// began (outputs retired within the period included); nil when the plan follows no earlier one.
    public let earlierYears: [EarlierOutput]?
    /// Where each output that an earlier plan year had began, by its id: what slips are measured from.
    let origins: [String: OutputOrigin]

    /// The report on `period` of `plan` (as written) with `journal`, judged as at the period's
    /// last day, or at `day` when that comes before it (a period still running). `lineage`, the
    /// plan years `plan` follows with `plan` itself last, takes its outputs back to where they
    /// began; only their records made by the day it is judged on count, as in this year.
    public init(plan: Plan, journal: Journal, period: ReportPeriod, scope: Scope = Scope(), asOf day: Day, generated: Generated,
                lineage: PlanLineage? = nil) {
        let asAt = min(max(day, period.days.first), period.days.last)
        let previousAsAt = period.previous.days.last
        let now = plan.folded(with: journal, through: asAt)
        let before = plan.folded(with: journal, through: previousAsAt)
        let query = Query(group: scope.group?.name)
        // Ids are unique in a plan that loaded; a plan built in code that repeats one keeps the first.
        let beforeRows = Dictionary(before.rows(matching: query, asOf: previousAsAt).map { ($0.output.id, $0) }) { first, _ in first }
        let rows = now.rows(matching: query, asOf: asAt).compactMap { row in
            beforeRows[row.output.id].map { ReportRow(now: row, before: $0) }
        }

        title = plan.title
        partnership = plan.partnership
        self.period = period
        self.scope = scope
        self.asAt = asAt
        self.previousAsAt = previousAsAt
        self.generated = generated
        // One set of rows at both ends, so a pillar empty at one is empty at the other.
        func counted(_ rows: [Row]) -> Summary {
            scope.group == nil ? Summary(rows: rows, of: now) : Summary(rows: rows, of: now).droppingEmptyPillars()
        }
        summary = counted(rows.map(\.now))
        previousSummary = counted(rows.map(\.before))
        var listed = Set<String>()
        exceptions = scope.exceptions.compactMap { exception in
            let group = rows.filter { $0.exceptions.contains(exception) && listed.insert($0.output.id).inserted }
            return group.isEmpty ? nil : ExceptionGroup(exception: exception, rows: group)
        }
        movement = Movement(rows)
        // A group's report holds the indicators of the objectives it owns; the plan's and the
        // pillars' own indicators are the board's.
        let groupObjectives = scope.group.map { group in Set(plan.pillars.flatMap(\.objectives).filter { $0.group == group.name }.map(\.id)) }
        indicators = plan.standings(journal.figures, asOf: asAt).filter { standing in
            guard let groupObjectives else { return true }
            if case .objective(let id) = standing.indicator.scope { return groupObjectives.contains(id) }
            return false
        }
        chased = journal.digests.filter { period.days.first <= $0.at.day && $0.at.day <= asAt }
        let origins = lineage?.origins(through: asAt) ?? [:]
        self.origins = origins
        earlierYears = (lineage?.years.count ?? 0) < 2 ? nil : now.entries.compactMap { entry in
            let output = entry.output
            guard scope.group.map({ output.group == $0.name }) ?? true, !output.isRetired(asOf: period.days.first),
                  let origin = origins[output.id] else { return nil }
            return EarlierOutput(output: output, origin: origin)
        }
        let revised = Set(movement.revisedDeadlines.map(\.output.id))
        let covered = scope.exceptionsOnly ? rows.filter { listed.contains($0.output.id) || revised.contains($0.output.id) } : rows
        let byObjective = Dictionary(grouping: covered) { [$0.now.entry.pillarIndex, $0.now.entry.objectiveIndex] }
        let partial = scope.group != nil || scope.exceptionsOnly
        pillars = now.pillars.enumerated().compactMap { p, pillar in
            let objectives = pillar.objectives.enumerated().compactMap { o, objective -> ObjectiveSection? in
                let rows = byObjective[[p, o]] ?? []
                return partial && rows.isEmpty ? nil : ObjectiveSection(id: objective.id, text: objective.text, rows: rows)
            }
            return partial && objectives.isEmpty ? nil : PillarSection(name: pillar.name, aim: pillar.aim, objectives: objectives)
        }
    }

    /// Outputs still open at the period's end: what a year carries forward into the next.
    public var carriedForward: [ReportRow] {
        rows.filter { $0.output.isOpen }
    }

    /// How far `output`'s deadline has moved: from the one its first plan year gave it when an
    /// earlier year had it and dated it (with that origin), otherwise from this plan's own.
    public func slip(of output: Output) -> (slip: Slip, since: OutputOrigin?)? {
        if let origin = origins[output.id], let slip = origin.slip(of: output) {
            return (slip, origin)
        }
        return output.slip.map { ($0, nil) }
    }

    /// Which outputs a report covers, and whether it is only what the board must see.
    public struct Scope: Hashable, Sendable {
        /// Only this delivery group's outputs.
        public var group: DeliveryGroup?
        /// Only the exceptions the board must see (`Exception.forTheBoard`) and revised deadlines.
        public var exceptionsOnly: Bool

        public init(group: DeliveryGroup? = nil, exceptionsOnly: Bool = false) {
            self.group = group
            self.exceptionsOnly = exceptionsOnly
        }

        /// The exceptions listed, in the order the meeting takes them.
        var exceptions: [Exception] {
            exceptionsOnly ? Exception.forTheBoard : Exception.allCases
        }
    }

    /// Every output in plan order.
    public var rows: [ReportRow] {
        pillars.flatMap { $0.objectives.flatMap(\.rows) }
    }

    /// When and by whom a report was made, and from which journal: the one part that differs
    /// between runs.
    public struct Generated: Hashable, Sendable {
        public let at: Timestamp
        /// The account, as commands that record updates name it.
        public let by: String
        /// The journal as read when the report was made (not as at the quarter's end): what
        /// `actionplan verify --head` later checks the journal still holds.
        public let journalHead: JournalHead

        public init(at: Timestamp, by: String, journalHead: JournalHead) {
            self.at = at
            self.by = by
            self.journalHead = journalHead
        }
    }

    /// A pillar and its objectives, for the full plan.
    public struct PillarSection: Hashable, Sendable {
        public let name: String
        public let aim: String
        public let objectives: [ObjectiveSection]
    }

    /// An objective and its outputs.
    public struct ObjectiveSection: Hashable, Sendable {
        public let id: String
        public let text: String
        public let rows: [ReportRow]
    }

    /// The outputs listed under one exception.
    public struct ExceptionGroup: Hashable, Sendable {
        public let exception: Exception
        public let rows: [ReportRow]
    }
}

/// An output of this plan year beside where it began in an earlier one.
public struct EarlierOutput: Hashable, Sendable {
    /// As it stands on the day the report is judged on.
    public let output: Output
    public let origin: OutputOrigin

    /// How far its deadline has moved over all the plan years.
    public var slip: Slip? { origin.slip(of: output) }
}

/// One output at the report's quarter end, beside itself at the end of the quarter before.
public struct ReportRow: Hashable, Sendable {
    public let now: Row
    public let before: Row

    public var output: Output { now.output }

    /// Which way its RAG moved.
    public var direction: Direction {
        Direction(from: before.assessment.rating.rag, to: now.assessment.rating.rag)
    }

    /// Why the meeting should look at it, if at all.
    public var exceptions: [Exception] { Exception.of(now.assessment) }
}
