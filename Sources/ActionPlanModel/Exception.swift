/// Why an output belongs in a report's exceptions, the part the steering group reads: in the
/// order the meeting takes them.
public enum Exception: String, CaseIterable, Hashable, Sendable {
    case overdue, unowned, undated, red, amber, stale

    /// What an exception report holds: what the board must see, leaving undated and amber
    /// outputs to the quarter's full report.
    public static let forTheBoard: [Exception] = [.overdue, .unowned, .red, .stale]

    /// The exceptions an assessment shows, in this order. Only open outputs carry flags, and only
    /// they can be red or amber, so complete and dropped outputs never appear.
    public static func of(_ assessment: Assessment) -> [Exception] {
        allCases.filter { exception in
            switch exception.cause {
            case .flag(let flag): assessment.flags.contains(flag)
            case .colour(let colour): assessment.rating.rag == colour
            }
        }
    }

    /// What puts an output under this exception: one of its flags, or its colour.
    public enum Cause: Hashable, Sendable {
        case flag(Flag)
        case colour(RAG)
    }

    public var cause: Cause {
        switch self {
        case .overdue: .flag(.overdue)
        case .unowned: .flag(.unowned)
        case .undated: .flag(.undated)
        case .red: .colour(.red)
        case .amber: .colour(.amber)
        case .stale: .flag(.stale)
        }
    }

    /// A heading for the outputs listed under it: the flag's label, or the colour's name.
    public var heading: String {
        let words = switch cause {
        case .flag(let flag): flag.label
        case .colour(let colour): colour.rawValue
        }
        return words.prefix(1).uppercased() + words.dropFirst()
    }
}
