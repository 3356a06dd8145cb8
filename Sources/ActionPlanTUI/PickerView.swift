import ActionPlanFormat

/// A picker's matches under what was typed, the highlighted one reversed, in at most `rows`
/// lines, the last saying how many more there are; the lines it used.
@discardableResult
func drawMatches(_ picker: Picker, x: Int, y: Int, width: Int, rows: Int, into grid: inout Grid) -> Int {
    guard rows > 0 else { return 0 }
    guard !picker.matches.isEmpty else {
        grid.put("nothing matches “\(picker.query.text)”", x: x, y: y, limit: width, style: .dim)
        return 1
    }
    let selection = picker.selection ?? 0
    // Enough above the highlight to show where it is, keeping it on screen.
    let shown = picker.matches.count > rows ? rows - 1 : rows
    let first = max(0, min(selection - shown + 1, picker.matches.count - shown))
    for (offset, choice) in picker.matches.dropFirst(first).prefix(shown).enumerated() {
        let highlighted = picker.selection == first + offset
        grid.put(String(repeating: " ", count: max(0, width)), x: x, y: y + offset, style: highlighted ? .selected : .plain)
        grid.put((highlighted ? "▸ " : "  ") + choice.label, x: x, y: y + offset, limit: width, style: highlighted ? .selected : .plain)
    }
    let more = picker.matches.count - first - shown
    if picker.matches.count > rows {
        grid.put("  \(first) above, \(more) below: ↑/↓ or type more", x: x, y: y + shown, limit: width, style: .dim)
    }
    return min(rows, picker.matches.count)
}

/// `A` on the list: the lead agency being picked, drawn over the list below the filter line.
func drawLeadFilterPicker(_ picker: Picker, into grid: inout Grid) {
    let width = grid.width - 2
    let rows = max(1, grid.height - 6)
    for y in 1..<(grid.height - 2) { grid.put(String(repeating: " ", count: grid.width), x: 0, y: y) }
    grid.put("Lead agency: ", x: 1, y: 1, style: .bold)
    drawField(picker.query, x: 14, y: 1, width: grid.width - 15, focused: true, into: &grid)
    drawMatches(picker, x: 1, y: 3, width: width, rows: rows, into: &grid)
}
