/// Which indicators the indicators screen shows, and the one selected.
public struct IndicatorPage: Hashable, Sendable {
    /// Where the indicators shown belong.
    public enum Scope: Hashable, Sendable {
        /// The plan as a whole.
        case plan
        /// A pillar, by its index, with the indicators of its objectives.
        case pillar(Int)
    }

    public var scope: Scope
    /// The selected indicator, by its place on the page.
    public var selection = 0

    public init(scope: Scope, selection: Int = 0) {
        self.scope = scope
        self.selection = selection
    }
}
