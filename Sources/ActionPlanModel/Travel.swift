/// How an indicator's figure moved from an earlier period: which way, and whether that is better.
public struct Travel: Hashable, Sendable {
    public let from: Double
    public let to: Double
    public let verdict: Verdict

    /// Whether a move is better, worse, or neither, by the indicator's idea of better.
    public enum Verdict: String, Hashable, Sendable {
        case better, worse, same
    }

    /// The move from `earlier` (for `before`) to `later` (for `now`) of `indicator`.
    public init(_ indicator: Indicator, from earlier: Double, in before: FigurePeriod, to later: Double, in now: FigurePeriod) {
        from = earlier
        to = later
        let then = indicator.shortfall(of: earlier, in: before)
        let since = indicator.shortfall(of: later, in: now)
        verdict = since < then ? .better : since > then ? .worse : .same
    }

    /// The arrow for the figure itself: `↑` rose, `↓` fell, `→` unchanged. Whether that is good
    /// is `verdict`: a fall in repeat victims is better.
    public var arrow: String { to > from ? "↑" : to < from ? "↓" : "→" }

    /// `↑ better`: readable without colour.
    public var text: String { "\(arrow) \(verdict.rawValue)" }
}
