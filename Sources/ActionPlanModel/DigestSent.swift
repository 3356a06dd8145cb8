/// A digest that was sent: to which officer and address, about which agencies and outputs, as
/// judged on which day. What a `digest` line of the journal holds, so a report can say who was chased.
public struct DigestSent: Hashable, Sendable, Codable {
    /// The officer's account in the access file.
    public var account: String
    /// The address it went to.
    public var address: String
    public var agencies: [String]
    /// The ids of the outputs it listed.
    public var outputIDs: [String]
    /// The day the digest was judged on (`--as-of`).
    public var asOf: Day

    public init(account: String, address: String, agencies: [String], outputIDs: [String], asOf: Day) {
        self.account = account
        self.address = address
        self.agencies = agencies
        self.outputIDs = outputIDs
        self.asOf = asOf
    }
}

/// One `digest` line of a journal: who sent which digest, and when.
public struct DigestRecord: Hashable, Sendable, Codable {
    /// The line of the journal it is on, from 1.
    public let line: Int
    public let at: Timestamp
    /// The account that sent it: the chair or the coordinator.
    public let by: String
    public let sent: DigestSent

    public init(line: Int, at: Timestamp, by: String, sent: DigestSent) {
        self.line = line
        self.at = at
        self.by = by
        self.sent = sent
    }
}

extension Access {
    /// Why `account` may not send digests, or nil when it may: they chase officers in the
    /// partnership's name, which is the chair's or the coordinator's to do.
    public func digestRefusal(by account: String) -> String? {
        let role = member(account).role
        guard role != .chair, role != .coordinator else { return nil }
        return "\(account) is a \(role.rawValue) of this plan: only the chair or the coordinator sends digests"
    }
}
