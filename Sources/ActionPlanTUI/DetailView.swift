import ActionPlanFormat
import ActionPlanModel

/// Everything about one output: its objective, text, outcomes, measures, lead, dates, status and
/// RAG, the latest note, and its history; scrolled to line `top`, with a sign when more is above
/// or below.
func drawDetail(_ state: TUIState, into grid: inout Grid) {
    guard case .detail(let id, let top) = state.screen, state.output(id) != nil else {
        grid.put("That output is no longer in the plan.", x: 1, y: 2)
        return
    }
    let block = detailText(id, state, top: top, into: grid)
    grid = block.grid
    drawMore(above: top, below: block.below, y: grid.height - 3, into: &grid)
}

/// The detail of output `id` written into `grid` from line `top` of its text.
private func detailText(_ id: String, _ state: TUIState, top: Int, into grid: Grid) -> TextBlock {
    var writer = TextBlock(grid: grid, y: 2, bottom: grid.height - 3, skipping: top)
    guard let found = state.output(id) else { return writer }
    writer.paragraph(describe(found.assessment, output: found.entry.output), style: Style(colour: found.assessment.rating.rag.colour, bold: true))
    // Who leads it, by when, and what has happened come before the longer outcomes and measures,
    // so they stay on screen when an output's text is long.
    let facts = outputFacts(found.entry, found.assessment, in: state.current)
    for (fact, value) in facts where !fact.isBackground { writer.labelled(fact.label, value) }
    // This year's records and those of the plan years it follows, newest first.
    let years = state.earlierYears + [PlanYear(file: "", plan: state.plan, journal: state.journal)]
    let history = PlanLineage(years: years).history(of: id, through: state.foldThrough)
    writer.labelled("History", history.isEmpty ? "no updates recorded" : "")
    for found in history.reversed() {
        let record = found.record
        let year = state.earlierYears.indices.contains(found.year) ? state.earlierYears[found.year].file + " " : ""
        let alias = record.change.outputID == id ? "" : " (as \(record.change.outputID))"
        writer.paragraph("\(year)line \(record.line) · \(record.at.readable) · \(record.by)\(alias): \(record.change.summary(wording: Form.wording))", style: .plain, x: 3)
    }
    for (fact, value) in facts where fact.isBackground { writer.labelled(fact.label, value) }
    return writer
}

extension TUIState {
    /// `top` kept within the detail of output `id`, so its last page stays full.
    func clampedDetailTop(_ id: String, _ top: Int) -> Int {
        let whole = detailText(id, self, top: 0, into: Grid(width: width, height: height))
        return max(0, min(top, whole.below))
    }

    /// Shows the detail of the list's next (or, with -1, previous) action, selecting it there too.
    mutating func stepDetail(by step: Int) {
        guard case .detail(let id, _) = screen, let index = rows.firstIndex(where: { $0.output.id == id }),
              rows.indices.contains(index + step) else { return }
        selection = index + step
        scrollToSelection()
        screen = .detail(id: rows[selection].output.id, top: 0)
    }
}

/// `R! red: overdue (deadline 2015-04-30) · status on-track`.
func describe(_ assessment: Assessment, output: Output) -> String {
    let rating = assessment.rating
    var text = "\(rating.symbol) \(rating.rag.rawValue): \(rating.redBecauseOverdue ? "overdue, whatever the status says" : rating.rag.meaning)"
    text += " · status \(Status.words(output.status))"
    if !assessment.flags.isEmpty { text += " · " + assessment.flags.map(\.rawValue).joined(separator: ", ") }
    return text
}

/// A labelled fact about an output, shared by the detail and the review screens.
enum Fact: Hashable {
    case output, pillar, objective, lead, due, latestNote, outcomes, measures

    var label: String {
        switch self {
        case .output: "Output"
        case .pillar: "Pillar"
        case .objective: "Objective"
        case .lead: "Lead"
        case .due: "Due"
        case .latestNote: "Latest note"
        case .outcomes: "Outcomes"
        case .measures: "Measures"
        }
    }

    /// The longer background, which the detail shows after the history so who leads it, by
    /// when, and what has happened stay on screen.
    var isBackground: Bool { self == .outcomes || self == .measures }

    /// What the review screen shows of an item: enough to decide on it.
    static let review: Set<Fact> = [.output, .lead, .due, .latestNote]
}

/// The facts about an output, in the order the screens show them.
func outputFacts(_ entry: Plan.Entry, _ assessment: Assessment, in plan: Plan) -> [(fact: Fact, value: String)] {
    let output = entry.output
    let objective = plan.objective(of: entry)
    var facts: [(Fact, String)] = [
        (.output, "\(output.id) · \(output.text)"),
        (.pillar, entry.pillar),
        (.objective, "\(entry.objectiveID) · \(objective?.text ?? "")"),
        (.lead, LeadText.text(output.leads, none: "none: unowned")),
        (.due, DueText.describe(output) + (DueText.deadline(assessment).map { " · deadline \($0)" } ?? "")),
    ]
    if let note = output.latestNote {
        let who = [note.by, note.at?.readable].compactMap { $0 }.joined(separator: ", ")
        facts.append((.latestNote, note.text + (who.isEmpty ? "" : " (\(who))")))
    }
    let outcomes = objective.map { $0.outcomes + output.outcomes } ?? output.outcomes
    if !outcomes.isEmpty { facts.append((.outcomes, outcomes.map { "• " + $0 }.joined(separator: "\n"))) }
    if !output.measures.isEmpty { facts.append((.measures, output.measures.map { "• " + $0 }.joined(separator: "\n"))) }
    return facts
}

/// Writes wrapped paragraphs down the screen until the space runs out, after skipping the first
/// lines of a scrolled text; counts the lines that did not fit.
struct TextBlock {
    var grid: Grid
    var y: Int
    let bottom: Int
    let labelWidth = 13
    /// Lines still to skip before writing: those scrolled above the top.
    private var skipping: Int
    /// Lines that did not fit above `bottom`.
    private(set) var below = 0

    init(grid: Grid, y: Int, bottom: Int, skipping: Int = 0) {
        self.grid = grid
        self.y = y
        self.bottom = bottom
        self.skipping = skipping
    }

    mutating func paragraph(_ text: String, style: Style, x: Int = 1) {
        for line in wrap(TerminalText.safe(text, keepingLines: true), width: grid.width - x - 1) {
            write { $0.put(line, x: x, y: $1, style: style) }
        }
    }

    mutating func labelled(_ label: String, _ value: String, style: Style = .plain) {
        if value.isEmpty {
            write { $0.put(label, x: 1, y: $1, style: .bold) }
            return
        }
        // The label goes on the value's first line, wherever the scroll leaves that.
        var first = true
        let x = labelWidth + 2
        for line in wrap(TerminalText.safe(value, keepingLines: true), width: grid.width - x - 1) {
            let labelled = first
            write { grid, y in
                if labelled { grid.put(label, x: 1, y: y, style: .bold) }
                grid.put(line, x: x, y: y, style: style)
            }
            first = false
        }
    }

    /// Writes one line on the next row, unless it is scrolled above the top or falls below the bottom.
    private mutating func write(_ draw: (inout Grid, Int) -> Void) {
        if skipping > 0 {
            skipping -= 1
        } else if y < bottom {
            draw(&grid, y)
            y += 1
        } else {
            below += 1
        }
    }
}
