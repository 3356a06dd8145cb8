/// A strand of the strategy: one of the four Ps, or a priority of the plan's own.
public struct Pillar: Hashable, Sendable, Codable {
    public var name: String
    public var aim: String
    public var objectives: [Objective]

    public init(name: String, aim: String = "", objectives: [Objective] = []) {
        self.name = name
        self.aim = aim
        self.objectives = objectives
    }

    /// The national "4 Ps", in the order plans list them.
    public static let fourPs = ["Prevention", "Provision", "Partnership", "Perpetrators"]
}
