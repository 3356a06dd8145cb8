extension Indicator {
    /// The target that applies to `period`: the plan's, the period's reporting year's, or the
    /// expected range; nil when none does.
    public func target(for period: FigurePeriod) -> Target? {
        switch target {
        case .perYear(let years): years[period.reportingYear].map(Target.plan)
        case let target: target
        }
    }

    /// How `value` for `period` rates: green on or better than the target (inside the range),
    /// amber short of it by no more than the tolerance, red further off, grey with no target.
    public func rating(of value: Double, in period: FigurePeriod) -> RAG {
        switch target(for: period) {
        case nil, .perYear: return .grey
        case .range(let low, let high):
            if (low...high).contains(value) { return .green }
            return (low - tolerance * abs(low)...high + tolerance * abs(high)).contains(value) ? .amber : .red
        case .plan(let goal):
            let slack = tolerance * abs(goal)
            switch better {
            case .up: return value >= goal ? .green : value >= goal - slack ? .amber : .red
            case .down: return value <= goal ? .green : value <= goal + slack ? .amber : .red
            case .range: return value == goal ? .green : abs(value - goal) <= slack ? .amber : .red
            }
        }
    }

    /// How far `value` is from good, in the better direction: what a move is judged by when
    /// "higher" and "lower" are not enough (a range, where both ways out are worse).
    func shortfall(of value: Double, in period: FigurePeriod) -> Double {
        switch (better, target(for: period)) {
        case (_, .range(let low, let high)?): return max(low - value, 0) + max(value - high, 0)
        case (.range, .plan(let goal)?): return abs(value - goal)
        case (.down, _): return value
        default: return -value
        }
    }
}

extension RAG {
    /// What the colour means for an indicator's figure, for the key printed with indicators.
    public var figureMeaning: String {
        switch self {
        case .green: "on or better than target"
        case .amber: "short of target, within its tolerance"
        case .red: "worse than target"
        case .grey: "no target or no figure"
        case .blue, .none: ""
        }
    }

    /// The colours an indicator's figure can have, in the order counts show them.
    public static let figureRatings: [RAG] = [.green, .amber, .red, .grey]
}
