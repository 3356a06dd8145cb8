import ActionPlanFormat
import ActionPlanModel

/// The smallest terminal the interface draws in.
public let minimumSize = (width: 60, height: 16)

/// Draws the whole screen for `state` into a grid of its size.
public func render(_ state: TUIState) -> Grid {
    var grid = Grid(width: state.width, height: state.height)
    guard state.width >= minimumSize.width, state.height >= minimumSize.height else {
        let lines = wrap("actionplan needs a terminal at least \(minimumSize.width)x\(minimumSize.height); this one is \(state.width)x\(state.height). Enlarge the window, or press q to quit.", width: max(1, state.width))
        for (row, line) in lines.enumerated() { grid.put(line, x: 0, y: row) }
        return grid
    }
    drawTitle(state, into: &grid)
    switch state.screen {
    case .overview: drawOverview(state, into: &grid)
    case .list: drawList(state, into: &grid)
    case .detail: drawDetail(state, into: &grid)
    case .form: drawForm(state, into: &grid)
    case .review: drawReview(state, into: &grid)
    case .indicators(let page): drawIndicators(state.indicatorLines(page.scope), heading: state.heading(of: page.scope), selection: page.selection, into: &grid)
    case .indicator(let id, let top): drawIndicator(id, top: top, state, into: &grid)
    }
    if let picker = state.picking { drawLeadFilterPicker(picker, into: &grid) }
    drawStatus(state, into: &grid)
    if state.showHelp { drawHelp(state, into: &grid) }
    return grid
}

/// Row 0: the plan, the day and quarter it is judged on, and who is using it.
private func drawTitle(_ state: TUIState, into grid: inout Grid) {
    grid.fill(y: 0, style: .selected)
    let right = " as of \(state.asOf) · \(state.current.calendar.quarter(containing: state.asOf)) · \(state.account), \(state.rights.role(of: state.account)) "
    let rightWidth = TerminalText.width(TerminalText.safe(right))
    grid.put(" " + state.current.title, x: 0, y: 0, limit: max(0, grid.width - rightWidth - 1), style: Style(bold: true, reverse: true))
    grid.put(right, x: grid.width - rightWidth, y: 0, style: .selected)
}

/// The last two rows: a message, and the keys that matter in this mode, from its command table.
private func drawStatus(_ state: TUIState, into grid: inout Grid) {
    let bottom = grid.height - 1
    if let message = state.form?.message ?? state.message {
        grid.put(message, x: 1, y: bottom - 1, style: .bold)
    }
    grid.fill(y: bottom, style: .dim)
    grid.put(Command.keyLine(for: state.mode), x: 1, y: bottom, style: .dim)
}

/// `?`: every key, from the command table, in a box over whatever is on screen; in as many
/// columns as it takes when one does not fit.
private func drawHelp(_ state: TUIState, into grid: inout Grid) {
    let commands = Command.table
    let rows = max(1, grid.height - 3)
    let columns = (commands.count + rows - 1) / rows
    let perColumn = (commands.count + columns - 1) / columns
    let width = grid.width - 2
    let columnWidth = width / columns
    let keyWidth = commands.map { TerminalText.width($0.keyLabel) }.max() ?? 4
    for row in 1...min(grid.height - 2, perColumn + 2) {
        grid.put(String(repeating: " ", count: width), x: 1, y: row, style: .selected)
    }
    grid.put("Keys · any key closes this", x: 2, y: 1, style: Style(bold: true, reverse: true))
    for (index, command) in commands.enumerated() {
        let x = 2 + (index / perColumn) * columnWidth
        let y = 2 + index % perColumn
        guard y < grid.height - 1 else { continue }
        grid.put(command.keyLabel, x: x, y: y, style: Style(bold: true, reverse: true))
        let screens = columns == 1 && command.modes.count < 4
            ? " (" + Mode.allCases.filter(command.modes.contains).map(\.rawValue).joined(separator: ", ") + ")" : ""
        grid.put(command.help + screens, x: x + keyWidth + 1, y: y, limit: columnWidth - keyWidth - 2, style: .selected)
    }
}
