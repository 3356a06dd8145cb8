import ActionPlanFormat
import ActionPlanModel

/// The actions list: the active filter, then outputs under their pillar and objective headings.
func drawList(_ state: TUIState, into grid: inout Grid) {
    let total = state.summary.total.live + state.summary.total.dropped
    if let searching = state.searching {
        grid.put("Search: ", x: 1, y: 1, style: .bold)
        drawField(searching, x: 9, y: 1, width: grid.width - 10, focused: true, into: &grid)
    } else {
        let filter = state.filter.describe(plan: state.current, agencies: state.agencies)
        grid.put("Filter: ", x: 1, y: 1, style: .bold)
        grid.put("\(filter) · \(state.rows.count) of \(total)", x: 9, y: 1, style: state.filter.isEmpty ? .plain : Style(colour: .accent, bold: true))
    }
    let columns = ListColumns(width: grid.width)
    grid.put(columns.line(id: "ID", rag: "RAG", text: "Output", lead: "Lead", due: "Due", flags: "Flags"), x: 0, y: 2, style: .bold)
    guard !state.rows.isEmpty else {
        grid.put(state.filter.isEmpty ? "This plan has no outputs." : "Nothing matches this filter; c clears it.", x: 1, y: 4, style: .dim)
        return
    }
    for (offset, line) in state.lines.dropFirst(state.top).prefix(state.listHeight).enumerated() {
        let y = 3 + offset
        switch line {
        case .pillar(let name):
            grid.put(name, x: 0, y: y, style: .heading)
        case .objective(let id, let text):
            grid.put("\(id)  \(text)", x: 2, y: y, style: .dim)
        case .output(let index):
            let row = state.rows[index]
            let output = row.output
            let isSelected = index == state.selection
            let text = columns.line(id: output.id, rag: row.assessment.rating.symbol, text: output.text,
                                    lead: output.leads.joined(separator: "; "), due: DueText.short(output),
                                    flags: row.assessment.flags.map(\.rawValue).joined(separator: " "))
            if isSelected { grid.fill(y: y, style: .selected) }
            grid.put(text, x: 0, y: y, style: isSelected ? .selected : .plain)
            grid.paint(x: columns.ragX, y: y, count: 2, style: Style(colour: row.assessment.rating.rag.colour, bold: true, reverse: isSelected))
        }
    }
}

/// Where each column of the list sits at a given width: the output text takes what is left.
struct ListColumns {
    let id = 6, rag = 3, lead: Int, due: Int, flags: Int, text: Int
    let ragX = 7

    init(width: Int) {
        lead = width >= 100 ? 18 : 14
        due = width >= 100 ? 16 : 13
        flags = width >= 100 ? 20 : 15
        text = max(10, width - 6 - 3 - lead - due - flags - 5)
    }

    func line(id: String, rag: String, text: String, lead: String, due: String, flags: String) -> String {
        func cell(_ value: String, _ width: Int) -> String { TerminalText.fit(TerminalText.safe(value), to: width) }
        return [cell(id, self.id), cell(rag, self.rag), cell(text, self.text), cell(lead, self.lead), cell(due, self.due),
                TerminalText.truncate(TerminalText.safe(flags), to: self.flags)].joined(separator: " ")
    }
}

/// A text field with its cursor shown as a reversed cell.
func drawField(_ field: TextField, x: Int, y: Int, width: Int, focused: Bool, into grid: inout Grid) {
    // Scroll long text so the cursor stays in view.
    let before = TerminalText.safe(String(field.characters.prefix(field.cursor)))
    let after = TerminalText.safe(String(field.characters.dropFirst(field.cursor)))
    var shownBefore = before
    while TerminalText.width(shownBefore) > width - 1, !shownBefore.isEmpty { shownBefore.removeFirst() }
    let used = grid.put(shownBefore, x: x, y: y, style: Style(underline: true))
    let rest = grid.put(after, x: x + used, y: y, limit: max(0, width - used), style: Style(underline: true))
    grid.put(String(repeating: " ", count: max(0, width - used - rest)), x: x + used + rest, y: y, style: Style(underline: true))
    if focused {
        let cursorX = x + used
        if cursorX < grid.width { grid.paint(x: cursorX, y: y, count: 1, style: Style(reverse: true)) }
    }
}
