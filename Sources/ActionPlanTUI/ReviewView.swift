import ActionPlanFormat
import ActionPlanModel

/// The review meeting: one item at a time, large and spaced for a projector, with how many are left.
func drawReview(_ state: TUIState, into grid: inout Grid) {
    guard let review = state.review, let item = review.current else {
        let what = state.review?.hasIndicators == true ? "no action is overdue, unowned, red or stale, and no indicator is red or missing a figure"
            : "no action is overdue, unowned, red or stale"
        for (offset, line) in wrap("Nothing to review: \(what).", width: grid.width - 4).enumerated() {
            grid.put(line, x: 2, y: 3 + offset, style: .heading)
        }
        return
    }
    let counts = review.counted.map { reason in reason.count(review.items.filter { $0.reason == reason }.count) }
    grid.put("Review · item \(review.index + 1) of \(review.items.count) · \(review.items.count - review.index - 1) left after this", x: 2, y: 2, style: .heading)
    // With indicators the agenda may take a second line, the one above the item, broken between counts.
    var lines = ["On the agenda:"]
    for (index, count) in counts.enumerated() {
        let part = " " + count + (index < counts.count - 1 ? "," : "")
        if let last = lines.last, TerminalText.width(last + part) <= grid.width - 3 {
            lines[lines.count - 1] = last + part
        } else {
            lines.append(String(part.dropFirst()))
        }
    }
    for (offset, line) in lines.prefix(2).enumerated() { grid.put(line, x: 2, y: 3 + offset, style: .dim) }
    let badge = "  " + item.reason.label.uppercased() + "  "
    if let id = item.indicatorID, let sheet = state.indicatorSheet(id) {
        grid.put(badge, x: 2, y: 5, style: Style(colour: item.reason == .redIndicator ? .red : .grey, bold: true, reverse: true))
        drawIndicator(sheet, top: max(0, sheet.series.count - seriesRoom(sheet, height: grid.height, from: 5)), from: 5,
                      titleX: 4 + TerminalText.width(badge), into: &grid)
        return
    }
    guard let id = item.outputID, let found = state.output(id) else { return }
    grid.put(badge, x: 2, y: 5, style: Style(colour: found.assessment.rating.rag.colour, bold: true, reverse: true))
    grid.put(describe(found.assessment, output: found.entry.output), x: 4 + TerminalText.width(badge), y: 5, style: .bold)
    var block = TextBlock(grid: grid, y: 7, bottom: grid.height - 3)
    for (fact, value) in outputFacts(found.entry, found.assessment, in: state.current) where Fact.review.contains(fact) {
        block.labelled(fact.label, value)
        block.y += 1
    }
    grid = block.grid
}
