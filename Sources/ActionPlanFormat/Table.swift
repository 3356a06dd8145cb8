/// A plain-text table laid out to a width, the one layout engine for the CLI's tables and the
/// interface's lists: columns sized from their cells, long cells wrapped (the CLI) or cut on one
/// line (the interface) when the width is short, and optional columns that give way last of all.
///
/// Every cell is measured once, when the table is laid out; drawing pads cells by those widths,
/// so a table costs time in proportion to its cells, not to its cells times its columns' passes.
public struct Table: Sendable {
    public struct Column: Sendable {
        public let title: String
        public let width: Width
        /// Columns with a higher rank are left out first when even the narrowest columns do not
        /// fit; 0 never is.
        public let dropRank: Int

        public init(_ title: String, _ width: Width, dropRank: Int = 0) {
            self.title = title
            self.width = width
            self.dropRank = dropRank
        }

        /// How many terminal columns a column takes.
        public enum Width: Sendable, Equatable {
            /// As wide as its widest cell or its title, and never narrower: ids, letters, dates,
            /// counts, which read wrongly when broken.
            case natural
            /// Exactly this many, whatever its cells.
            case fixed(Int)
            /// As wide as its widest cell when there is room; when the width is short it gives way,
            /// down to `minimum` (or the longest word of its title), taking `weight` shares of the
            /// room to one of each other giving column.
            case flexible(minimum: Int, weight: Int = 1)
            /// As `flexible`, and it also takes the room all the columns leave, so the columns after
            /// it reach the edge.
            case filling(minimum: Int, weight: Int = 1)
        }
    }

    public let columns: [Column]
    /// Spaces between neighbouring columns; one when the table is short of room.
    public let gap: Int

    public init(columns: [Column], gap: Int = 2) {
        self.columns = columns
        self.gap = gap
    }

    /// Where each column goes for `rows` at `width` columns (nil: no limit). Cells must be safe text.
    public func layout(_ rows: [[String]], width: Int?) -> TableLayout {
        layout(measuring: rows, width: width).layout
    }

    /// The table's lines for `rows` fitted to `width` columns (nil: no limit), long cells wrapped:
    /// the header's lines, then each row's lines. Lines are wider than `width` only when even the
    /// narrowest columns are. Cells must be safe text.
    public func render(_ rows: [[String]], width: Int?) -> (header: [String], rows: [[String]]) {
        let (layout, measured) = layout(measuring: rows, width: width)
        return (layout.headerLines, zip(rows, measured).map { layout.lines($0, widths: $1) })
    }

    /// The layout, with every cell's width, each measured once.
    private func layout(measuring rows: [[String]], width: Int?) -> (layout: TableLayout, measured: [[Int]]) {
        let measured = rows.map { row in columns.indices.map { TerminalText.width(TableLayout.cell($0, of: row)) } }
        var natural = columns.map { TerminalText.width($0.title) }
        for row in measured {
            for index in natural.indices where row[index] > natural[index] { natural[index] = row[index] }
        }
        func floorsOf(keepingMinimums: Bool) -> [Int] {
            columns.indices.map { index in
                switch columns[index].width {
                case .natural: natural[index]
                case .fixed(let fixed): fixed
                case .flexible(let minimum, _), .filling(let minimum, _):
                    min(natural[index], max(keepingMinimums ? minimum : 1, Self.longestWord(of: columns[index].title)))
                }
            }
        }
        var floors = floorsOf(keepingMinimums: true)
        var widths = columns.indices.map { index in
            if case .fixed(let fixed) = columns[index].width { return fixed }
            return natural[index]
        }
        var shown = Array(columns.indices)
        var gap = self.gap
        if let width {
            func least() -> Int { shown.reduce(0) { $0 + floors[$1] } + gap * (shown.count - 1) }
            func most() -> Int { shown.reduce(0) { $0 + widths[$1] } + gap * (shown.count - 1) }
            if most() > width { gap = 1 }
            let optional = columns.indices.filter { columns[$0].dropRank > 0 }.sorted { columns[$0].dropRank > columns[$1].dropRank }
            for index in optional where least() > width {
                shown.removeAll { $0 == index }
            }
            // Narrower still, the giving columns go below their minimums rather than off the edge.
            if least() > width { floors = floorsOf(keepingMinimums: false) }
            if most() > width {
                for index in shown { widths[index] = floors[index] }
                share(max(0, width - least()), among: shown, natural: natural, into: &widths)
            }
            if let filling = shown.first(where: { columns[$0].width.fills }) {
                widths[filling] += max(0, width - most())
            }
        }
        return (TableLayout(titles: columns.map(\.title), shown: shown, widths: widths, gap: gap, width: width), measured)
    }

    /// Gives `room` to the giving columns of `shown` in proportion to their weights, none beyond
    /// its natural width: the narrowest wants are met in full and what they leave goes to the rest.
    private func share(_ room: Int, among shown: [Int], natural: [Int], into widths: inout [Int]) {
        var room = room
        var wanting = shown.filter { columns[$0].width.weight > 0 && widths[$0] < natural[$0] }
        while room > 0, !wanting.isEmpty {
            let weights = wanting.reduce(0) { $0 + columns[$1].width.weight }
            let unit = room / weights
            if unit == 0 {
                // Less than a column each: one more to the heaviest, leftmost first, until it runs out.
                let heaviest = wanting.sorted { (columns[$0].width.weight, -$0) > (columns[$1].width.weight, -$1) }
                for index in heaviest.prefix(room) {
                    widths[index] += 1
                }
                return
            }
            for index in wanting {
                let more = min(natural[index] - widths[index], unit * columns[index].width.weight)
                widths[index] += more
                room -= more
            }
            wanting.removeAll { widths[$0] >= natural[$0] }
        }
    }

    /// The widest part of `title` between spaces and after hyphens, where `TerminalText.wrap`
    /// breaks it: a column keeps its title's words whole.
    private static func longestWord(of title: String) -> Int {
        title.split(separator: " ").flatMap { word in
            word.split(separator: "-", omittingEmptySubsequences: false).enumerated().map { place, part in
                TerminalText.width(part) + (place < word.filter { $0 == "-" }.count ? 1 : 0)
            }
        }.max() ?? 0
    }
}

extension Table.Column.Width {
    /// The shares of room a giving column takes when the width is short; 0 for one that keeps its width.
    var weight: Int {
        switch self {
        case .natural, .fixed: 0
        case .flexible(_, let weight), .filling(_, let weight): max(1, weight)
        }
    }

    /// Whether it takes the room the other columns leave.
    var fills: Bool {
        if case .filling = self { return true }
        return false
    }
}

/// A table's columns placed for one width: which are shown and how wide each is.
public struct TableLayout: Sendable, Equatable {
    let titles: [String]
    /// The columns shown, by their place in the table, left to right.
    public let shown: [Int]
    /// Each column's width, by its place in the table.
    public let widths: [Int]
    /// The spaces between columns at this width.
    public let gap: Int
    let width: Int?

    /// The column titles on one line, each cut to its column: the interface's header.
    public var header: String { line(titles) }

    /// The column titles, wrapped within their columns: the CLI's header.
    public var headerLines: [String] { lines(titles, widths: titles.map { TerminalText.width($0) }) }

    /// `cells`, one per column of the table, each cut or padded to its column (the last only cut),
    /// on one line cut to the width: a row of a screen that scrolls by lines.
    public func line(_ cells: [String]) -> String {
        let fitted = shown.map { index in
            index == shown.last ? TerminalText.truncate(Self.cell(index, of: cells), to: widths[index])
                : TerminalText.fit(Self.cell(index, of: cells), to: widths[index])
        }
        let joined = fitted.joined(separator: String(repeating: " ", count: gap))
        return width.map { TerminalText.truncate(joined, to: $0) } ?? joined
    }

    /// `cells`, one per column, already measured as `widths`, on as many lines as the longest
    /// wrapped cell needs, with no trailing spaces. A cell that fits is not measured again.
    public func lines(_ cells: [String], widths measured: [Int]) -> [String] {
        func width(_ index: Int) -> Int { measured.indices.contains(index) ? measured[index] : 0 }
        // The usual row, every cell within its column, is one line, built without wrapping.
        guard shown.contains(where: { width($0) > widths[$0] }) else {
            return [joined(shown.map { (Self.cell($0, of: cells), width($0)) })]
        }
        let pieces = shown.map { index -> [(text: String, width: Int)] in
            width(index) <= widths[index] ? [(Self.cell(index, of: cells), width(index))] : TerminalText.wrap(Self.cell(index, of: cells), to: widths[index])
        }
        let height = pieces.map(\.count).max() ?? 1
        return (0..<height).map { row in
            joined(pieces.map { $0.indices.contains(row) ? $0[row] : ("", 0) })
        }
    }

    /// One line of `pieces`, one per shown column, each with its width, padded to the columns.
    private func joined(_ pieces: [(text: String, width: Int)]) -> String {
        var line = ""
        var pending = 0
        for (place, index) in shown.enumerated() {
            if place > 0 { pending += gap }
            let piece = pieces[place]
            guard piece.width > 0 else {
                pending += widths[index]
                continue
            }
            Self.appendSpaces(pending, to: &line)
            line += piece.text
            pending = max(0, widths[index] - piece.width)
        }
        return line
    }

    private static let spaces = String(repeating: " ", count: 256)

    /// Appends `count` spaces from one shared run of them, not a new string each time.
    ///
    /// The run is cut by its UTF-8 offset, which for spaces is the character offset without
    /// walking the characters, and appended as a `Substring`, not through the generic `+=` of a
    /// sequence: cutting it with `prefix` took a quarter of the time of a long list's table.
    private static func appendSpaces(_ count: Int, to line: inout String) {
        var left = count
        while left > 0 {
            let run = min(left, 256)
            line.append(contentsOf: spaces[..<spaces.utf8.index(spaces.startIndex, offsetBy: run)])
            left -= run
        }
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
