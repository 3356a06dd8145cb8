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
    public var summary: String { change.summary }
}
