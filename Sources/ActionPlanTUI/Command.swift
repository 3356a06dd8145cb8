import ActionPlanModel

/// Everything a key can do.
public enum Action: Hashable, Sendable {
    case quit, help, closeOverlay, back, redraw, toggleContrast
    case showOverview, showList, open, update, note, review
    case up, down, pageUp, pageDown, top, bottom
    case search, mine, flag(Flag), cyclePillar, pickLead, cycleGroup, cycleStatus, clearFilters, cycleSort
    case next, previous, assignLead, reviseDate
    case exportReport, changeQuarter, saveReport
    /// Saving the review's decisions as the minutes.
    case saveMinutes
    case showIndicators, figure
    case submit, nextField, previousField
    /// The focused choice steps back on ←, on otherwise.
    case changeChoice
    /// The key edits the focused text field of a form.
    case editField
    /// The focused text field is written in the user's editor.
    case editInEditor
    /// The key edits what a picker is narrowed by; moves its highlight; picks; closes it.
    case editPick, movePick, choosePick, closePick
    /// The key edits the search being typed.
    case editSearch, keepSearch, clearSearch
}

/// One row of the command table: its keys, what it does, its help, and the modes it works in.
///
/// Help, the key line and a form's instructions are generated from the table, so they cannot
/// drift from what the keys do.
public struct Command: Hashable, Sendable {
    public let keys: [Key]
    /// Also runs for any character typed: a text field takes it.
    public let typing: Bool
    public let action: Action
    /// A word or two, for the key line.
    public let label: String
    /// A sentence, for the help overlay.
    public let help: String
    public let modes: Set<Mode>
    /// Shown on the key line of these modes.
    public let featured: Set<Mode>
    /// In a form, the kind of field it works on; nil for any.
    public let field: Form.Field.Kind?
    /// How a form's own instructions word it (`records it`), when they mention it.
    public let hint: String?
    /// A brief name for the keys (`←/→`, `text`), where listing them all would crowd help.
    let keyName: String?

    init(_ keys: [Key], typing: Bool = false, _ action: Action, _ label: String, _ help: String, on modes: Set<Mode>,
         featured: Set<Mode> = [], field: Form.Field.Kind? = nil, hint: String? = nil, keyName: String? = nil) {
        self.keys = keys
        self.typing = typing
        self.action = action
        self.label = label
        self.help = help
        self.modes = modes
        self.featured = featured
        self.field = field
        self.hint = hint
        self.keyName = keyName
    }

    /// `↑/k`, for help: every key, or the row's brief name for them.
    public var keyLabel: String { keyName ?? keys.map(\.label).joined(separator: "/") }

    /// `↑`, for the key line and a form's instructions: the first key, or the brief name.
    var shortKey: String { keyName ?? keys.first?.label ?? "" }

    /// `? help` on the key line; a typing row is its label alone (`type to search`).
    var keyLineEntry: String { typing ? label : "\(shortKey) \(label)" }

    /// Whether `key` runs this command on a field of `kind` (nil off a form).
    func runs(on key: Key, field kind: Form.Field.Kind?) -> Bool {
        if let field, field != kind { return false }
        if typing, case .character(let character) = key, !character.isNewline { return true }
        return keys.contains(key)
    }
}
