/// A plain-text table that fits a width: fixed columns at their natural width (up to a cap),
/// and one flexible column that takes the rest and truncates.
struct Table {
    struct Column {
        let title: String
        /// The most columns it takes; the flexible column ignores this.
        let cap: Int
        var flexible = false
    }

    let columns: [Column]
    /// The flexible column is never squeezed below this.
    let flexibleMinimum = 16

    /// Lines of `rows` under a header, fitted to `width` columns (nil: no limit). Cells must be safe text.
    func render(_ rows: [[String]], width: Int?) -> (header: String, lines: [String]) {
        var widths = columns.indices.map { index in
            rows.reduce(TerminalText.width(columns[index].title)) { max($0, TerminalText.width($1[index])) }
        }
        for index in columns.indices where !columns[index].flexible {
            widths[index] = min(widths[index], max(columns[index].cap, TerminalText.width(columns[index].title)))
        }
        if let width, let flexible = columns.firstIndex(where: \.flexible) {
            let others = widths.indices.filter { $0 != flexible }.reduce(0) { $0 + widths[$1] } + 2 * (columns.count - 1)
            widths[flexible] = min(widths[flexible], max(flexibleMinimum, width - others))
        }
        func line(_ cells: [String]) -> String {
            let fitted = cells.indices.map { index in
                index == cells.count - 1 ? TerminalText.truncate(cells[index], to: widths[index])
                    : TerminalText.fit(cells[index], to: widths[index])
            }
            let joined = fitted.joined(separator: "  ")
            return width.map { TerminalText.truncate(joined, to: $0) } ?? joined
        }
        return (line(columns.map(\.title)), rows.map(line))
    }
}
