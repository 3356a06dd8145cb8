/// What changed between the end of the previous quarter and the end of this one.
public struct Movement: Hashable, Sendable {
    /// Outputs whose colour changed (not red by date to red as rated: the colour is the same).
    public let ragChanges: [ReportRow]
    /// Complete now, not complete then.
    public let newlyCompleted: [ReportRow]
    /// Overdue now, not overdue then.
    public let newlyOverdue: [ReportRow]
    /// Outputs whose deadline was revised in the quarter; the revision holds the plan's original.
    public let revisedDeadlines: [ReportRow]
    /// Outputs whose lead changed in the quarter, including a first lead for an unowned one.
    public let leadsAssigned: [ReportRow]

    /// The movement in `rows`, each in plan order.
    init(_ rows: [ReportRow]) {
        ragChanges = rows.filter { $0.direction != .same }
        newlyCompleted = rows.filter { $0.now.output.status == .complete && $0.before.output.status != .complete }
        newlyOverdue = rows.filter { $0.now.assessment.flags.contains(.overdue) && !$0.before.assessment.flags.contains(.overdue) }
        revisedDeadlines = rows.filter { $0.now.output.revision != nil && $0.now.output.revision != $0.before.output.revision }
        leadsAssigned = rows.filter { $0.now.output.leads != $0.before.output.leads }
    }

    /// True when nothing moved.
    public var isEmpty: Bool {
        ragChanges.isEmpty && newlyCompleted.isEmpty && newlyOverdue.isEmpty && revisedDeadlines.isEmpty && leadsAssigned.isEmpty
    }
}
