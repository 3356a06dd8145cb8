/// What one journal line records. Its kind is the key the line carries: `output` for a change
/// to an output, `indicator` for a figure. A new kind is a case here, an array in `Journal`, a
/// key in the store's `JournalLine`, and a check in `JournalWriter`.
public enum Entry: Hashable, Sendable {
    /// A change to an output (`output` lines).
    case output(Change)
    /// A figure for an indicator (`indicator` lines).
    case indicator(Figure)
}

/// A figure reported for one indicator and period, as an officer records it: what an
/// `indicator` line of the journal holds.
public struct Figure: Hashable, Sendable, Codable {
    /// The indicator's id in the plan.
    public var indicatorID: String
    /// The period it covers, as written: `Q1 2015/16`, `April 2015`, `2015/16`.
    public var period: String
    public var value: Double
    /// The area it is for, when the indicator is broken down by area (`RBKC`); nil for the whole.
    public var area: String?
    public var note: String?

    public init(indicatorID: String, period: String, value: Double, area: String? = nil, note: String? = nil) {
        self.indicatorID = indicatorID
        self.period = period
        self.value = value
        self.area = area
        self.note = note
    }
}

/// One `indicator` line of a journal: who recorded which figure, and when.
public struct FigureRecord: Hashable, Sendable, Codable {
    /// The line of the journal it is on, from 1.
    public let line: Int
    public let at: Timestamp
    /// The account that recorded it.
    public let by: String
    public let figure: Figure

    public init(line: Int, at: Timestamp, by: String, figure: Figure) {
        self.line = line
        self.at = at
        self.by = by
        self.figure = figure
    }
}
