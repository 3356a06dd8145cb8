import ActionPlanFormat
import ActionPlanModel

/// Everything about one output: its objective, text, outcomes, measures, lead, dates, status and
/// RAG, the latest note, and its history.
func drawDetail(_ state: TUIState, into grid: inout Grid) {
    guard let id = state.detailID, let found = state.output(id) else {
        grid.put("That output is no longer in the plan.", x: 1, y: 2)
        return
    }
    var writer = TextBlock(grid: grid, y: 2, bottom: grid.height - 3)
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
        writer.paragraph("\(year)line \(record.line) · \(RecordText.when(record)) · \(record.by)\(alias): \(record.summary)", style: .plain, x: 3)
    }
    for (fact, value) in facts where fact.isBackground { writer.labelled(fact.label, value) }
    grid = writer.grid
}

/// `R! red: overdue (deadline 2015-04-30) · status on-track`.
func describe(_ assessment: Assessment, output: Output) -> String {
    let rating = assessment.rating
    var text = "\(rating.symbol) \(rating.rag.rawValue): \(rating.redBecauseOverdue ? "overdue, whatever the status says" : rating.rag.meaning)"
    text += " · status \(output.status?.rawValue ?? "not rated")"
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

/// Writes wrapped paragraphs down the screen until the space runs out.
struct TextBlock {
    var grid: Grid
    var y: Int
    let bottom: Int
    let labelWidth = 13

    mutating func paragraph(_ text: String, style: Style, x: Int = 1) {
        for line in wrap(TerminalText.safe(text, keepingLines: true), width: grid.width - x - 1) where y < bottom {
            grid.put(line, x: x, y: y, style: style)
            y += 1
        }
    }

    mutating func labelled(_ label: String, _ value: String, style: Style = .plain) {
        guard y < bottom else { return }
        grid.put(label, x: 1, y: y, style: .bold)
        if value.isEmpty {
            y += 1
            return
        }
        paragraph(value, style: style, x: labelWidth + 2)
    }
}
