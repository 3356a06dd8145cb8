import ActionPlanFormat
import ActionPlanModel

/// The overview: per pillar, live actions by RAG as a lettered bar with counts, then the flags of
/// the row the cursor is on; the selected count is drawn reversed.
func drawOverview(_ state: TUIState, into grid: inout Grid) {
    let summary = state.summary
    let cursor = state.overviewCursor
    let rows = summary.pillars + [summary.total]
    let nameWidth = min(22, max(12, summary.pillars.map { TerminalText.width(TerminalText.safe($0.name)) }.max() ?? 12))
    let countsWidth = 5 * 5
    let barWidth = max(10, grid.width - nameWidth - countsWidth - 14)
    var y = 2
    grid.put("RAG by pillar (live actions)", x: 1, y: y, style: .heading)
    y += 1
    var header = ""
    for colour in RAG.live { header += TerminalText.fit(colour.letter, to: 5) }
    grid.put(header, x: 2 + nameWidth, y: y, style: .bold)
    grid.put("Live  Done", x: 2 + nameWidth + countsWidth + barWidth + 2, y: y, style: .bold)
    y += 1
    for (row, tally) in rows.enumerated() {
        guard y < grid.height - 8 else { break }
        let isTotal = row == summary.pillars.count
        grid.put(tally.name, x: 1, y: y, limit: nameWidth, style: isTotal || row == cursor.row ? .bold : .plain)
        var x = 2 + nameWidth
        for colour in RAG.live {
            let selected = row == cursor.row && cursor.count == .rag(colour)
            grid.put(String(tally.count(colour)), x: x, y: y, style: Style(colour: colour.colour, bold: selected, reverse: selected))
            x += 5
        }
        drawBar(tally, x: x, y: y, width: barWidth, into: &grid)
        x += barWidth + 2
        grid.put(String(tally.live), x: x, y: y)
        grid.put(tally.percentCompleteText, x: x + 6, y: y)
        y += 1
    }
    y += 1
    let tally = rows.indices.contains(cursor.row) ? rows[cursor.row] : summary.total
    grid.put("Needs attention · \(tally.name)", x: 1, y: y, style: .heading)
    y += 1
    for flag in OverviewCursor.flags where y < grid.height - 3 {
        let count = tally.count(flag)
        let selected = cursor.count == .flag(flag)
        let style = count > 0 && flag != .dueSoon ? Style(colour: .red, bold: true, reverse: selected) : Style(bold: selected, reverse: selected)
        grid.put(TerminalText.fit(String(count), to: 5), x: 2, y: y, style: style)
        grid.put(flag.label, x: 8, y: y)
        y += 1
    }
    for (offset, line) in RAGKey.lines(width: grid.width - 2).enumerated() where y + 1 + offset < grid.height - 2 {
        grid.put(line, x: 1, y: y + 1 + offset, style: .dim)
    }
}

/// A bar of letters, one cell a share of the live actions, each run in its colour: the letter
/// keeps it readable without colour.
private func drawBar(_ tally: Tally, x: Int, y: Int, width: Int, into grid: inout Grid) {
    guard tally.live > 0 else {
        grid.put("no live actions", x: x, y: y, style: .dim)
        return
    }
    var used = 0
    for (index, colour) in RAG.live.enumerated() {
        let count = tally.count(colour)
        guard count > 0 else { continue }
        let remaining = RAG.live[(index + 1)...].reduce(0) { $0 + tally.count($1) }
        var cells = Int((Double(count) / Double(tally.live) * Double(width)).rounded())
        cells = max(1, min(cells, width - used - (remaining > 0 ? 1 : 0)))
        if remaining == 0 { cells = width - used }
        grid.put(String(repeating: colour.letter, count: cells), x: x + used, y: y, style: Style(colour: colour.colour, reverse: true))
        used += cells
    }
}
