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
    if case .help(let top) = state.overlay { drawHelp(state, top: top, into: &grid) }
    if state.highContrast { heightenContrast(&grid) }
    return grid
}

/// For a projector: dim text (SGR 2) is drawn bold instead and grey as the terminal's own
/// colour, since both wash out on a projected screen.
private func heightenContrast(_ grid: inout Grid) {
    grid.restyle { style in
        if style.dim { (style.dim, style.bold) = (false, true) }
        if style.colour == .grey { style.colour = nil }
    }
}

/// Row 0: the plan, the day and quarter it is judged on, and who is using it.
private func drawTitle(_ state: TUIState, into grid: inout Grid) {
    grid.fill(y: 0, style: .selected)
    let right = " as of \(state.asOf) · \(state.current.calendar.quarter(containing: state.asOf)) · \(state.account), \(state.rights.role(of: state.account)) "
    let rightWidth = TerminalText.width(TerminalText.safe(right))
    grid.put(" " + state.current.title, x: 0, y: 0, limit: max(0, grid.width - rightWidth - 1), style: Style(bold: true, reverse: true))
    grid.put(right, x: grid.width - rightWidth, y: 0, style: .selected)
}

/// The last rows: the keys that matter in this mode, from its command table, on two rows when
/// one is too narrow for them; above them a message, in full on as many rows as it takes.
private func drawStatus(_ state: TUIState, into grid: inout Grid) {
    let keys = Command.keyLine(for: state.mode, width: grid.width - 2).prefix(2)
    let bottom = grid.height - keys.count
    for (offset, line) in keys.enumerated() {
        grid.fill(y: bottom + offset, style: .dim)
        grid.put(line, x: 1, y: bottom + offset, style: .dim)
    }
    // Never over the title: a message longer than the screen keeps its start.
    let message = (state.form?.message ?? state.message).map { wrap(TerminalText.safe($0), width: grid.width - 2).prefix(bottom - 3) } ?? []
    for (offset, line) in message.enumerated() {
        let y = bottom - message.count + offset
        grid.fill(y: y)
        grid.put(line, x: 1, y: y, style: .bold)
    }
    if let choice = state.reportChoice { drawReportChoice(choice, y: bottom - max(1, message.count) - 1, into: &grid) }
}

/// `x`: the quarter to save the report for, on a bar above the message.
private func drawReportChoice(_ choice: ReportChoice, y: Int, into grid: inout Grid) {
    grid.fill(y: y, style: .selected)
    grid.put(" Save the report for ◀ \(choice.quarter) ▶ as HTML, in reports/ beside the plan", x: 0, y: y, style: Style(bold: true, reverse: true))
}

/// `?`: help for the screen underneath, generated from the command table (its keys first, then
/// the other screens'), on a panel that covers every cell between the title and the status lines
/// so nothing underneath shows through, scrolled to `top`.
private func drawHelp(_ state: TUIState, top: Int, into grid: inout Grid) {
    let lines = Help.lines(for: state.screen.mode, width: grid.width)
    let room = Help.room(height: grid.height)
    for row in 1..<(grid.height - 2) { grid.fill(y: row) }
    grid.fill(y: 1, style: .selected)
    grid.put(" Keys on \(state.screen.mode.name) first, then on the other screens", x: 0, y: 1, style: Style(bold: true, reverse: true))
    for (offset, line) in lines.dropFirst(top).prefix(room).enumerated() {
        let y = 2 + offset
        if line.isHeading {
            grid.put(line.text, x: 1, y: y, style: .heading)
        } else {
            grid.put(line.keys, x: 2, y: y, style: .bold)
            grid.put(line.text, x: Help.textX, y: y)
        }
    }
    drawMore(above: top, below: lines.count - top - room, y: grid.height - 3, into: &grid)
}

/// The sign under a scrolled text that more of it is off screen: `↑ 3 lines above · ↓ 12 more lines`.
func drawMore(above: Int, below: Int, y: Int, into grid: inout Grid) {
    let parts = [above > 0 ? "↑ \(above) \(lines(above)) above" : nil, below > 0 ? "↓ \(below) more \(lines(below))" : nil]
    let sign = parts.compactMap { $0 }.joined(separator: " · ")
    if !sign.isEmpty { grid.put(sign, x: 1, y: y, style: .bold) }
}

/// `line` for one, `lines` for any other count.
private func lines(_ count: Int) -> String { count == 1 ? "line" : "lines" }
