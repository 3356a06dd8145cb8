/// One line of a plan's journal: who changed which output, when, and how.
public struct Record: Hashable, Sendable, Codable {
    /// The line of the journal it is on, from 1: how people and conflict messages refer to it.
    public let line: Int
    public let at: Timestamp
    /// The account that made it.
    public let by: String
    public let change: Change

    public init(line: Int, at: Timestamp, by: String, change: Change) {
        self.line = line
        self.at = at
        self.by = by
        self.change = change
    }

    /// What it did, in a few words: `status at-risk; due April 2016 (staff shortage); lead Police`.
    public var summary: String {
        var parts: [String] = []
        if let status = change.status { parts.append("status \(status.rawValue)") }
        if let due = change.due { parts.append("due \(due)" + (change.reason.map { " (\($0))" } ?? "")) }
        if let lead = change.lead { parts.append("lead \(LeadText.text(lead, none: ""))") }
        if let note = change.note { parts.append("note: \(note)") }
        return parts.joined(separator: "; ")
    }
}
