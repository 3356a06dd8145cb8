/// Why an output belongs in a report's exceptions, the part the steering group reads: in the
/// order the meeting takes them.
public enum Exception: String, CaseIterable, Hashable, Sendable {
    case overdue, unowned, undated, red, amber, stale

    /// The exceptions an assessment shows, in this order. Only open outputs carry flags, and only
    /// they can be red or amber, so complete and dropped outputs never appear.
    public static func of(_ assessment: Assessment) -> [Exception] {
        allCases.filter { exception in
            switch exception {
            case .overdue: assessment.flags.contains(.overdue)
            case .unowned: assessment.flags.contains(.unowned)
            case .undated: assessment.flags.contains(.undated)
            case .red: assessment.rating.rag == .red
            case .amber: assessment.rating.rag == .amber
            case .stale: assessment.flags.contains(.stale)
            }
        }
    }

    /// A heading for the outputs listed under it.
    public var heading: String {
        switch self {
        case .overdue: "Overdue"
        case .unowned: "No lead agency"
        case .undated: "No deadline"
        case .red: "Red"
        case .amber: "Amber"
        case .stale: "No update this quarter"
        }
    }
}
