import ActionPlanModel

/// What the account may change, as the access rules said when last read: at the start, then
/// after every write. Only to say it before typing starts; each write reads the rules on disk
/// again and is refused by them, never by this copy.
public enum Rights: Hashable, Sendable {
    /// The access file's rules, or `Access.open` when the plan has none.
    case rules(Access)
    /// The rules cannot be read or trusted, so nothing may be changed; why.
    case refused(String)

    /// How the header names the account's standing: `chair`, `lead (Police)`, `no access file`.
    func role(of account: String) -> String {
        switch self {
        case .refused: return "read only"
        case .rules(let access):
            guard !access.isOpen else { return "no access file" }
            let member = access.member(account)
            switch member.role {
            case .lead: return "lead (\(LeadText.text(member.agencies, none: "no agency")))"
            case .groupChair, .groupCoordinator: return "\(member.role.rawValue) (\(LeadText.text(member.groups, none: "no group")))"
            case .chair, .coordinator, .viewer: return member.role.rawValue
            }
        }
    }

    /// Why `account` may not make a change like `change` to `output`; nil when it may.
    func refusal(of change: Change, to output: Output, in plan: Plan, by account: String) -> String? {
        switch self {
        case .refused(let why): "Changes are refused: \(why)"
        case .rules(let access): access.refusal(of: change, to: output, in: plan, by: account)
        }
    }

    /// Why `account` may not record a figure for `indicator`; nil when it may.
    func refusal(ofFigureFor indicator: Indicator, in plan: Plan, by account: String) -> String? {
        switch self {
        case .refused(let why): "Changes are refused: \(why)"
        case .rules(let access): access.refusal(ofFigureFor: indicator, in: plan, by: account)
        }
    }
}
