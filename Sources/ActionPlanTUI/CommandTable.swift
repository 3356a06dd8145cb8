import ActionPlanFormat
import ActionPlanModel

/// The command table (as tig's request table): every key of every mode, in the order help lists
/// them, and the per-mode tables that keys are routed through.
extension Command {
    private static let browsing: Set<Mode> = [.overview, .list, .detail, .review, .indicators, .indicator]

    /// Every command, in the order help lists them.
    public static let table: [Command] = [
        Command([.character("?")], .help, "help", "Show or hide this help", on: browsing, featured: browsing),
        Command([.escape, .character("?"), .character("q")], .closeOverlay, "close", "Close this help; any key it does not take closes it too",
                on: [.help], featured: [.help]),
        Command([.character("q")], .quit, "quit", "Quit", on: [.overview, .list, .indicators, .indicator], featured: [.overview, .list]),
        Command([.character("q")], .back, "back", "Go back (q quits only from the overview, the list and the indicators)", on: [.detail, .review]),
        Command([.control("l")], .redraw, "redraw", "Clear the terminal and draw the whole screen again", on: Set(Mode.allCases)),
        Command([.character("C")], .toggleContrast, "contrast", "High contrast for a projector: no dim or grey text (--contrast high starts in it)",
                on: browsing),
        Command([.escape], .back, "back", "Go back; close a form without saving", on: [.detail, .form, .review, .list, .indicators, .indicator],
                featured: [.detail, .form, .review, .indicators, .indicator], hint: "cancels, writing nothing"),
        Command([.character("v")], .showOverview, "overview", "Overview: RAG and flags per pillar", on: [.list, .detail], featured: [.list]),
        Command([.tab, .character("a")], .showList, "actions", "Actions list", on: [.overview], featured: [.overview]),
        Command([.character("r")], .review, "review", "Review meeting: step through overdue, unowned, red and stale items", on: [.overview, .list], featured: [.overview, .list]),
        Command([.character("i")], .showIndicators, "indicators", "Indicators: each one's latest figure, target, rating and trend, a pillar at a time",
                on: [.overview, .list], featured: [.overview, .list]),
        Command([.character("x")], .exportReport, "report", "Save a quarter's report as HTML, in reports/ beside the plan: this quarter's, or choose an earlier one",
                on: [.overview, .list], featured: [.overview]),
        Command([.left, .right], .changeQuarter, "quarter", "The quarter before or after", on: [.report], featured: [.report], keyName: "←/→"),
        Command([.enter], .saveReport, "save", "Save the report; if one was saved before, say so, and Enter again replaces it",
                on: [.report], featured: [.report]),
        Command([.escape], .closeOverlay, "cancel", "Save nothing", on: [.report], featured: [.report]),
        Command([.up, .character("k")], .up, "up", "Move up; on the overview, to the count above; on a detail or help, scroll up a line",
                on: [.overview, .list, .detail, .indicators, .indicator, .help], featured: [.help]),
        Command([.down, .character("j")], .down, "down", "Move down; on the overview, to the count below; on a detail or help, scroll down a line",
                on: [.overview, .list, .detail, .indicators, .indicator, .help]),
        Command([.pageUp], .pageUp, "page up", "Up a page", on: [.list, .detail, .indicator, .help]),
        Command([.pageDown, .character(" ")], .pageDown, "page down", "Down a page", on: [.list, .detail, .indicator, .help], featured: [.help]),
        Command([.home, .character("g")], .top, "first", "First action", on: [.list]),
        Command([.end, .character("G")], .bottom, "last", "Last action; in the review, its end: the decisions recorded", on: [.list, .review]),
        Command([.enter], .open, "detail",
                "Open the selected action, the selected indicator's figures, the review's item, or the list of the overview's selected count",
                on: [.overview, .list, .indicators, .review], featured: [.list, .indicators]),
        Command([.character("f")], .figure, "figure", "Record a figure for the indicator (its lead agency, chair, coordinator)",
                on: [.indicators, .indicator, .review], featured: [.indicators, .indicator]),
        Command([.character("u")], .update, "update", "Update status, note or date", on: [.list, .detail, .review], featured: [.list, .detail, .review]),
        Command([.character("n")], .note, "note", "Add a progress note", on: [.list, .detail, .review], featured: [.detail, .review]),
        Command([.character("/")], .search, "search", "Search the text of actions (Enter keeps it, Esc clears)", on: [.list], featured: [.list]),
        Command([.character("m")], .mine, "mine", "Only my agency's actions", on: [.list], featured: [.list]),
        Command([.character("O")], .flag(.overdue), "overdue", "Only “\(Flag.overdue.label)”", on: [.list]),
        Command([.character("U")], .flag(.unowned), "unowned", "Only “\(Flag.unowned.label)”", on: [.list]),
        Command([.character("D")], .flag(.undated), "undated", "Only “\(Flag.undated.label)”", on: [.list]),
        Command([.character("S")], .flag(.stale), "stale", "Only “\(Flag.stale.label)”", on: [.list]),
        Command([.character("P")], .cyclePillar, "pillar", "Filter by pillar, one after another", on: [.list]),
        Command([.character("A")], .pickLead, "lead", "Filter by lead agency: type part of its name, pick it from the list", on: [.list]),
        Command([.character("W")], .cycleGroup, "group", "Filter by delivery group, one after another", on: [.list]),
        Command([.character("T")], .cycleStatus, "status", "Filter by status, one after another", on: [.list]),
        Command([.character("c")], .clearFilters, "clear", "Clear every filter", on: [.list], featured: [.list]),
        Command([.character("s")], .cycleSort, "sort", "Sort by due date, by RAG (worst first), by last update (oldest first), then plan order again",
                on: [.list], featured: [.list]),
        Command([.right, .character("l")], .next, "next",
                "Next item; on a detail, the list's next action; on indicators, the next pillar's; on the overview, the count to the right",
                on: [.overview, .detail, .review, .indicators], featured: [.detail, .review, .indicators]),
        Command([.left, .character("h")], .previous, "previous",
                "Previous item; on a detail, the list's previous action; on indicators, the previous pillar's; on the overview, the count to the left",
                on: [.overview, .detail, .review, .indicators]),
        Command([.character("L")], .assignLead, "assign lead", "Assign a lead agency (chair, coordinator)", on: [.review, .detail], featured: [.review]),
        Command([.character("t")], .reviseDate, "revise date", "Set a revised date with its reason (chair, coordinator)", on: [.review, .detail], featured: [.review]),
        Command([.character("x")], .saveMinutes, "minutes", "Save the meeting's decisions as the minutes' action log (Markdown, in reports/)", on: [.review]),
        Command([.enter, .control("s")], .submit, "save", "Record the update", on: [.form], featured: [.form], hint: "records it"),
        Command([.up, .down], .movePick, "choose", "Move through the agencies that match what is typed", on: [.form], field: .pick, keyName: "↑/↓"),
        Command(TextField.editingKeys, typing: true, .editPick, "type to pick", "Type part of an agency's name or short form; the list narrows",
                on: [.form], field: .pick, keyName: "text"),
        Command([.tab, .down], .nextField, "next field", "Next field", on: [.form], featured: [.form], hint: "next field"),
        Command([.backTab, .up], .previousField, "previous field", "Previous field", on: [.form]),
        Command([.left, .right, .character(" ")], .changeChoice, "change", "Change the status (Space steps on too)", on: [.form],
                field: .choice, hint: "change", keyName: "←/→"),
        Command(TextField.editingKeys, typing: true, .editField, "type", "Type into the field; ←/→ Home End Bksp Del ^A ^E ^U edit it",
                on: [.form], field: .text, keyName: "text"),
        Command([.control("x")], .editInEditor, "editor", "Write the field in your editor ($VISUAL or $EDITOR), as git commit does",
                on: [.form], featured: [.form], field: .text),
        Command(TextField.editingKeys, typing: true, .editSearch, "type to search", "Type the search; the list narrows as you type",
                on: [.search], featured: [.search], keyName: "text"),
        Command([.enter], .keepSearch, "keep", "Keep the search and go back to the list", on: [.search], featured: [.search]),
        Command([.escape], .clearSearch, "clear", "Clear the search", on: [.search], featured: [.search]),
        Command(TextField.editingKeys, typing: true, .editPick, "type to pick", "Type part of an agency's name or short form; the list narrows",
                on: [.pick], featured: [.pick], keyName: "text"),
        Command([.up, .down], .movePick, "choose", "Move through the agencies that match", on: [.pick], featured: [.pick], keyName: "↑/↓"),
        Command([.enter], .choosePick, "pick", "Filter by the highlighted agency", on: [.pick], featured: [.pick]),
        Command([.escape], .closePick, "cancel", "Close the list; the filter stays as it was", on: [.pick], featured: [.pick]),
    ]

    /// Each mode's rows of the table, in table order.
    private static let tables: [Mode: [Command]] = Dictionary(uniqueKeysWithValues: Mode.allCases.map { mode in
        (mode, table.filter { $0.modes.contains(mode) })
    })

    /// The commands of `mode`, in the order help lists them.
    public static func table(for mode: Mode) -> [Command] { tables[mode] ?? [] }

    /// The command a key runs in a mode, on a form field of `kind` (nil off a form), if any.
    public static func command(for key: Key, in mode: Mode, field kind: Form.Field.Kind? = nil) -> Command? {
        table(for: mode).first { $0.runs(on: key, field: kind) }
    }

    /// The keys that matter in `mode`, for the bottom line: `? help  q quit  Tab actions`.
    public static func keyLine(for mode: Mode) -> String {
        keyLine(for: mode, width: nil).joined(separator: mode.keySeparator)
    }

    /// The key line broken between its keys into lines of at most `width` columns (nil: one line).
    static func keyLine(for mode: Mode, width: Int?) -> [String] {
        var lines: [String] = []
        for entry in table(for: mode).filter({ $0.featured.contains(mode) }).map(\.keyLineEntry) {
            if let last = lines.last, width.map({ TerminalText.width(last + mode.keySeparator + entry) <= $0 }) ?? true {
                lines[lines.count - 1] = last + mode.keySeparator + entry
            } else {
                lines.append(entry)
            }
        }
        return lines
    }
}
