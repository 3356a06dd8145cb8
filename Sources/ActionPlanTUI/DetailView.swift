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
    let lines = outputLines(found.entry, in: state.current)
    let background: Set<String> = ["Outcomes", "Measures"]
    for line in lines where !background.contains(line.label) { writer.labelled(line.label, line.value) }
    let history = state.journal.history(of: id, through: state.foldThrough)
    writer.labelled("History", history.isEmpty ? "no updates recorded" : "")
    for record in history.reversed() {
        writer.paragraph("line \(record.line) · \(record.at.readable) · \(record.by): \(record.summary)", style: .plain, x: 3)
    }
    for line in lines where background.contains(line.label) { writer.labelled(line.label, line.value) }
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

/// The labelled facts about an output, shared by the detail and the review screens.
func outputLines(_ entry: Plan.Entry, in plan: Plan) -> [(label: String, value: String)] {
    let output = entry.output
    let objective = plan.objective(of: entry)
    var lines: [(String, String)] = [
        ("Output", "\(output.id) · \(output.text)"),
        ("Pillar", entry.pillar),
        ("Objective", "\(entry.objectiveID) · \(objective?.text ?? "")"),
        ("Lead", output.leads.isEmpty ? "none: unowned" : output.leads.joined(separator: "; ")),
        ("Due", DueText.describe(output) + (output.due.deadline.map { " · deadline \($0)" } ?? "")),
    ]
    if let note = output.latestNote {
        let who = [note.by, note.at?.readable].compactMap { $0 }.joined(separator: ", ")
        lines.append(("Latest note", note.text + (who.isEmpty ? "" : " (\(who))")))
    }
    let outcomes = objective.map { $0.outcomes + output.outcomes } ?? output.outcomes
    if !outcomes.isEmpty { lines.append(("Outcomes", outcomes.map { "• " + $0 }.joined(separator: "\n"))) }
    if !output.measures.isEmpty { lines.append(("Measures", output.measures.map { "• " + $0 }.joined(separator: "\n"))) }
    return lines
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
