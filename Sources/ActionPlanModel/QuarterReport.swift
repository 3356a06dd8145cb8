/// A quarter's report for the steering group: the plan as it stood at the quarter's end, what
/// needs the meeting's attention, and what moved since the quarter before.
///
/// A value computed from the plan as written and its journal, so a past quarter's report is the
/// same whenever it is made: the journal only grows, and records after the quarter's end are left
/// out. Only `generated` says when and by whom it was made.
public struct QuarterReport: Hashable, Sendable {
    public let title: String
    public let partnership: String?
    public let quarter: Quarter
    /// The day it is judged on: the quarter's last day, or an earlier day while the quarter is
    /// still running.
    public let asAt: Day
    /// The day the movement is measured from: the last day of the quarter before.
    public let previousAsAt: Day
    public let generated: Generated
    /// Counts by pillar at `asAt`, and at `previousAsAt`.
    public let summary: Summary
    public let previousSummary: Summary
    /// Every output, under its pillar and objective, in plan order.
    public let pillars: [PillarSection]
    /// What the meeting reads first; each output once, under the first exception it has.
    public let exceptions: [ExceptionGroup]
    public let movement: Movement
    /// Every indicator (and each of its areas) as it stood at `asAt`, from the figures recorded by then.
    public let indicators: [IndicatorStanding]

    /// The report on `quarter` of `plan` (as written) with `journal`, judged as at the quarter's
    /// last day, or at `day` when that comes before it (a quarter still running).
    public init(plan: Plan, journal: Journal, quarter: Quarter, asOf day: Day, generated: Generated) {
        let asAt = min(max(day, quarter.period.first), quarter.period.last)
        let previousAsAt = quarter.previous.period.last
        let now = plan.folded(with: journal, through: asAt)
        let before = plan.folded(with: journal, through: previousAsAt)
        // Ids are unique in a plan that loaded; a plan built in code that repeats one keeps the first.
        let beforeRows = Dictionary(before.rows(matching: Query(), asOf: previousAsAt).map { ($0.output.id, $0) }) { first, _ in first }
        let rows = now.rows(matching: Query(), asOf: asAt).compactMap { row in
            beforeRows[row.output.id].map { ReportRow(now: row, before: $0) }
        }

        title = plan.title
        partnership = plan.partnership
        self.quarter = quarter
        self.asAt = asAt
        self.previousAsAt = previousAsAt
        self.generated = generated
        summary = Summary(rows: rows.map(\.now), pillarNames: now.pillars.map(\.name))
        previousSummary = Summary(rows: rows.map(\.before), pillarNames: now.pillars.map(\.name))
        let byObjective = Dictionary(grouping: rows) { [$0.now.entry.pillarIndex, $0.now.entry.objectiveIndex] }
        pillars = now.pillars.enumerated().map { p, pillar in
            PillarSection(name: pillar.name, aim: pillar.aim, objectives: pillar.objectives.enumerated().map { o, objective in
                ObjectiveSection(id: objective.id, text: objective.text, rows: byObjective[[p, o]] ?? [])
            })
        }
        var listed = Set<String>()
        exceptions = Exception.allCases.compactMap { exception in
            let group = rows.filter { $0.exceptions.contains(exception) && listed.insert($0.output.id).inserted }
            return group.isEmpty ? nil : ExceptionGroup(exception: exception, rows: group)
        }
        movement = Movement(rows)
        indicators = plan.standings(journal.figures, asOf: asAt)
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
