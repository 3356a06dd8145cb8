/// A goal within a pillar, delivered through its outputs.
public struct Objective: Hashable, Sendable, Identifiable, Codable {
    public var id: String
    public var text: String
    public var outcomes: [String]
    public var outputs: [Output]

    public init(id: String, text: String, outcomes: [String] = [], outputs: [Output] = []) {
        self.id = id
        self.text = text
        self.outcomes = outcomes
        self.outputs = outputs
    }
}
