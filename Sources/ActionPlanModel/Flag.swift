/// Something about an open output that somebody has to act on.
public enum Flag: String, CaseIterable, Hashable, Comparable, Sendable {
    /// The deadline is before the as-of date.
    case overdue
    /// The deadline falls between the as-of date and the end of the next reporting quarter.
    case dueSoon = "due-soon"
    /// Nobody leads it.
    case unowned
    /// A lead that the plan's agency register does not know.
    case unknownLead = "unknown-lead"
    /// No deadline, and not ongoing.
    case undated
    /// Nobody has recorded anything about it since the current reporting quarter began.
    case stale

    public static func < (lhs: Flag, rhs: Flag) -> Bool {
        allCases.firstIndex(of: lhs) ?? 0 < allCases.firstIndex(of: rhs) ?? 0
    }

    /// What the flag means, for help and keys.
    public var meaning: String {
        switch self {
        case .overdue: "deadline passed, not complete"
        case .dueSoon: "deadline before the end of next quarter"
        case .unowned: "no lead agency"
        case .unknownLead: "lead not in the agency register"
        case .undated: "no deadline and not ongoing"
        case .stale: "no update since the quarter began"
        }
    }
}
