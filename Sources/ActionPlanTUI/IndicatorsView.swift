import ActionPlanFormat
import ActionPlanModel

/// The indicators of one pillar: each one's latest figure, target, rating letter, direction of
/// travel and a trend of its last periods.
func drawIndicators(_ lines: [IndicatorLine], heading: String, selection: Int, into grid: inout Grid) {
    grid.put(heading, x: 1, y: 1, style: .heading)
    let table = indicatorTable
    let layout = table.layout(lines.map { line in IndicatorColumn.allCases.map { $0.cell(line) } }, width: grid.width)
    grid.put(layout.header, x: 0, y: 2, style: .bold)
    guard !lines.isEmpty else {
        grid.put("No indicators here; ←/→ shows the next.", x: 1, y: 4, style: .dim)
        return
    }
    let room = max(1, grid.height - 7)
    let first = max(0, min(selection - room + 1, lines.count - room))
    let ratingX = layout.x(of: IndicatorColumn.rating.rawValue)
    for (offset, line) in lines.dropFirst(first).prefix(room).enumerated() {
        let y = 3 + offset
        let isSelected = first + offset == selection
        if isSelected { grid.fill(y: y, style: .selected) }
        grid.put(layout.line(IndicatorColumn.allCases.map { $0.cell(line) }), x: 0, y: y, style: isSelected ? .selected : .plain)
        if let ratingX {
            grid.paint(x: ratingX, y: y, count: 1, style: Style(colour: line.rating.colour, bold: true, reverse: isSelected))
        }
    }
    grid.put(indicatorKey, x: 1, y: grid.height - 3, style: .dim)
}

/// What the letters, arrows and trend mean, under the table: nothing on screen relies on colour.
let indicatorKey = "G on target, A near, R off, - none · ↑↓ on last period · trend gap: no figure"

/// A column of the indicators screen.
enum IndicatorColumn: Int, CaseIterable {
    case id, name, latest, period, target, rating, trend, flags

    var column: Table.Column {
        switch self {
        case .id: Table.Column("ID", .natural)
        case .name: Table.Column("Indicator", .filling(minimum: 28, weight: 4))
        case .latest: Table.Column("Latest", .flexible(minimum: 8))
        // At 80 columns a flag matters more than the latest figure's period, which the detail gives.
        case .period: Table.Column("Period", .fixed(10), dropRank: 1)
        case .target: Table.Column("Target", .flexible(minimum: 8))
        case .rating: Table.Column("RAG", .fixed(3))
        case .trend: Table.Column("Trend", .fixed(Trend.periods))
        case .flags: Table.Column("Flags", .natural)
        }
    }

    /// What the column shows of `line`, as safe text.
    func cell(_ line: IndicatorLine) -> String {
        switch self {
        case .id: TerminalText.safe(line.id)
        case .name: TerminalText.safe(line.name)
        case .latest: line.latest
        case .period: line.period
        case .target: TerminalText.safe(line.target)
        case .rating: line.rating.letter + " " + line.arrow
        case .trend: Trend.text(line.trend)
        case .flags: line.flags
        }
    }
}

/// The indicators screen's columns, in `Table`, the one layout engine.
let indicatorTable = Table(columns: IndicatorColumn.allCases.map(\.column), gap: 1)
