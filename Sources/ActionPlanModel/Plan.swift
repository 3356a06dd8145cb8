/// A strategy action plan: its pillars, objectives and outputs, and the rules it is read by.
public struct Plan: Hashable, Sendable, Codable {
    public var title: String
    public var partnership: String?
    public var starts: Period?
    public var ends: Period?
    public var calendar: ReportingCalendar
    public var overdueRAG: OverdueRAG
    public var register: AgencyRegister
    public var pillars: [Pillar]
    /// The measures of whether it is working, wherever the plan file declares them, in plan order.
    public var indicators: [Indicator]

    public init(
        title: String, partnership: String? = nil, starts: Period? = nil, ends: Period? = nil,
        calendar: ReportingCalendar = ReportingCalendar(), overdueRAG: OverdueRAG = .byDate,
        register: AgencyRegister = AgencyRegister(), pillars: [Pillar], indicators: [Indicator] = []
    ) {
        self.title = title
        self.partnership = partnership
        self.starts = starts
        self.ends = ends
        self.calendar = calendar
        self.overdueRAG = overdueRAG
        self.register = register
        self.pillars = pillars
        self.indicators = indicators
    }

    /// Every output with the pillar and objective it sits under, in plan order.
    public var entries: [Entry] {
        var entries: [Entry] = []
        forEachEntry { entries.append($0) }
        return entries
    }

    /// Calls `body` with every output in its place, in plan order, without first gathering them
    /// all: a plan may hold 100,000.
    public func forEachEntry(_ body: (Entry) -> Void) {
        for (pillarIndex, pillar) in pillars.enumerated() {
            for (objectiveIndex, objective) in pillar.objectives.enumerated() {
                for output in objective.outputs {
                    body(Entry(pillarIndex: pillarIndex, pillar: pillar.name, objectiveIndex: objectiveIndex, objectiveID: objective.id, output: output))
                }
            }
        }
    }

    /// The output with `id`, in its place.
    public func entry(_ id: String) -> Entry? {
        // Walked rather than taken from `entries`, which would copy every output to find one.
        for (pillarIndex, pillar) in pillars.enumerated() {
            for (objectiveIndex, objective) in pillar.objectives.enumerated() {
                if let output = objective.outputs.first(where: { $0.id == id }) {
                    return Entry(pillarIndex: pillarIndex, pillar: pillar.name, objectiveIndex: objectiveIndex, objectiveID: objective.id, output: output)
                }
            }
        }
        return nil
    }

    /// The objective an entry sits under.
    public func objective(of entry: Entry) -> Objective? {
        guard pillars.indices.contains(entry.pillarIndex), pillars[entry.pillarIndex].objectives.indices.contains(entry.objectiveIndex) else { return nil }
        return pillars[entry.pillarIndex].objectives[entry.objectiveIndex]
    }

    /// An output in its place in the plan.
    public struct Entry: Hashable, Sendable {
        public let pillarIndex: Int
        public let pillar: String
        /// Its objective's place in the pillar, so the objective is found without a search.
        public let objectiveIndex: Int
        public let objectiveID: String
        public let output: Output
    }
}
