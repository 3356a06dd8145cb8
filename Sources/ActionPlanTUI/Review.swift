import ActionPlanModel

/// The review meeting's agenda: the items the group must discuss, one at a time.
public struct Review: Hashable, Sendable {
    /// Why an item is on the agenda, in the order the meeting takes them.
    public enum Reason: String, CaseIterable, Hashable, Sendable {
        case overdue, unowned, red, stale
    }

    public struct Item: Hashable, Sendable {
        public let outputID: String
        public let reason: Reason
    }

    public let items: [Item]
    public var index = 0

    /// Overdue items first, then unowned, then red, then stale; each output once, under the first
    /// reason it meets.
    init(rows: [Row]) {
        var seen = Set<String>()
        var items: [Item] = []
        for reason in Reason.allCases {
            for row in rows where !seen.contains(row.output.id) && Self.matches(row, reason) {
                seen.insert(row.output.id)
                items.append(Item(outputID: row.output.id, reason: reason))
            }
        }
        self.items = items
    }

    private static func matches(_ row: Row, _ reason: Reason) -> Bool {
        switch reason {
        case .overdue: row.assessment.flags.contains(.overdue)
        case .unowned: row.assessment.flags.contains(.unowned)
        case .red: row.assessment.rating.rag == .red
        case .stale: row.assessment.flags.contains(.stale)
        }
    }

    var current: Item? { items.indices.contains(index) ? items[index] : nil }
}
