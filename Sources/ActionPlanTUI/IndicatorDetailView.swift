import ActionPlanFormat
import ActionPlanModel

/// One indicator as its detail screen shows it: what it is, then its series, formatted already.
struct IndicatorSheet {
    /// `REF · Referrals to MARAC`.
    let title: String
    /// Labelled facts: unit, which way is better, how often, lead, source, baseline, target.
    let facts: [(label: String, value: String)]
    /// Every figure, oldest period first; a corrected figure is followed by its correction.
    let series: [SeriesRow]
}

/// One row of an indicator's series.
struct SeriesRow: Hashable, Sendable {
    let period: String
    /// In the indicator's unit.
    let value: String
    let area: String
    let rating: RAG
    let note: String
}

/// The series table's columns, in `Table`, the one layout engine.
enum SeriesColumn: Int, CaseIterable {
    case period, value, area, rating, note

    var column: Table.Column {
        switch self {
        case .period: Table.Column("Period", .fixed(12))
        case .value: Table.Column("Value", .flexible(minimum: 8))
        case .area: Table.Column("Area", .fixed(14), dropRank: 1)
        case .rating: Table.Column("RAG", .fixed(3))
        case .note: Table.Column("Note", .filling(minimum: 10))
        }
    }

    func cell(_ row: SeriesRow) -> String {
        switch self {
        case .period: row.period
        case .value: row.value
        case .area: TerminalText.safe(row.area)
        case .rating: row.rating.letter
        case .note: TerminalText.safe(row.note)
        }
    }

    static let table = Table(columns: allCases.map(\.column), gap: 1)
}

/// How many series rows fit under the facts of `sheet`, drawn from row `y` of a screen `height`
/// rows high, above the line that says where the screen is in them.
func seriesRoom(_ sheet: IndicatorSheet, height: Int, from y: Int = 2) -> Int {
    max(1, height - 4 - seriesTop(sheet, from: y))
}

/// The row the series table's header is drawn on.
private func seriesTop(_ sheet: IndicatorSheet, from y: Int) -> Int { y + 1 + sheet.facts.count + 1 }

/// What the indicator is, from row `start` with its title at column `titleX`, then its series as a
/// table from row `top` of the series, with where the screen is in it when it does not all fit.
func drawIndicator(_ sheet: IndicatorSheet, top: Int, from start: Int = 2, titleX: Int = 1, into grid: inout Grid) {
    grid.put(sheet.title, x: titleX, y: start, style: .heading)
    var y = start + 1
    let labelWidth = (sheet.facts.map { TerminalText.width($0.label) }.max() ?? 0) + 2
    for fact in sheet.facts {
        grid.put(fact.label, x: 1, y: y, style: .bold)
        grid.put(fact.value, x: 1 + labelWidth, y: y)
        y += 1
    }
    y = seriesTop(sheet, from: start)
    let layout = SeriesColumn.table.layout(sheet.series.map { row in SeriesColumn.allCases.map { $0.cell(row) } }, width: grid.width)
    grid.put(layout.header, x: 0, y: y, style: .bold)
    guard !sheet.series.isEmpty else {
        grid.put("No figures recorded yet; f records one.", x: 1, y: y + 1, style: .dim)
        return
    }
    let room = seriesRoom(sheet, height: grid.height, from: start)
    let ratingX = layout.x(of: SeriesColumn.rating.rawValue)
    for (offset, row) in sheet.series.dropFirst(top).prefix(room).enumerated() {
        grid.put(layout.line(SeriesColumn.allCases.map { $0.cell(row) }), x: 0, y: y + 1 + offset)
        if let ratingX { grid.paint(x: ratingX, y: y + 1 + offset, count: 1, style: Style(colour: row.rating.colour, bold: true)) }
    }
    if sheet.series.count > room {
        let last = min(sheet.series.count, top + room)
        grid.put("figures \(top + 1)–\(last) of \(sheet.series.count) · ↑/↓ scroll", x: 1, y: grid.height - 3, style: .dim)
    }
}

/// The detail screen of indicator `id`, or why there is none.
func drawIndicator(_ id: String, top: Int, _ state: TUIState, into grid: inout Grid) {
    guard let sheet = state.indicatorSheet(id) else {
        grid.put("That indicator is no longer in the plan.", x: 1, y: 2)
        return
    }
    drawIndicator(sheet, top: top, into: &grid)
}
