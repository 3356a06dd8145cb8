/// What a person may do to a plan.
public enum Role: String, CaseIterable, Hashable, Sendable {
    /// May change anything, including leads and deadlines.
    case chair, coordinator
    /// May update the outputs their agencies lead.
    case lead
    /// May update, and revise the deadlines of, every output of their delivery groups.
    case groupChair = "group-chair", groupCoordinator = "group-coordinator"
    /// May read only.
    case viewer
}

/// An account's role; for a lead officer the agencies, for a group's chair or coordinator the
/// groups, they act for; and how to reach them.
public struct Member: Hashable, Sendable {
    public let account: String
    public let role: Role
    public let agencies: [String]
    /// Delivery groups by name or short form, as each plan's `groups:` spells them.
    public let groups: [String]
    /// The name people know them by, for the greeting and the `To:` line of a digest.
    public let name: String?
    /// Where their digests go (docs/reminders.md); nil: they are not sent one.
    public let email: EmailAddress?

    public init(account: String, role: Role, agencies: [String] = [], groups: [String] = [], name: String? = nil, email: EmailAddress? = nil) {
        self.account = account
        self.role = role
        self.agencies = agencies
        self.groups = groups
        self.name = name
        self.email = email
    }
}

/// Who may change what: the rules of the access file, or none when a plan has no access file.
public struct Access: Hashable, Sendable {
    /// Said, by the command line and the interface alike, with the first record written to a plan
    /// that has no access file.
    public static let openNotice = "there is no access.yaml beside this plan, so whoever owns its folder may change anything, "
        + "until a second account has recorded an update (see docs/access.md)"

    /// Nil when there is no access file: whoever runs the tool may change anything.
    public let members: [Member]?
    /// The one account that may act for others with `--as` (a shared SSH service account).
    public let serviceAccount: String?

    public init(members: [Member]?, serviceAccount: String? = nil) {
        self.members = members
        self.serviceAccount = serviceAccount
    }

    /// No access file: everything is open to whoever runs the tool.
    public static let open = Access(members: nil)

    public var isOpen: Bool { members == nil }

    /// The member entry for `account`; accounts the file does not list are viewers.
    public func member(_ account: String) -> Member {
        guard let members else { return Member(account: account, role: .chair) }
        return members.first { $0.account == account } ?? Member(account: account, role: .viewer)
    }

    /// What `account` may change before asking what: anything, nothing (and why), what a lead
    /// officer of its agencies may, or what a chair or coordinator of its delivery groups may.
    enum Standing {
        case anything
        case nothing(String)
        case lead(Member)
        case group(Member)
    }

    func standing(_ account: String) -> Standing {
        let member = member(account)
        switch member.role {
        case .chair, .coordinator: return .anything
        case .viewer: return .nothing("\(account) is a viewer of this plan and may not change it; the access file lists who may")
        case .lead: return .lead(member)
        case .groupChair, .groupCoordinator: return .group(member)
        }
    }

    /// Why `account` may not make `change` to `output` in `plan`, or nil when it may.
    public func refusal(of change: Change, to output: Output, in plan: Plan, by account: String) -> String? {
        switch standing(account) {
        case .anything:
            return nil
        case .nothing(let why):
            return why
        case .lead(let member):
            if change.isStructural {
                return "only the chair or the coordinator may revise a deadline or assign a lead; ask them, or record a note"
            }
            guard member.agencies.contains(where: { plan.isLed(output, by: $0) }) else {
                return "output \(output.id) is led by \(LeadText.text(output.leads, none: "no agency")), and \(account) updates for "
                    + "\(LeadText.text(member.agencies, none: "no agency")) only"
            }
            return nil
        case .group(let member):
            if change.lead != nil {
                return "only the chair or the coordinator may assign a lead; ask them, or record a note"
            }
            guard let group = output.group, member.groups.contains(where: { plan.group(named: $0)?.name == group }) else {
                return "output \(output.id) belongs to \(output.group.map { "the \($0)" } ?? "no delivery group"), and \(account) updates for "
                    + "\(LeadText.text(member.groups, none: "no group")) only"
            }
            return nil
        }
    }
}
