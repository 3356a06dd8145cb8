import ActionPlanModel

/// The review meeting's agenda: the items the group must discuss, one at a time.
public struct Review: Hashable, Sendable {
    /// Why an item is on the agenda, in the order the meeting takes them: overdue actions, then
    /// the indicators that are red or lack a figure, then the other action exceptions (the report
    /// lists undated and amber outputs too).
    public enum Reason: Hashable, Sendable {
        case action(Exception)
        /// An indicator whose latest figure is worse than its target by more than the tolerance.
        case redIndicator
        /// An indicator with no figure for a period that has ended.
        case missingFigure

        public static let agenda: [Reason] = [.action(.overdue), .redIndicator, .missingFigure, .action(.unowned), .action(.red), .action(.stale)]

        /// `overdue`, `red indicator`, `missing figure`.
        public var label: String {
            switch self {
            case .action(let exception): exception.rawValue
            case .redIndicator: "red indicator"
            case .missingFigure: "missing figure"
            }
        }

        /// `2 red indicators`, `1 overdue`: how many items it puts on the agenda.
        func count(_ number: Int) -> String { "\(number) \(label)" + (isIndicator && number != 1 ? "s" : "") }

        var isIndicator: Bool { if case .action = self { false } else { true } }
    }

    public struct Item: Hashable, Sendable {
        /// The output or indicator to discuss.
        public let id: String
        public let reason: Reason

        /// The output it is about; nil for an indicator.
        public var outputID: String? { reason.isIndicator ? nil : id }
        /// The indicator it is about; nil for an output.
        public var indicatorID: String? { reason.isIndicator ? id : nil }
    }

    public let items: [Item]
    /// Whether the plan has indicators, so the agenda counts them too.
    let hasIndicators: Bool
    public var index = 0

    /// The agenda's items in its order; each output once, under the first exception it meets, and
    /// each indicator once, red before missing. `indicators` are the indicators' items.
    init(rows: [Row], indicators: [Item] = [], hasIndicators: Bool = false) {
        let actions = rows.compactMap { row in
            Exception.of(row.assessment).first { Reason.agenda.contains(.action($0)) }.map { Item(id: row.output.id, reason: .action($0)) }
        }
        let all = actions + indicators
        items = Reason.agenda.flatMap { reason in all.filter { $0.reason == reason } }
        self.hasIndicators = hasIndicators
    }

    var current: Item? { items.indices.contains(index) ? items[index] : nil }

    /// The reasons the agenda counts: the indicators' only when the plan has any.
    var counted: [Reason] { Reason.agenda.filter { hasIndicators || !$0.isIndicator } }
}
