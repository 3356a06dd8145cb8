/// A trackable action: what will be done, who leads it, by when, and how it stands.
public struct Output: Hashable, Sendable, Identifiable, Codable {
    public var id: String
    /// What will be done, in the plan's words.
    public var text: String
    /// The agencies that lead it, as written; several when the lead is joint.
    public var leads: [String]
    public var due: Due
    /// How delivery will be measured or evidenced.
    public var measures: [String]
    public var outcomes: [String]
    /// Nil until somebody rates it.
    public var status: Status?
    /// The note written in the plan file.
    public var note: String?
    /// The name of the delivery group that owns it: its own `group:`, else its objective's.
    public var group: String?
    /// The ids it had in earlier versions of the plan or earlier plan years (`was:`): records
    /// written under them are its history.
    public var was: [String]
    /// When and why it left the plan (`retired:`); nil while it is in it.
    public var retired: Retirement?

    // What the journal adds when the plan is folded with it.

    /// The latest progress note from the journal, or the plan's own note.
    public var latestNote: Note?
    /// Set once the deadline has been revised; `due` is then the revised one.
    public var revision: Revision?
    /// The latest day any of its records speaks for (`Record.day`): what staleness and "last
    /// update" go by, so a record imported from a tracker counts for the tracker's date. Its
    /// records themselves stay in the journal (`Journal.history(of:)`): copying them into every
    /// output would double a fold's work.
    public var lastUpdate: Day?

    public init(
        id: String, text: String, leads: [String] = [], due: Due = .none, measures: [String] = [],
        outcomes: [String] = [], status: Status? = nil, note: String? = nil, group: String? = nil,
        was: [String] = [], retired: Retirement? = nil
    ) {
        self.id = id
        self.text = text
        self.leads = leads
        self.due = due
        self.measures = measures
        self.outcomes = outcomes
        self.status = status
        self.note = note
        self.group = group
        self.was = was
        self.retired = retired
        self.latestNote = note.map { Note(text: $0, by: nil, at: nil) }
    }

    /// Neither complete nor dropped. An output nobody has rated is open.
    public var isOpen: Bool { status?.isOpen ?? true }

    /// Whether it had left the plan by `day`: its retired day is before it. Up to and on that
    /// day it is in the plan as any other output, so reports on periods before it keep it.
    public func isRetired(asOf day: Day) -> Bool {
        retired.map { $0.on < day } ?? false
    }
}

/// Why and when an output left the plan, keeping its history: `retired: {on: DATE, reason: TEXT}`.
public struct Retirement: Hashable, Sendable, Codable {
    /// Its last day in the plan.
    public let on: Day
    /// The date as written.
    public let written: String
    public let reason: String

    public init(on: Day, written: String, reason: String) {
        self.on = on
        self.written = written
        self.reason = reason
    }
}
