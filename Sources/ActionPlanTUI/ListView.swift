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
    let list = listTable(width: grid.width)
    let layout = list.table.layout([], width: grid.width)
    let ragX = list.index(of: .rag).flatMap(layout.x(of:))
    grid.put(layout.header, x: 0, y: 2, style: .bold)
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
            let isSelected = index == state.selection
            if isSelected { grid.fill(y: y, style: .selected) }
            grid.put(layout.line(list.cells(row)), x: 0, y: y, style: isSelected ? .selected : .plain)
            if let ragX {
                grid.paint(x: ragX, y: y, count: 2, style: Style(colour: row.assessment.rating.rag.colour, bold: true, reverse: isSelected))
            }
        }
    }
}

/// The list's columns at a given width: fixed widths, a little wider on a wide terminal, and the
/// output's text filling the rest so the columns stay in place as the list scrolls.
func listTable(width: Int) -> ListTable {
    let wide = width >= 100
    return ListTable([
        .init(.id, .fixed(6)),
        .init(.rag, .fixed(3)),
        .init(.output, .filling(minimum: 10)),
        .init(.lead, .fixed(wide ? 18 : 14)),
        .init(.due, .fixed(wide ? 16 : 13)),
        .init(.flags, .fixed(wide ? 20 : 15)),
    ], gap: 1)
}
