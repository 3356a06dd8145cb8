import ActionPlanFormat
import ActionPlanModel

/// The review meeting: one item at a time, large and spaced for a projector, with how many are
/// left, what the agenda was drawn up under, and at the end the decisions it recorded.
func drawReview(_ state: TUIState, into grid: inout Grid) {
    guard let review = state.review else { return }
    let scope = state.scopeText(review.scope)
    if review.atSummary {
        drawDecisions(state, review: review, scope: scope, into: &grid)
        return
    }
    guard let item = review.current else { return }
    grid.put("Review of \(scope) · item \(review.index + 1) of \(review.items.count) · \(review.items.count - review.index - 1) left after this",
             x: 2, y: 2, limit: grid.width - 3, style: .heading)
    var y = 3
    for line in agendaLines(review, width: grid.width - 3) {
        grid.put(line, x: 2, y: y, style: .dim)
        y += 1
    }
    y += 1
    let badge = "  " + item.reason.label.uppercased() + "  "
    if let id = item.indicatorID, let sheet = state.indicatorSheet(id) {
        grid.put(badge, x: 2, y: y, style: Style(colour: item.reason == .redIndicator ? .red : .grey, bold: true, reverse: true))
        drawIndicator(sheet, top: max(0, sheet.series.count - seriesRoom(sheet, height: grid.height, from: y)), from: y,
                      titleX: 4 + TerminalText.width(badge), into: &grid)
        return
    }
    guard let id = item.outputID, let found = state.output(id) else { return }
    grid.put(badge, x: 2, y: y, style: Style(colour: found.assessment.rating.rag.colour, bold: true, reverse: true))
    grid.put(describe(found.assessment, output: found.entry.output), x: 4 + TerminalText.width(badge), y: y, style: .bold)
    var block = TextBlock(grid: grid, y: y + 2, bottom: grid.height - 3)
    // Spaced for a projector when there is room; on a small screen the history needs it.
    let spacing = grid.height >= 30 ? 1 : 0
    for (fact, value) in outputFacts(found.entry, found.assessment, in: state.current) where Fact.review.contains(fact) {
        block.labelled(fact.label, fact == .output ? firstLines(value, 2, width: grid.width - block.labelWidth - 3) : value)
        block.y += spacing
    }
    // The latest records, as many as there is room for; the detail (Enter) has them all.
    let history = state.historyLines(of: id)
    block.labelled("History", history.isEmpty ? "no updates recorded" : "")
    for line in history { block.paragraph(line, style: .plain, x: 3) }
    grid = block.grid
}

/// The start of `text` on at most `count` lines of `width`, the last ending in `…` when there is more.
private func firstLines(_ text: String, _ count: Int, width: Int) -> String {
    let lines = wrap(TerminalText.safe(text), width: width)
    guard lines.count > count else { return text }
    return (lines.prefix(count - 1) + [TerminalText.fit(lines[count - 1] + " " + lines[count], to: width)]).joined(separator: " ")
}

/// `On the agenda: 3 overdue, 5 unowned, 0 red, 1 stale`, broken between counts, then why the
/// overview counts more: each action comes up once here, under the first reason it meets.
private func agendaLines(_ review: Review, width: Int) -> [String] {
    var lines = ["On the agenda:"]
    let counts = review.counted.map { $0.count(review.count(of: $0)) }
    for (index, count) in counts.enumerated() {
        let part = " " + count + (index < counts.count - 1 ? "," : "")
        if let last = lines.last, TerminalText.width(last + part) <= width {
            lines[lines.count - 1] = last + part
        } else {
            lines.append(String(part.dropFirst()))
        }
    }
    let higher = review.countedHigherElsewhere.compactMap { found in found.reason.overviewLabel.map { "\(found.all) \($0)" } }
    guard !higher.isEmpty else { return lines }
    return lines + wrap("Each action once, under its first reason; every flag counted, as the overview does: " + higher.joined(separator: ", ") + ".",
                        width: width).prefix(3)
}

/// The end of the meeting: the decisions it recorded, newest last, and how to save them.
private func drawDecisions(_ state: TUIState, review: Review, scope: String, into grid: inout Grid) {
    let decisions = state.meeting.decisions
    if review.items.isEmpty {
        let what = review.hasIndicators ? "no action is overdue, unowned, red or stale, and no indicator is red or missing a figure"
            : "no action is overdue, unowned, red or stale"
        for (offset, line) in wrap("Nothing to review in \(scope): \(what).", width: grid.width - 4).prefix(2).enumerated() {
            grid.put(line, x: 2, y: 2 + offset, style: .heading)
        }
    } else {
        grid.put("Review of \(scope) · end of the agenda (\(review.items.count) items)", x: 2, y: 2, limit: grid.width - 3, style: .heading)
    }
    let count = decisions.count == 1 ? "1 decision" : "\(decisions.count) decisions"
    grid.put(decisions.isEmpty ? "No decisions recorded in this meeting yet." : "\(count) recorded in this meeting:", x: 2, y: 4, style: .bold)
    var block = TextBlock(grid: grid, y: 6, bottom: grid.height - 4)
    var shown = 0
    for decision in decisions where block.y < block.bottom {
        block.paragraph("\(decision.itemID) (\(decision.reason)) · line \(decision.line) · \(decision.by): \(decision.text)", style: .plain, x: 2)
        shown += 1
    }
    grid = block.grid
    if shown < decisions.count {
        grid.put("… and \(decisions.count - shown) more, all of them in the minutes", x: 2, y: block.bottom, style: .bold)
    }
    grid.put("x saves them as the minutes' action log (reports/) · ← the last item",
             x: 2, y: grid.height - 3, limit: grid.width - 3, style: .bold)
}
