/// Where keys are read: each screen, the search line or the lead picker over the list, and help
/// over any screen. Each mode has its own rows in the command table, from which its key line and
/// its part of help are generated.
public enum Mode: String, CaseIterable, Hashable, Sendable {
    case overview, list, detail, form, review, search, pick, indicators, indicator, help, report

    /// How the key line joins its keys: the search line and the picker read as one instruction.
    var keySeparator: String { self == .search || self == .pick ? " · " : "  " }

    /// What help calls the screen: `the actions list`.
    var name: String {
        switch self {
        case .overview: "the overview"
        case .list: "the actions list"
        case .detail: "an action's detail"
        case .form: "a form"
        case .review: "the review"
        case .search: "the search line"
        case .pick: "the lead picker"
        case .indicators: "the indicators"
        case .indicator: "an indicator's figures"
        case .help: "this help"
        case .report: "the report's quarter"
        }
    }
}
