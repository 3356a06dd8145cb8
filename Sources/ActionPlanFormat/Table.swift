/// A plain-text table that fits a width: fixed columns at their natural width (up to a cap), one
/// flexible column that takes the rest and truncates, and optional columns that give way first.
struct Table {
    struct Column {
        let title: String
        /// The most columns it takes; the flexible column ignores this.
        let cap: Int
        var flexible = false
        /// Columns with a higher rank are left out first when the width is short; 0 never is.
        var dropRank = 0
    }

    let columns: [Column]
    /// Below this the flexible column is too short to read, so optional columns make room.
    let flexibleMinimum = 24

    /// Lines of `rows` under a header, fitted to `width` columns (nil: no limit). Cells must be safe text.
    func render(_ rows: [[String]], width: Int?) -> (header: String, lines: [String]) {
        var widths = columns.indices.map { index in
            let natural = rows.reduce(TerminalText.width(columns[index].title)) { max($0, TerminalText.width($1[index])) }
            return columns[index].flexible ? natural : min(natural, max(columns[index].cap, TerminalText.width(columns[index].title)))
        }
        var shown = Array(columns.indices)
        if let width, let flexible = columns.firstIndex(where: \.flexible) {
            func room() -> Int {
                width - shown.filter { $0 != flexible }.reduce(0) { $0 + widths[$1] } - 2 * (shown.count - 1)
            }
            let optional = columns.indices.filter { columns[$0].dropRank > 0 }.sorted { columns[$0].dropRank > columns[$1].dropRank }
            for index in optional where room() < min(flexibleMinimum, widths[flexible]) {
                shown.removeAll { $0 == index }
            }
            widths[flexible] = min(widths[flexible], max(8, room()))
        }
        func line(_ cells: [String]) -> String {
            let fitted = shown.map { index in
                index == shown.last ? TerminalText.truncate(cells[index], to: widths[index])
                    : TerminalText.fit(cells[index], to: widths[index])
            }
            let joined = fitted.joined(separator: "  ")
            return width.map { TerminalText.truncate(joined, to: $0) } ?? joined
        }
        return (line(columns.map(\.title)), rows.map(line))
    }
}
