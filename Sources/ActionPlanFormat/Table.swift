/// A plain-text table laid out to a width, the one layout engine for the CLI's tables and the
/// interface's lists: columns sized from their cells, long cells wrapped (the CLI) or cut on one
/// line (the interface) when the width is short, and optional columns that give way last of all.
///
/// Every cell is measured once, when it is made (`TableCell`); laying out and drawing use that
/// width, so a table costs time in proportion to its cells, not to its cells times its columns' passes.
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
        layout(cells: cells(of: rows), width: width)
    }

    /// The table's lines for `rows` fitted to `width` columns (nil: no limit), long cells wrapped:
    /// the header's lines, then each row's lines. Lines are wider than `width` only when even the
    /// narrowest columns are. Cells must be safe text.
    public func render(_ rows: [[String]], width: Int?) -> (header: [String], rows: [[String]]) {
        let cells = cells(of: rows)
        let layout = layout(cells: cells, width: width)
        let count = columns.count
        return (layout.headerLines, rows.indices.map { layout.lines(cells[$0 * count..<($0 + 1) * count]) })
    }

    /// The cells of `rows`, one per column of each (a short row's missing cells blank), measured,
    /// in one array row after row: what `layout(cells:width:)` and `TableLayout.write` take.
    func cells(of rows: [[String]]) -> [TableCell] {
        var cells: [TableCell] = []
        cells.reserveCapacity(rows.count * columns.count)
        for row in rows {
            for index in columns.indices {
                cells.append(TableCell(TableLayout.cell(index, of: row)))
            }
        }
        return cells
    }

    /// Where each column goes for `cells`, rows of one measured cell per column of the table, row
    /// after row in one array, at `width` columns (nil: no limit).
    ///
    /// The cells were measured when they were made; this only compares their widths, so a table
    /// costs time in proportion to its cells.
    public func layout(cells: [TableCell], width: Int?) -> TableLayout {
        var natural = columns.map { TerminalText.width($0.title) }
        var index = 0
        for cell in cells {
            if cell.width > natural[index] { natural[index] = cell.width }
            index = index + 1 == columns.count ? 0 : index + 1
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
        return TableLayout(titles: columns.map(\.title), shown: shown, widths: widths, gap: gap, width: width)
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
    public var headerLines: [String] { lines(titles.map { TableCell($0) }[...]) }

    /// `cells`, one per column of the table, each cut or padded to its column (the last only cut),
    /// on one line cut to the width: a row of a screen that scrolls by lines. Each cell is
    /// measured once, and the line is not measured again.
    public func line(_ cells: [String]) -> String {
        var line = ""
        var lineWidth = 0
        for (place, index) in shown.enumerated() {
            if place > 0 {
                line += String(repeating: " ", count: gap)
                lineWidth += gap
            }
            let cell = TableCell(Self.cell(index, of: cells))
            let cut = TerminalText.truncate(cell.text, measured: cell.width, to: widths[index])
            line += cut.text
            lineWidth += cut.width
            if place < shown.count - 1, cut.width < widths[index] {
                line += String(repeating: " ", count: widths[index] - cut.width)
                lineWidth += widths[index] - cut.width
            }
        }
        return width.map { TerminalText.truncate(line, measured: lineWidth, to: $0).text } ?? line
    }

    /// The header's lines, the titles wrapped within their columns, appended to `text`, each
    /// ending in a line break.
    public func writeHeader(into text: inout [UInt8]) {
        write(titles.map { TableCell($0) }[...], into: &text)
    }

    /// A row's lines appended to `text` as UTF-8, each ending in a line break: `cells`, one per
    /// column of the table, each padded to its column and wrapped where it is wider, on as many
    /// lines as the longest wrapped cell needs, with no trailing spaces. A cell that fits (the
    /// usual row: every cell) is copied as it is, not measured again.
    public func write(_ cells: ArraySlice<TableCell>, into text: inout [UInt8]) {
        func cell(_ index: Int) -> TableCell {
            cells.indices.contains(cells.startIndex + index) ? cells[cells.startIndex + index] : .blank
        }
        // Only the widths, so that no cell's text is retained to be looked at.
        func width(_ index: Int) -> Int {
            cells.indices.contains(cells.startIndex + index) ? cells[cells.startIndex + index].width : 0
        }
        var fits = true
        for index in shown where width(index) > widths[index] {
            fits = false
            break
        }
        guard !fits else {
            var pending = 0
            for (place, index) in shown.enumerated() {
                append(cell(index), inColumn: index, first: place == 0, pending: &pending, to: &text)
            }
            text.append(UInt8(ascii: "\n"))
            return
        }
        let pieces = shown.map { index -> [TableCell] in
            let whole = cell(index)
            return whole.width <= widths[index] ? [whole]
                : TerminalText.wrap(whole.text, to: widths[index]).map { TableCell(safe: $0.text, width: $0.width) }
        }
        for row in 0..<(pieces.map(\.count).max() ?? 1) {
            var pending = 0
            for (place, index) in shown.enumerated() {
                let piece = pieces[place].indices.contains(row) ? pieces[place][row] : .blank
                append(piece, inColumn: index, first: place == 0, pending: &pending, to: &text)
            }
            text.append(UInt8(ascii: "\n"))
        }
    }

    /// `write`'s lines as strings, for a table printed line by line.
    func lines(_ cells: ArraySlice<TableCell>) -> [String] {
        var text: [UInt8] = []
        write(cells, into: &text)
        return text.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).dropLast().map {
            String(decoding: $0, as: UTF8.self)
        }
    }

    /// Appends `piece`, the part of a line in `column`, to `text`: after the gap (none before the
    /// `first`) and the room the columns before it left, `pending`, which becomes the room it
    /// leaves. Spaces are written only before text, so a line has no trailing spaces.
    private func append(_ piece: TableCell, inColumn column: Int, first: Bool, pending: inout Int, to text: inout [UInt8]) {
        if !first { pending += gap }
        guard piece.width > 0 else {
            pending += widths[column]
            return
        }
        Self.appendSpaces(pending, to: &text)
        // Copied from the string's own bytes: appending its UTF-8 view as a sequence cost twice as much.
        if piece.text.utf8.withContiguousStorageIfAvailable({ text.append(contentsOf: $0) }) == nil {
            text.append(contentsOf: piece.text.utf8)
        }
        pending = max(0, widths[column] - piece.width)
    }

    private static let spaces = [UInt8](repeating: UInt8(ascii: " "), count: 256)

    /// Appends `count` spaces from one shared run of them, copied, not appended one by one.
    private static func appendSpaces(_ count: Int, to text: inout [UInt8]) {
        var left = count
        while left > 0 {
            let run = min(left, spaces.count)
            spaces.withUnsafeBufferPointer { text.append(contentsOf: $0.prefix(run)) }
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

/// A table cell: its text made safe to print and the terminal columns it takes, measured once,
/// when the cell is made, and never again however the table is laid out and drawn.
public struct TableCell: Sendable, Equatable {
    public let text: String
    public let width: Int

    /// `text` made safe (see `TerminalText.safe`) and measured: text with nothing to show as a
    /// code, the usual case, in one pass over its bytes.
    public init(_ text: String) {
        (self.text, width) = TerminalText.safeMeasured(text)
    }

    /// Text the tool writes itself, printable ASCII only (a RAG letter, a date, a flag): nothing
    /// to make safe, and as wide as it is long.
    init(plain text: String) {
        self.init(safe: text, width: text.utf8.count)
    }

    /// Safe text already measured as `width` columns.
    init(safe text: String, width: Int) {
        self.text = text
        self.width = width
    }

    /// What a row short of cells shows.
    static let blank = TableCell(safe: "", width: 0)
}
