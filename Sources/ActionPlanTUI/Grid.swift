import ActionPlanFormat

/// The colours the interface uses; a backend maps them to whatever the terminal has, or to none.
public enum Colour: Hashable, Sendable {
    case blue, green, amber, red, grey, accent
}

/// How a cell is drawn.
public struct Style: Hashable, Sendable {
    public var colour: Colour?
    public var bold = false
    public var reverse = false
    public var dim = false
    public var underline = false

    public init(colour: Colour? = nil, bold: Bool = false, reverse: Bool = false, dim: Bool = false, underline: Bool = false) {
        self.colour = colour
        self.bold = bold
        self.reverse = reverse
        self.dim = dim
        self.underline = underline
    }

    public static let plain = Style()
    public static let bold = Style(bold: true)
    public static let dim = Style(dim: true)
    public static let selected = Style(reverse: true)
    public static let heading = Style(colour: .accent, bold: true)
}

/// One terminal cell: a character and its style. The right half of a double-width character is
/// an empty continuation cell.
public struct Cell: Hashable, Sendable {
    public var text: String
    public var style: Style

    public static let blank = Cell(text: " ", style: .plain)
}

/// The screen as views draw it: a rectangle of cells in memory. A backend copies it to the
/// terminal; tests read it back as lines of text.
public struct Grid: Hashable, Sendable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    public subscript(x: Int, y: Int) -> Cell {
        cells[y * width + x]
    }

    /// Writes `text` from column `x` of row `y`, cut to `limit` columns (default: to the edge),
    /// ending with `…` when cut. Text from files must be made safe first; this escapes it again
    /// so that nothing unsafe can reach a cell. Returns the columns used.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, limit: Int? = nil, style: Style = .plain) -> Int {
        guard (0..<height).contains(y), x < width, x >= 0 else { return 0 }
        let room = min(limit ?? (width - x), width - x)
        let shown = TerminalText.truncate(TerminalText.safe(text), to: room)
        var column = x
        for character in shown {
            let columns = TerminalText.width(String(character))
            guard columns > 0 else {
                // A combining mark joins the character before it.
                if column > x { cells[y * width + column - 1].text.append(character) }
                continue
            }
            guard column + columns <= x + room else { break }
            cells[y * width + column] = Cell(text: String(character), style: style)
            if columns == 2 { cells[y * width + column + 1] = Cell(text: "", style: style) }
            column += columns
        }
        return column - x
    }

    /// Paints `count` cells of row `y` from column `x` with `style`, keeping their text.
    public mutating func paint(x: Int, y: Int, count: Int, style: Style) {
        guard (0..<height).contains(y) else { return }
        for column in max(0, x)..<min(width, x + count) {
            cells[y * width + column].style = style
        }
    }

    /// Changes the style of every cell with `change`.
    public mutating func restyle(_ change: (inout Style) -> Void) {
        for index in cells.indices { change(&cells[index].style) }
    }

    /// Fills a row with `character` from column `x` to the edge.
    public mutating func fill(y: Int, from x: Int = 0, with character: String = " ", style: Style = .plain) {
        guard (0..<height).contains(y) else { return }
        for column in max(0, x)..<width {
            cells[y * width + column] = Cell(text: character, style: style)
        }
    }

    /// The rows as text, trailing spaces removed: what a test compares.
    public var lines: [String] {
        (0..<height).map { y in
            var line = ""
            for x in 0..<width { line += cells[y * width + x].text }
            while line.last == " " { line.removeLast() }
            return line
        }
    }
}
