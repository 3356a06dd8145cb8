import ActionPlanModel

/// The order of the actions list: the plan's, under its pillar and objective headings, or one
/// the meeting asks for, in a single run without headings.
public enum ListSort: CaseIterable, Hashable, Sendable {
    case plan
    /// The nearest deadline first; outputs with none last.
    case due
    /// The worst rating first: red for the deadline, red, amber, not rated, green, complete.
    case rag
    /// The longest without an update first, never updated before all.
    case updated

    /// `by due date`, for the filter line; nil in plan order.
    var label: String? {
        switch self {
        case .plan: nil
        case .due: "by due date"
        case .rag: "by RAG, worst first"
        case .updated: "by last update, oldest first"
        }
    }

    /// The next order for the sort key: plan, due date, RAG, last update, then plan again.
    var next: ListSort {
        let all = Self.allCases
        let place = all.firstIndex(of: self) ?? 0
        return all[(place + 1) % all.count]
    }

    /// `rows` in this order, plan order among equals.
    func sorted(_ rows: [Row]) -> [Row] {
        guard self != .plan else { return rows }
        return rows.enumerated().sorted { left, right in
            let (a, b) = (key(left.element), key(right.element))
            return a != b ? a < b : left.offset < right.offset
        }.map(\.element)
    }

    /// What the order compares: smaller first.
    private func key(_ row: Row) -> SortKey {
        switch self {
        case .plan: .number(0)
        case .due: row.assessment.deadline.map { .day($0) } ?? .last
        case .rag: .number(Self.severity(row.assessment.rating))
        case .updated: row.output.lastUpdate.map { .day($0) } ?? .first
        }
    }

    private static func severity(_ rating: Rating) -> Int {
        switch rating.rag {
        case .red: rating.redBecauseOverdue ? 0 : 1
        case .amber: 2
        case .grey: 3
        case .green: 4
        case .blue: 5
        case .none: 6
        }
    }
}

/// A value a list is sorted by, with room before and after every value.
private enum SortKey: Comparable {
    case first
    case number(Int)
    case day(Day)
    case last
}
