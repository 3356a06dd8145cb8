import Foundation

/// A name picked from a list by typing part of it: an agency from the plan's register for a
/// lead, or a lead agency for the list's filter. Nothing is picked until the user types or moves,
/// so a form never records the list's first name by accident.
public struct Picker: Hashable, Sendable {
    /// One name offered, with every spelling that finds it (`Metropolitan Police`, `MPS`).
    public struct Choice: Hashable, Sendable {
        /// What is recorded or filtered on when it is picked; nil: the entry that turns a filter off.
        public let value: String?
        /// How the list shows it.
        public let label: String
        let spellings: [String]

        public init(value: String?, label: String, spellings: [String]) {
            self.value = value
            self.label = label
            self.spellings = spellings
        }
    }

    public let choices: [Choice]
    public private(set) var query = TextField()
    /// The choices the query finds: those a spelling of which starts with it first.
    public private(set) var matches: [Choice]
    /// Which of `matches` is highlighted; nil until the user types or moves.
    public private(set) var selection: Int?

    public init(_ choices: [Choice]) {
        self.choices = choices
        matches = choices
    }

    /// The choice highlighted, if any.
    public var picked: Choice? { selection.flatMap { matches.indices.contains($0) ? matches[$0] : nil } }

    /// Types or edits the query; the list narrows and its first match is highlighted.
    mutating func edit(_ key: Key) {
        guard query.handle(key) else { return }
        refresh()
    }

    /// Pasted text goes into the query.
    mutating func insert(_ text: String) {
        query.insert(text)
        refresh()
    }

    /// Moves the highlight `step` places through the matches, stopping at either end.
    mutating func move(by step: Int) {
        guard !matches.isEmpty else { return }
        selection = max(0, min(matches.count - 1, (selection ?? -1) + (selection == nil && step < 0 ? 1 : step)))
    }

    private mutating func refresh() {
        let wanted = Self.folded(query.text.trimmingCharacters(in: .whitespaces))
        guard !wanted.isEmpty else {
            matches = choices
            selection = nil
            return
        }
        let found = choices.map { choice in (choice, choice.spellings.map(Self.folded)) }.filter { $0.1.contains { $0.contains(wanted) } }
        let starting = found.filter { $0.1.contains { $0.hasPrefix(wanted) } }.map(\.0)
        matches = starting + found.map(\.0).filter { !starting.contains($0) }
        selection = matches.isEmpty ? nil : 0
    }

    /// Text as compared: without case or accents.
    private static func folded(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    }
}
