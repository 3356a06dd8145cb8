import ActionPlanModel

/// Everything the interface shows, as values. Only `update` changes it.
public struct TUIState: Sendable {
    /// The plan as written, and its journal as last read.
    public private(set) var plan: Plan
    public private(set) var journal: Journal
    /// The plan years this plan follows (`follows:`), oldest first: the rest of its outputs' history.
    public let earlierYears: [PlanYear]
    /// The day flags and RAG are judged on.
    public let asOf: Day
    /// Records up to the end of this day are folded in.
    public let foldThrough: Day
    /// With the as-of day in the past, that day: what is recorded here speaks for it (the
    /// record's `effective` day), so the screens judged as of then show what was just decided.
    public let recordsSpeakFor: Day?
    public let account: String
    /// The agencies the user updates for ("mine").
    public let agencies: [String]

    /// The terminal's size; only a resize event changes it.
    public private(set) var width: Int
    public private(set) var height: Int
    /// Where the user is, with what it is about.
    public internal(set) var screen: Screen = .overview
    /// The screens Esc returns to, the latest last.
    var backStack: [Screen] = []
    /// Help or the search being typed, over the screen.
    public internal(set) var overlay: Overlay?
    public internal(set) var filter = ListFilter()
    /// The order of the actions list.
    public internal(set) var sort = ListSort.plan
    /// The selected output, by its index in `rows`.
    public internal(set) var selection = 0
    /// The first list line on screen.
    public internal(set) var top = 0
    /// The count selected on the overview.
    public internal(set) var overviewCursor: OverviewCursor
    /// For a projector: no dim text and no grey (`C`, or `--contrast high`).
    public var highContrast = false
    /// A line for the user: what was recorded, or why not.
    public internal(set) var message: String?
    /// What the account may change, to say so before typing; writes obey the rules on disk.
    public internal(set) var rights: Rights
    /// The review meeting of this session: where it was left and what it decided.
    public internal(set) var meeting = ReviewMeeting()

    // Derived from the above when the journal or the filter changes, not on every key.
    public private(set) var current: Plan
    public private(set) var rows: [Row] = []
    public private(set) var lines: [ListLine] = []
    public private(set) var summary: Summary

    /// `folded` is `plan` folded with `journal` through `foldThrough`, when the caller has it
    /// already (a start from the load cache does); otherwise it is folded here.
    /// `message`, when given, is shown on the status line from the start.
    public init(plan: Plan, journal: Journal, folded: Plan? = nil, earlierYears: [PlanYear] = [], asOf: Day, foldThrough: Day,
                recordsSpeakFor: Day? = nil, account: String, agencies: [String], rights: Rights = .rules(.open), width: Int, height: Int,
                message: String? = nil) {
        self.plan = plan
        self.earlierYears = earlierYears
        self.message = message
        self.journal = journal
        self.asOf = asOf
        self.foldThrough = foldThrough
        self.recordsSpeakFor = recordsSpeakFor
        self.account = account
        self.agencies = agencies
        self.rights = rights
        self.width = width
        self.height = height
        current = folded ?? plan.folded(with: journal, through: foldThrough)
        summary = current.summary(asOf: asOf)
        overviewCursor = OverviewCursor(pillars: summary.pillars.count)
        refilter()
    }

    /// Starts an officer on their own actions: the list of what their agencies lead, with the
    /// overview one Esc away.
    public mutating func openOwnActions() {
        filter.mine = true
        refilter()
        go(to: .list)
    }

    /// One line of the actions list: a pillar heading, an objective heading, or an output.
    public enum ListLine: Hashable, Sendable {
        case pillar(String)
        case objective(id: String, text: String)
        /// The index of a row in `rows`.
        case output(Int)

        var isOutput: Bool {
            if case .output = self { return true }
            return false
        }
    }

    /// Where keys go now: the search line while it is open, otherwise the screen.
    public var mode: Mode {
        switch overlay {
        case .search: .search
        case .pick: .pick
        case .help: .help
        case .report: .report
        case nil: screen.mode
        }
    }

    public var showHelp: Bool { if case .help = overlay { true } else { false } }

    /// The quarter chosen for a report, while `x` asks for it.
    public var reportChoice: ReportChoice? { if case .report(let choice) = overlay { choice } else { nil } }

    /// The search being typed, while `/` is open.
    public var searching: TextField? { if case .search(let field) = overlay { field } else { nil } }

    /// The lead agency being picked for the list's filter, while `A` is open.
    public var picking: Picker? { if case .pick(let picker) = overlay { picker } else { nil } }

    /// The output the detail screen shows.
    public var detailID: String? { if case .detail(let id, _) = screen { id } else { nil } }

    /// The form on screen.
    public var form: Form? { if case .form(let form) = screen { form } else { nil } }

    /// The review on screen.
    public var review: Review? { if case .review(let review) = screen { review } else { nil } }

    /// The agencies the list is narrowed to, which a joint lead shows first.
    var filteredAgencies: [String] {
        (filter.query.lead.map { [$0] } ?? []) + (filter.mine ? agencies : [])
    }

    /// The selected row, if the list has any.
    public var selected: Row? { rows.indices.contains(selection) ? rows[selection] : nil }

    /// The output the detail, form or review is about, as it now stands.
    func output(_ id: String) -> (entry: Plan.Entry, assessment: Assessment)? {
        current.entry(id).map { ($0, current.assess($0.output, asOf: asOf)) }
    }

    /// How many list lines fit between the headings and the status lines.
    var listHeight: Int { max(1, height - 5) }

    mutating func resize(width: Int, height: Int) {
        self.width = width
        self.height = height
        scrollToSelection()
    }

    mutating func replace(journal: Journal) {
        let known = self.journal.records
        self.journal = journal
        // The journal only grows: when it still starts with what was folded, folding just the new
        // records onto the current plan gives the same plan as folding them all again.
        if journal.records.count >= known.count, journal.records.prefix(known.count).last == known.last {
            current = current.folded(with: Journal(Array(journal.records.dropFirst(known.count))), through: foldThrough)
        } else {
            current = plan.folded(with: journal, through: foldThrough)
        }
        summary = current.summary(asOf: asOf)
        refilter()
    }

    /// Recomputes the rows after a filter change, keeping the same output selected if it still shows.
    mutating func refilter() {
        let keep = selected?.output.id
        rows = sort.sorted(current.rows(matching: filter.query, asOf: asOf).filter { filter.admits($0, plan: current, agencies: agencies) })
        var lines: [ListLine] = []
        var pillar: Int?
        var objective: String?
        for (index, row) in rows.enumerated() {
            // Sorted another way, outputs of one objective are not together: no headings.
            guard sort == .plan else {
                lines.append(.output(index))
                continue
            }
            if row.entry.pillarIndex != pillar {
                pillar = row.entry.pillarIndex
                objective = nil
                lines.append(.pillar(row.entry.pillar))
            }
            if row.entry.objectiveID != objective {
                objective = row.entry.objectiveID
                let text = current.objective(of: row.entry)?.text ?? ""
                lines.append(.objective(id: row.entry.objectiveID, text: text))
            }
            lines.append(.output(index))
        }
        self.lines = lines
        selection = keep.flatMap { id in rows.firstIndex { $0.output.id == id } } ?? min(selection, max(0, rows.count - 1))
        scrollToSelection()
    }

    /// Moves `top` so the selected output, and its headings when there is room, are on screen.
    mutating func scrollToSelection() {
        guard let line = lines.firstIndex(of: .output(selection)) else {
            top = 0
            return
        }
        if line < top {
            // Bring the headings just above it into view too.
            var first = line
            while first > 0, !lines[first - 1].isOutput { first -= 1 }
            top = first
        }
        if line >= top + listHeight { top = line - listHeight + 1 }
        top = max(0, min(top, max(0, lines.count - listHeight)))
    }
}
