import ActionPlanModel

/// The screens, for saying where a command applies.
public enum ScreenKind: String, CaseIterable, Hashable, Sendable {
    case overview, list, detail, form, review
}

/// Everything a key can do.
public enum Action: Hashable, Sendable {
    case quit, help, back
    case showOverview, showList, open, update, note, review
    case up, down, pageUp, pageDown, top, bottom
    case search, mine, flag(Flag), cyclePillar, cycleLead, cycleStatus, clearFilters
    case next, previous, assignLead, reviseDate
    case exportReport
    case submit, nextField, previousField
}


/// One row of the command table: its keys, what it does, its help, and the screens it works on.
///
/// The help overlay and the status line are generated from this table, so they cannot drift
/// from what the keys do.
public struct Command: Hashable, Sendable {
    public let keys: [Key]
    public let action: Action
    /// A word or two, for the status line.
    public let label: String
    /// A sentence, for the help overlay.
    public let help: String
    public let screens: Set<ScreenKind>
    /// Shown on the status line of these screens.
    public let featured: Set<ScreenKind>

    init(_ keys: [Key], _ action: Action, _ label: String, _ help: String, on screens: Set<ScreenKind>, featured: Set<ScreenKind> = []) {
        self.keys = keys
        self.action = action
        self.label = label
        self.help = help
        self.screens = screens
        self.featured = featured
    }

    /// `↑/k`.
    public var keyLabel: String { keys.map(\.label).joined(separator: "/") }
}

extension Command {
    private static let browsing: Set<ScreenKind> = [.overview, .list, .detail, .review]

    /// Every command, in the order help lists them.
    public static let table: [Command] = [
        Command([.character("?")], .help, "help", "Show or hide this help", on: browsing, featured: browsing),
        Command([.character("q")], .quit, "quit", "Quit", on: browsing, featured: [.overview, .list]),
        Command([.escape], .back, "back", "Go back; close a form without saving", on: [.detail, .form, .review, .list], featured: [.detail, .form, .review]),
        Command([.character("v")], .showOverview, "overview", "Overview: RAG and flags per pillar", on: [.list, .detail], featured: [.list]),
        Command([.tab, .character("a")], .showList, "actions", "Actions list", on: [.overview], featured: [.overview]),
        Command([.character("r")], .review, "review", "Review meeting: step through overdue, unowned, red and stale items", on: [.overview, .list], featured: [.overview, .list]),
        Command([.character("x")], .exportReport, "report", "Save this quarter's report as HTML, in reports/ beside the plan", on: [.overview, .list], featured: [.overview]),
        Command([.up, .character("k")], .up, "up", "Move up", on: [.list]),
        Command([.down, .character("j")], .down, "down", "Move down", on: [.list]),
        Command([.pageUp], .pageUp, "page up", "Up a page", on: [.list]),
        Command([.pageDown, .character(" ")], .pageDown, "page down", "Down a page", on: [.list]),
        Command([.home, .character("g")], .top, "first", "First action", on: [.list]),
        Command([.end, .character("G")], .bottom, "last", "Last action", on: [.list]),
        Command([.enter], .open, "detail", "Open the selected action", on: [.list], featured: [.list]),
        Command([.character("u")], .update, "update", "Update status, note or date", on: [.list, .detail], featured: [.list, .detail]),
        Command([.character("n")], .note, "note", "Add a progress note", on: [.list, .detail, .review], featured: [.detail, .review]),
        Command([.character("/")], .search, "search", "Search the text of actions (Enter keeps it, Esc clears)", on: [.list], featured: [.list]),
        Command([.character("m")], .mine, "mine", "Only my agency's actions", on: [.list], featured: [.list]),
        Command([.character("O")], .flag(.overdue), "overdue", "Only overdue actions", on: [.list]),
        Command([.character("U")], .flag(.unowned), "unowned", "Only actions with no lead", on: [.list]),
        Command([.character("D")], .flag(.undated), "undated", "Only actions with no date", on: [.list]),
        Command([.character("S")], .flag(.stale), "stale", "Only actions not updated this quarter", on: [.list]),
        Command([.character("P")], .cyclePillar, "pillar", "Filter by pillar, one after another", on: [.list]),
        Command([.character("A")], .cycleLead, "lead", "Filter by lead agency, one after another", on: [.list]),
        Command([.character("T")], .cycleStatus, "status", "Filter by status, one after another", on: [.list]),
        Command([.character("c")], .clearFilters, "clear", "Clear every filter", on: [.list], featured: [.list]),
        Command([.right, .character("l")], .next, "next", "Next item", on: [.review], featured: [.review]),
        Command([.left, .character("h")], .previous, "previous", "Previous item", on: [.review]),
        Command([.character("L")], .assignLead, "assign lead", "Assign a lead agency (chair, coordinator)", on: [.review, .detail], featured: [.review]),
        Command([.character("t")], .reviseDate, "revise date", "Set a revised date with its reason (chair, coordinator)", on: [.review, .detail], featured: [.review]),
        Command([.enter, .control("s")], .submit, "save", "Record the update", on: [.form], featured: [.form]),
        Command([.tab, .down], .nextField, "next field", "Next field", on: [.form], featured: [.form]),
        Command([.backTab, .up], .previousField, "previous field", "Previous field", on: [.form]),
    ]

    /// The command a key runs on a screen, if any.
    public static func command(for key: Key, on screen: ScreenKind) -> Command? {
        table.first { $0.screens.contains(screen) && $0.keys.contains(key) }
    }
}
