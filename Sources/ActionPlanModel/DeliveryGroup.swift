/// An operational group that delivers part of a plan and reports on it to the partnership's board.
///
/// A group may own work across pillars: objectives and outputs name it with `group:`.
public struct DeliveryGroup: Hashable, Sendable, Codable {
    /// Its full name, unique within the plan.
    public var name: String
    /// The abbreviation people write (HPOG).
    public var short: String?
    /// Who chairs it: a person or a post.
    public var chair: String?
    /// Who coordinates it: a person or a post.
    public var coordinator: String?
    /// The agencies that sit on it, as written.
    public var members: [String]
    /// How its delivery reaches the board.
    public var reports: Cadence

    public init(name: String, short: String? = nil, chair: String? = nil, coordinator: String? = nil,
                members: [String] = [], reports: Cadence = .quarterly) {
        self.name = name
        self.short = short
        self.chair = chair
        self.coordinator = coordinator
        self.members = members
        self.reports = reports
    }

    /// The shortest way to show it: the abbreviation when there is one.
    public var label: String { short ?? name }

    /// Every text that names it.
    public var spellings: [String] { [name] + (short.map { [$0] } ?? []) }

    /// Whether `text` names this group, by name or short form, as agencies are matched.
    public func isNamed(_ text: String) -> Bool {
        let key = AgencyRegister.key(text)
        return spellings.contains { AgencyRegister.key($0) == key }
    }

    /// How a group's delivery reaches the board, as the Shared Services plan describes it.
    public enum Cadence: String, CaseIterable, Hashable, Sendable, Codable {
        /// The chair reports every quarter.
        case quarterly
        /// Only what goes wrong is reported.
        case exception
        /// It goes into the annual report.
        case annual
    }
}

extension Plan {
    /// The group `text` names, by name or short form, ignoring case.
    public func group(named text: String) -> DeliveryGroup? {
        groups.first { $0.isNamed(text) }
    }
}
