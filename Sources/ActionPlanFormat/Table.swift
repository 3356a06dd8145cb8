/// A plain-text table laid out to a width, the one layout engine for the CLI's tables and the
/// interface's list: each column sized by its `Width`, one flexible column that takes the room
/// the others leave, and optional columns that give way first when the width is short.
public struct Table: Sendable {
    public struct Column: Sendable {
        public let title: String
        public let width: Width
        /// Columns with a higher rank are left out first when the width is short; 0 never is.
        public let dropRank: Int

        public init(_ title: String, _ width: Width, dropRank: Int = 0) {
            self.title = title
            self.width = width
            self.dropRank = dropRank
        }

        /// How many terminal columns a column takes.
        public enum Width: Sendable, Equatable {
            /// As wide as its widest cell or its title, but no wider than the larger of the two
            /// and `cap`.
            case natural(cap: Int)
            /// Exactly this many, whatever its cells.
            case fixed(Int)
            /// As wide as its widest cell, within the room the other columns leave (at least
            /// `minimum`); its cells are cut to fit.
            case flexible(minimum: Int)
            /// All the room the other columns leave (at least `minimum`), however short its cells,
            /// so the columns after it stay in place as the rows change.
            case filling(minimum: Int)

            var isFlexible: Bool {
                switch self {
                case .natural, .fixed: false
                case .flexible, .filling: true
                }
            }
        }
    }

    public let columns: [Column]
    /// Spaces between neighbouring columns.
    public let gap: Int
    /// Below this the flexible column is too short to read, so optional columns make room.
    static let flexibleMinimum = 24

    public init(columns: [Column], gap: Int = 2) {
        self.columns = columns
        self.gap = gap
    }

    /// Where each column goes for `rows` at `width` columns (nil: no limit). Cells must be safe text.
    public func layout(_ rows: [[String]], width: Int?) -> TableLayout {
        var widths = columns.indices.map { index in
            let column = columns[index]
            let title = TerminalText.width(column.title)
            if case .fixed(let fixed) = column.width { return fixed }
            let natural = rows.reduce(title) { max($0, TerminalText.width(TableLayout.cell(index, of: $1))) }
            if case .natural(let cap) = column.width { return min(natural, max(cap, title)) }
            return natural
        }
        var shown = Array(columns.indices)
        if let width, let flexible = columns.firstIndex(where: \.width.isFlexible) {
            func room() -> Int {
                width - shown.filter { $0 != flexible }.reduce(0) { $0 + widths[$1] } - gap * (shown.count - 1)
            }
            let optional = columns.indices.filter { columns[$0].dropRank > 0 }.sorted { columns[$0].dropRank > columns[$1].dropRank }
            for index in optional where room() < min(Self.flexibleMinimum, widths[flexible]) {
                shown.removeAll { $0 == index }
            }
            switch columns[flexible].width {
            case .flexible(let minimum): widths[flexible] = min(widths[flexible], max(minimum, room()))
            case .filling(let minimum): widths[flexible] = max(minimum, room())
            case .natural, .fixed: break
            }
        }
        return TableLayout(titles: columns.map(\.title), shown: shown, widths: widths, gap: gap, width: width)
    }

    /// Lines of `rows` under a header, fitted to `width` columns (nil: no limit). Cells must be safe text.
    public func render(_ rows: [[String]], width: Int?) -> (header: String, lines: [String]) {
        let layout = layout(rows, width: width)
        return (layout.header, rows.map(layout.line))
    }
}

/// A table's columns placed for one width: which are shown and how wide each is.
public struct TableLayout: Sendable, Equatable {
    let titles: [String]
    /// The columns shown, by their place in the table, left to right.
    public let shown: [Int]
    /// Each column's width, by its place in the table.
    public let widths: [Int]
    let gap: Int
    let width: Int?

    /// The column titles, laid out as a line.
    public var header: String { line(titles) }

    /// `cells`, one per column of the table, each cut or padded to its column (the last only cut),
    /// and the line cut to the width.
    public func line(_ cells: [String]) -> String {
        let fitted = shown.map { index in
            index == shown.last ? TerminalText.truncate(Self.cell(index, of: cells), to: widths[index])
                : TerminalText.fit(Self.cell(index, of: cells), to: widths[index])
        }
        let joined = fitted.joined(separator: String(repeating: " ", count: gap))
        return width.map { TerminalText.truncate(joined, to: $0) } ?? joined
    }

    /// The terminal column where `column` starts, or nil when it is not shown.
    public func x(of column: Int) -> Int? {
        guard let place = shown.firstIndex(of: column) else { return nil }
        return shown[..<place].reduce(0) { $0 + widths[$1] + gap }
    }

    /// A row's cell for a column; a short row reads as blank.
    static func cell(_ index: Int, of cells: [String]) -> String {
        cells.indices.contains(index) ? cells[index] : ""
    }
}
