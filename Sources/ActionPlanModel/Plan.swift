/// A strategy action plan: its pillars, objectives and outputs, and the rules it is read by.
public struct Plan: Hashable, Sendable {
    public var title: String
    public var partnership: String?
    public var starts: Period?
    public var ends: Period?
    public var calendar: ReportingCalendar
    public var overdueRAG: OverdueRAG
    public var register: AgencyRegister
    public var pillars: [Pillar]

    public init(
        title: String, partnership: String? = nil, starts: Period? = nil, ends: Period? = nil,
        calendar: ReportingCalendar = ReportingCalendar(), overdueRAG: OverdueRAG = .byDate,
        register: AgencyRegister = AgencyRegister(), pillars: [Pillar]
    ) {
        self.title = title
        self.partnership = partnership
        self.starts = starts
        self.ends = ends
        self.calendar = calendar
        self.overdueRAG = overdueRAG
        self.register = register
        self.pillars = pillars
    }

    /// Every output with the pillar and objective it sits under, in plan order.
    public var entries: [Entry] {
        pillars.enumerated().flatMap { pillarIndex, pillar in
            pillar.objectives.flatMap { objective in
                objective.outputs.map { Entry(pillarIndex: pillarIndex, pillar: pillar.name, objectiveID: objective.id, output: $0) }
            }
        }
    }

    /// The output with `id`, in its place.
    public func entry(_ id: String) -> Entry? {
        // Walked rather than taken from `entries`, which would copy every output to find one.
        for (pillarIndex, pillar) in pillars.enumerated() {
            for objective in pillar.objectives {
                if let output = objective.outputs.first(where: { $0.id == id }) {
                    return Entry(pillarIndex: pillarIndex, pillar: pillar.name, objectiveID: objective.id, output: output)
                }
            }
        }
        return nil
    }

    /// An output in its place in the plan.
    public struct Entry: Hashable, Sendable {
        public let pillarIndex: Int
        public let pillar: String
        public let objectiveID: String
        public let output: Output
    }
}
