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
        let sorted = state.sort.label.map { " · \($0)" } ?? ""
        grid.put("\(filter) · \(state.rows.count) of \(total)\(sorted)", x: 9, y: 1,
                 style: state.filter.isEmpty && state.sort == .plan ? .plain : Style(colour: .accent, bold: true))
    }
    let onScreen = state.lines.dropFirst(state.top).prefix(state.listHeight)
    let list = listTable(width: grid.width, sort: state.sort)
    // The columns fit what is on screen: a page of unowned outputs gives Lead no room.
    var cells: [Int: [String]] = [:]
    for case .output(let index) in onScreen {
        let row = state.rows[index]
        cells[index] = list.cells(row, leads: state.current.leads(of: row.output, first: state.filteredAgencies))
    }
    let layout = list.table.layout(Array(cells.values), width: grid.width)
    let ragX = list.index(of: .rag).flatMap(layout.x(of:))
    grid.put(layout.header, x: 0, y: 2, style: .bold)
    guard !state.rows.isEmpty else {
        grid.put(state.filter.isEmpty ? "This plan has no outputs." : "Nothing matches this filter; c clears it.", x: 1, y: 4, style: .dim)
        return
    }
    for (offset, line) in onScreen.enumerated() {
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
            grid.put(layout.line(cells[index] ?? []), x: 0, y: y, style: isSelected ? .selected : .plain)
            if let ragX {
                grid.paint(x: ragX, y: y, count: 2, style: Style(colour: row.assessment.rating.rag.colour, bold: true, reverse: isSelected))
            }
        }
    }
}

/// The list's columns: each as wide as what it shows on screen, the output's text taking the
/// rest, and the last update shown on a wide screen or when the list is sorted by it.
func listTable(width: Int, sort: ListSort) -> ListTable {
    ListTable([
        .init(.id, .natural),
        .init(.rag, .natural),
        .init(.output, .filling(minimum: 16, weight: 4)),
        .init(.lead, .flexible(minimum: 8)),
        .init(.due, .flexible(minimum: 8)),
    ] + (width >= 100 || sort == .updated ? [.init(.updated, .natural)] : []) + [
        // Room for `overdue stale`, the flags a meeting looks for, before the output's text.
        .init(.flags, .flexible(minimum: 13)),
    ], gap: 1)
}
