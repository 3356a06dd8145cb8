/// A goal within a pillar, delivered through its outputs.
public struct Objective: Hashable, Sendable, Identifiable, Codable {
    public var id: String
    public var text: String
    public var outcomes: [String]
    /// The name of the delivery group that owns it, if the plan gives one.
    public var group: String?
    public var outputs: [Output]

    public init(id: String, text: String, outcomes: [String] = [], group: String? = nil, outputs: [Output] = []) {
        self.id = id
        self.text = text
        self.outcomes = outcomes
        self.group = group
        self.outputs = outputs
    }
}
