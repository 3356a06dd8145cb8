import ActionPlanFormat

/// A text field with its cursor shown as a reversed cell, scrolled so the cursor stays in view.
///
/// Only the characters that can show are measured and escaped, so drawing a 2,000-character note
/// costs what drawing the field's width does.
func drawField(_ field: TextField, x: Int, y: Int, width: Int, focused: Bool, into grid: inout Grid) {
    let characters = field.characters
    // Back from the cursor, as many characters as fit with a column left for the cursor itself.
    var start = field.cursor
    var used = 0
    while start > 0 {
        let columns = TerminalText.width(TerminalText.safe(String(characters[start - 1])))
        if used + columns > width - 1 { break }
        used += columns
        start -= 1
    }
    let before = TerminalText.safe(String(characters[start..<field.cursor]))
    // Each character takes at least one column, so no more than `width` of them can show after it.
    let after = TerminalText.safe(String(characters[field.cursor..<min(characters.count, field.cursor + max(0, width))]))
    let shown = grid.put(before, x: x, y: y, style: Style(underline: true))
    let rest = grid.put(after, x: x + shown, y: y, limit: max(0, width - shown), style: Style(underline: true))
    grid.put(String(repeating: " ", count: max(0, width - shown - rest)), x: x + shown + rest, y: y, style: Style(underline: true))
    if focused {
        let cursorX = x + shown
        if cursorX < grid.width { grid.paint(x: cursorX, y: y, count: 1, style: Style(reverse: true)) }
    }
}
