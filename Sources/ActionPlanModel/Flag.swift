/// Something about an open output, or an indicator, that somebody has to act on.
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
    /// An indicator's period has ended with no figure recorded for it.
    case missingFigure = "missing-figure"

    /// The flags an output can have: what output counts and filters show.
    public static let ofOutputs: [Flag] = allCases.filter { $0 != .missingFigure }

    public static func < (lhs: Flag, rhs: Flag) -> Bool {
        allCases.firstIndex(of: lhs) ?? 0 < allCases.firstIndex(of: rhs) ?? 0
    }

    /// The flag in a few words, the one wording every screen and report uses: the overview's
    /// counts, the report's exception headings (capitalised) and the keys.
    public var label: String {
        switch self {
        case .overdue: "overdue"
        case .dueSoon: "due by end of next quarter"
        case .unowned: "no lead agency"
        case .unknownLead: "lead not in the agency register"
        case .undated: "no deadline"
        case .stale: "no update this quarter"
        case .missingFigure: "no figure for a period that has ended"
        }
    }
}
