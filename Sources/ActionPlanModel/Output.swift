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

    // What the journal adds when the plan is folded with it.

    /// The latest progress note from the journal, or the plan's own note.
    public var latestNote: Note?
    /// Set once the deadline has been revised; `due` is then the revised one.
    public var revision: Revision?
    /// When anybody last recorded anything about it. Its records themselves stay in the journal
    /// (`Journal.history(of:)`): copying them into every output would double a fold's work.
    public var lastRecord: Timestamp?

    public init(
        id: String, text: String, leads: [String] = [], due: Due = .none, measures: [String] = [],
        outcomes: [String] = [], status: Status? = nil, note: String? = nil, group: String? = nil
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
        self.latestNote = note.map { Note(text: $0, by: nil, at: nil) }
    }

    /// Neither complete nor dropped. An output nobody has rated is open.
    public var isOpen: Bool { status?.isOpen ?? true }
}
