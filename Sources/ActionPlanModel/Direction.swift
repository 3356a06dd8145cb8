/// Which way an output's RAG moved between two quarter ends: the direction of travel.
///
/// Colours rank blue > green > amber > red. Grey (not yet rated) and dropped have no place on
/// that scale, so a move to or from them is never called better or worse: it is `rated` or
/// `unrated`, and reports show what the colour was.
public enum Direction: String, CaseIterable, Hashable, Sendable {
    /// Up the scale: red to amber, amber to green, anything rated to blue.
    case better
    /// The same colour (red by date and red as rated are the same colour).
    case same
    /// Down the scale.
    case worse
    /// Rated now, and grey or dropped before: there is nothing to compare with.
    case rated
    /// Grey or dropped now, and something else before: set back to not started, or dropped.
    case unrated

    /// The direction from `before` to `now`.
    public init(from before: RAG, to now: RAG) {
        if before == now {
            self = .same
            return
        }
        switch (before.rank, now.rank) {
        case (let was?, let rank?): self = rank > was ? .better : .worse
        case (nil, _?): self = .rated
        case (_, nil): self = .unrated
        }
    }

    /// The arrow or mark shown beside the RAG letter.
    public var symbol: String {
        switch self {
        case .better: "↑"
        case .same: "→"
        case .worse: "↓"
        case .rated: "+"
        case .unrated: "×"
        }
    }

    /// What it means against the end of the period before (`last quarter`, `last year`), for the
    /// key printed with every report.
    public func meaning(since previous: String) -> String {
        switch self {
        case .better: "better than \(previous) (B above G above A above R)"
        case .same: "same colour as \(previous)"
        case .worse: "worse than \(previous)"
        case .rated: "newly rated: not yet rated or dropped \(previous)"
        case .unrated: "no longer rated: set back to not started, or dropped"
        }
    }
}

extension RAG {
    /// Its place on the better-worse scale: blue highest; nil for grey and dropped, which are off it.
    public var rank: Int? {
        switch self {
        case .blue: 4
        case .green: 3
        case .amber: 2
        case .red: 1
        case .grey, .none: nil
        }
    }
}
