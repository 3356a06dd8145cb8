/// Which column of a tracker holds which field: guessed from its header row, or given by the
/// coordinator (`--map COLUMN=FIELD`), and said back either way.
public struct TrackerColumns: Hashable, Sendable {
    /// The row the headers are on.
    public let headerRow: TrackerRow
    /// The column (from 0) of each field found.
    public let fields: [TrackerField: Int]
    /// How each column was taken, in column order: `B "Lead agency" → lead (guessed)`.
    public let said: [String]

    /// How far down a sheet a header row is looked for: trackers put a title and a date above it.
    public static let headerSearchRows = 20

    /// A header matched to a field, or told: `(column, field, how)`.
    public typealias Mapping = (column: String, field: TrackerField)

    /// The columns of `table`: the header row is the first of its first rows in which two or
    /// more headers name a field, one of them the action; `mappings` (a header's text or a
    /// column's letter, and a field) override the guess. Nil, with why, when no action column is found.
    public static func find(in table: TrackerTable, mappings: [Mapping]) -> Result<TrackerColumns, TrackerProblem> {
        let candidates = table.rows.prefix(headerSearchRows)
        let told = mappings.map(\.field)
        let header = candidates.first { row in
            let guessed = guesses(row)
            let fields = Set(guessed.values).union(told)
            return fields.contains(.action) && (guessed.count >= 2 || !mappings.isEmpty)
        }
        guard let header else {
            return .failure(TrackerProblem(row: table.rows.first?.number ?? 1, column: nil,
                "no header row with an Action column in the first \(headerSearchRows) rows of \(table.source); "
                + "name the columns, such as --map C=action --map D=lead (fields: \(fieldNames))"))
        }
        var byColumn = guesses(header)
        var how: [Int: String] = byColumn.mapValues { _ in "guessed" }
        for mapping in mappings {
            // A header first: "Who" is a header before it is column WHO.
            let index = header.cells.firstIndex { normalized($0) == normalized(mapping.column) } ?? ColumnName.index(mapping.column)
            let width = table.rows.map(\.cells.count).max() ?? 0
            guard let index, index < width else {
                let known = header.cells.filter { !$0.trimmingWhitespace.isEmpty }
                let hint = Suggestion.nearest(to: mapping.column, among: known).map { "; did you mean '\($0)'?" } ?? ""
                return .failure(TrackerProblem(row: header.number, column: nil,
                    "--map \(mapping.column)=\(mapping.field.rawValue): no column '\(mapping.column)' (give its letter, A to \(ColumnName.letters(max(width - 1, 0))), or its header)\(hint)"))
            }
            // A field told for one column is no longer guessed for another.
            for (column, field) in byColumn where field == mapping.field && column != index { byColumn[column] = nil }
            byColumn[index] = mapping.field
            how[index] = "as told"
        }
        var fields: [TrackerField: Int] = [:]
        var said: [String] = []
        for column in byColumn.keys.sorted() {
            guard let field = byColumn[column] else { continue }
            let title = header.text(column)
            said.append("\(ColumnName.letters(column)) \"\(title)\" → \(field.rawValue) (\(how[column] ?? "guessed"))")
            if field != .skip { fields[field] = column }
        }
        guard fields[.action] != nil else {
            return .failure(TrackerProblem(row: header.number, column: nil, "no column is the action; name it, such as --map C=action"))
        }
        return .success(TrackerColumns(headerRow: header, fields: fields, said: said))
    }

    /// Fields as `--map` takes them.
    public static var fieldNames: String { TrackerField.allCases.map(\.rawValue).joined(separator: ", ") }

    /// The field each header of `row` names, each field taken by its first column only.
    static func guesses(_ row: TrackerRow) -> [Int: TrackerField] {
        var found: [Int: TrackerField] = [:]
        var taken: Set<TrackerField> = []
        // Whole-header matches first, so "Action ref" is the id before "Action" can be the action.
        for wholeOnly in [true, false] {
            for (index, cell) in row.cells.enumerated() where found[index] == nil {
                let header = normalized(cell)
                guard !header.isEmpty else { continue }
                let words = Set(header.split(separator: " ").map(String.init))
                let field = TrackerField.allCases.first { field in
                    !taken.contains(field) && field.headers.contains { $0 == header || (!wholeOnly && !$0.contains(" ") && words.contains($0)) }
                }
                if let field {
                    found[index] = field
                    taken.insert(field)
                }
            }
        }
        return found
    }

    /// A header as compared: lower case, letters and digits, single spaces.
    static func normalized(_ text: String) -> String {
        let kept = text.lowercased().unicodeScalars.map { $0.properties.isAlphabetic || ("0"..."9").contains($0) ? Character($0) : " " }
        return String(kept).split(separator: " ").joined(separator: " ")
    }
}

/// Why a tracker cannot be read as a plan, and where: its row and, if it is one cell, its column.
public struct TrackerProblem: Error, Hashable, Sendable {
    public let row: Int
    public let column: Int?
    public let message: String

    public init(row: Int, column: Int?, _ message: String) {
        self.row = row
        self.column = column
        self.message = message
    }
}
