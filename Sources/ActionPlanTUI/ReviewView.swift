import ActionPlanFormat
import ActionPlanModel

/// The review meeting: one item at a time, large and spaced for a projector, with how many are left.
func drawReview(_ state: TUIState, into grid: inout Grid) {
    guard let review = state.review, let item = review.current, let found = state.output(item.outputID) else {
        grid.put("Nothing to review: no action is overdue, unowned, red or stale.", x: 2, y: 3, style: .heading)
        return
    }
    let counts = Review.agenda.map { reason in "\(review.items.filter { $0.reason == reason }.count) \(reason.rawValue)" }
    grid.put("Review · item \(review.index + 1) of \(review.items.count) · \(review.items.count - review.index - 1) left after this", x: 2, y: 2, style: .heading)
    grid.put("On the agenda: " + counts.joined(separator: ", "), x: 2, y: 3, style: .dim)
    grid.put("  " + item.reason.rawValue.uppercased() + "  ", x: 2, y: 5, style: Style(colour: found.assessment.rating.rag.colour, bold: true, reverse: true))
    grid.put(describe(found.assessment, output: found.entry.output), x: 4 + item.reason.rawValue.count + 4, y: 5, style: .bold)
    var block = TextBlock(grid: grid, y: 7, bottom: grid.height - 3)
    for (fact, value) in outputFacts(found.entry, found.assessment, in: state.current) where Fact.review.contains(fact) {
        block.labelled(fact.label, value)
        block.y += 1
    }
    grid = block.grid
}
