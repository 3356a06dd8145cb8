/// What a person may do to a plan.
public enum Role: String, CaseIterable, Hashable, Sendable {
    /// May change anything, including leads and deadlines.
    case chair, coordinator
    /// May update the outputs their agencies lead.
    case lead
    /// May read only.
    case viewer
}

/// An account's role, and for a lead officer the agencies they act for.
public struct Member: Hashable, Sendable {
    public let account: String
    public let role: Role
    public let agencies: [String]

    public init(account: String, role: Role, agencies: [String] = []) {
        self.account = account
        self.role = role
        self.agencies = agencies
    }
}

/// Who may change what: the rules of the access file, or none when a plan has no access file.
public struct Access: Hashable, Sendable {
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

    /// What `account` may change before asking what: anything, nothing (and why), or what a
    /// lead officer of its agencies may.
    enum Standing {
        case anything
        case nothing(String)
        case lead(Member)
    }

    func standing(_ account: String) -> Standing {
        let member = member(account)
        switch member.role {
        case .chair, .coordinator: return .anything
        case .viewer: return .nothing("\(account) is a viewer of this plan and may not change it; the access file lists who may")
        case .lead: return .lead(member)
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
        }
    }
}
