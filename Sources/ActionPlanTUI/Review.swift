import ActionPlanModel

/// The review meeting's agenda: the items the group must discuss, one at a time, then the
/// summary of what the meeting decided.
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

        /// How the overview words the same thing, for an action reason: `no lead agency`, `red`.
        var overviewLabel: String? {
            guard case .action(let exception) = self else { return nil }
            if case .flag(let flag) = exception.cause { return flag.label }
            return exception.rawValue
        }
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
    /// The list's filters the agenda was drawn up under: a pillar, a lead agency, a delivery group.
    public let scope: Query
    /// For each action reason, how many actions in scope have it at all, as the overview counts
    /// them; the agenda takes each action once, under its first reason, so it can count fewer.
    let flagged: [Reason: Int]
    /// The item on screen; `items.count` is the summary of decisions that ends the meeting.
    public var index = 0

    /// The agenda's items in its order; each output once, under the first exception it meets, and
    /// each indicator once, red before missing. `indicators` are the indicators' items.
    init(rows: [Row], indicators: [Item] = [], hasIndicators: Bool = false, scope: Query = Query()) {
        let exceptions = rows.map { row in (row, Exception.of(row.assessment).filter { Reason.agenda.contains(.action($0)) }) }
        let actions = exceptions.compactMap { row, found in found.first.map { Item(id: row.output.id, reason: .action($0)) } }
        let all = actions + indicators
        items = Reason.agenda.flatMap { reason in all.filter { $0.reason == reason } }
        self.hasIndicators = hasIndicators
        self.scope = scope
        var flagged: [Reason: Int] = [:]
        for (_, found) in exceptions {
            for exception in found { flagged[.action(exception), default: 0] += 1 }
        }
        self.flagged = flagged
    }

    var current: Item? { items.indices.contains(index) ? items[index] : nil }

    /// Whether the meeting has stepped past the last item, to its summary.
    public var atSummary: Bool { index >= items.count }

    /// The reasons the agenda counts: the indicators' only when the plan has any.
    var counted: [Reason] { Reason.agenda.filter { hasIndicators || !$0.isIndicator } }

    /// How many items `reason` puts on the agenda.
    func count(of reason: Reason) -> Int { items.filter { $0.reason == reason }.count }

    /// The action reasons the overview counts higher, with its count: an action taken under an
    /// earlier reason is not counted again under a later one.
    var countedHigherElsewhere: [(reason: Reason, all: Int)] {
        counted.compactMap { reason in
            let all = flagged[reason] ?? 0
            return all > count(of: reason) ? (reason, all) : nil
        }
    }
}
