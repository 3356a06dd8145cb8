/// A tracker as a partnership keeps it in a spreadsheet: rows of cells, one row per action, read
/// from one sheet of a workbook or a CSV file, with each row's number in that sheet.
public struct TrackerTable: Hashable, Sendable {
    /// What it was read from, for messages: `tracker.xlsx, sheet Actions`.
    public let source: String
    /// The rows that hold anything, in sheet order.
    public let rows: [TrackerRow]

    public init(source: String, rows: [TrackerRow]) {
        self.source = source
        self.rows = rows
    }
}

/// One row of a tracker: its number in the sheet (from 1) and its cells' text, column A first.
public struct TrackerRow: Hashable, Sendable {
    public let number: Int
    public let cells: [String]

    public init(number: Int, cells: [String]) {
        self.number = number
        self.cells = cells
    }

    /// The text in column `index` (from 0), trimmed; empty where the row has none.
    public func text(_ index: Int) -> String {
        cells.indices.contains(index) ? cells[index].trimmingWhitespace : ""
    }

    /// Whether every cell is empty.
    public var isBlank: Bool { cells.allSatisfy { $0.trimmingWhitespace.isEmpty } }
}

/// What a tracker's column holds, as the plan has it.
public enum TrackerField: String, CaseIterable, Hashable, Sendable {
    case pillar, objective, id, action, lead, due, rag, update
    /// A column to leave out (`--map COLUMN=skip`).
    case skip

    /// The header words each field is known by, most telling first; a header matches when it is
    /// one of them, or (for one-word ones) holds it as a word.
    var headers: [String] {
        switch self {
        case .pillar: ["pillar", "theme", "priority", "strategic priority", "strand", "workstream"]
        case .objective: ["objective", "objectives", "aim"]
        case .id: ["id", "ref", "reference", "action ref", "action no", "no", "number"]
        case .action: ["action", "actions", "output", "outputs", "activity", "task"]
        case .lead: ["lead", "leads", "lead agency", "lead agencies", "owner", "responsible", "lead officer"]
        case .due: ["due", "due date", "deadline", "target date", "by when", "timescale", "timescales", "completion date", "date"]
        case .rag: ["rag", "rag status", "rag rating", "status"]
        case .update: ["update", "latest update", "progress", "progress update", "comments", "commentary", "notes", "note"]
        case .skip: []
        }
    }
}

/// Spreadsheet column names: A for the first, Z, AA, AB and so on.
public enum ColumnName {
    /// `A` for 0, `AA` for 26.
    public static func letters(_ index: Int) -> String {
        var number = index + 1
        var name = ""
        while number > 0 {
            let rest = (number - 1) % 26
            name = String(UnicodeScalar(UInt8(65 + rest))) + name
            number = (number - 1) / 26
        }
        return name
    }

    /// The index (from 0) of `B` or `ab`; nil when `text` is not one to three letters.
    public static func index(_ text: String) -> Int? {
        let upper = text.uppercased()
        guard (1...3).contains(upper.count), upper.unicodeScalars.allSatisfy({ ("A"..."Z").contains($0) }) else { return nil }
        return upper.unicodeScalars.reduce(0) { $0 * 26 + Int($1.value) - 64 } - 1
    }
}
