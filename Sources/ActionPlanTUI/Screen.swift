/// Where the user is, carrying what that place is about: a detail always has its output, a form
/// and a review always have theirs, and no screen can hold another's data.
public enum Screen: Hashable, Sendable {
    case overview
    case list
    /// One output, its text scrolled to line `top`.
    case detail(id: String, top: Int)
    case form(Form)
    case review(Review)
    /// The indicators of one pillar (or of the whole plan), with the one selected.
    case indicators(IndicatorPage)
    /// One indicator's series, scrolled to its row `top`.
    case indicator(id: String, top: Int)

    /// The mode its keys are read in.
    public var mode: Mode {
        switch self {
        case .overview: .overview
        case .list: .list
        case .detail: .detail
        case .form: .form
        case .review: .review
        case .indicators: .indicators
        case .indicator: .indicator
        }
    }
}

/// What is drawn over the screen and reads keys before it; at most one at a time.
public enum Overlay: Hashable, Sendable {
    /// `?`: the keys, scrolled to line `top`; a key it does not take closes it.
    case help(top: Int)
    /// `/` on the list: the search being typed.
    case search(TextField)
    /// `A` on the list: a lead agency to filter on, picked by typing part of its name.
    case pick(Picker)
    /// `x`: the quarter whose report to save.
    case report(ReportChoice)
}
