import ActionPlanModel

/// The review meeting's agenda: the items the group must discuss, one at a time.
public struct Review: Hashable, Sendable {
    /// The exceptions the meeting takes, in the order it takes them (the report lists undated and
    /// amber outputs too).
    public static let agenda: [Exception] = [.overdue, .unowned, .red, .stale]

    public struct Item: Hashable, Sendable {
        public let outputID: String
        public let reason: Exception
    }

    public let items: [Item]
    public var index = 0

    /// Overdue items first, then unowned, then red, then stale; each output once, under the first
    /// of those it meets.
    init(rows: [Row]) {
        let items = rows.compactMap { row in
            Exception.of(row.assessment).first(where: Self.agenda.contains).map { Item(outputID: row.output.id, reason: $0) }
        }
        self.items = Self.agenda.flatMap { reason in items.filter { $0.reason == reason } }
    }

    var current: Item? { items.indices.contains(index) ? items[index] : nil }
}
