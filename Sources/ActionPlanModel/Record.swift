/// One line of a plan's journal: who changed which output, when, and how.
public struct Record: Hashable, Sendable, Codable {
    /// The line of the journal it is on, from 1: how people and conflict messages refer to it.
    public let line: Int
    public let at: Timestamp
    /// The account that made it.
    public let by: String
    public let change: Change
    /// The day it speaks for when that is not the day it was written (`at`, never back-dated): a
    /// tracker's date for a record imported from it, the quarter under review for a decision
    /// recorded in a meeting about it. Nil for a record that speaks for the day it was written.
    public let effective: Day?

    public init(line: Int, at: Timestamp, by: String, change: Change, effective: Day? = nil) {
        self.line = line
        self.at = at
        self.by = by
        self.change = change
        self.effective = effective
    }

    /// The day it speaks for: what the plan "as of" a day, staleness, the last update and reports go by.
    public var day: Day { effective ?? at.day }

    /// What it did, in a few words: `status at-risk; due April 2016 (staff shortage); lead Police`.
    public var summary: String { change.summary }
}
