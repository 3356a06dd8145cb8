import ActionPlanModel
import Foundation

/// Reads the sheets of an .xlsx workbook as trackers: cell text as the spreadsheet holds it
/// (shared strings, inline strings, numbers as written, dates as their serial number), with
/// merged cells filled from their top-left cell.
enum XLSXReader {
    /// The sheets of the workbook in `bytes`, by name, in workbook order: each read as a table
    /// only when asked for.
    static func open(_ bytes: [UInt8], file: String) throws(WorkbookProblem) -> Workbook {
        var parts = try XLSXParts(bytes: bytes, file: file)
        guard let workbook = try parts.part("xl/workbook.xml") else {
            throw WorkbookProblem("\(file): not an .xlsx workbook (it has no xl/workbook.xml); save it from the spreadsheet as Excel 2007-365 (.xlsx), or as CSV")
        }
        var sheets: [(name: String, relation: String)] = []
        try XMLStream.read(workbook, part: "xl/workbook.xml", file: file, start: { name, attributes in
            guard name == "sheet", let sheet = attributes["name"] else { return }
            let relation = attributes.first { $0.key == "id" || $0.key.hasSuffix(":id") }?.value ?? ""
            sheets.append((sheet, relation))
        })
        var targets: [String: String] = [:]
        if let relations = try parts.part("xl/_rels/workbook.xml.rels") {
            try XMLStream.read(relations, part: "xl/_rels/workbook.xml.rels", file: file, start: { name, attributes in
                guard name == "Relationship", let id = attributes["Id"], let target = attributes["Target"] else { return }
                targets[id] = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
            })
        }
        return Workbook(file: file, parts: parts, sheets: sheets.map { ($0.name, targets[$0.relation] ?? "") })
    }

    /// An opened workbook: its sheets' names and where each is.
    struct Workbook {
        let file: String
        var parts: XLSXParts
        let sheets: [(name: String, path: String)]
        private var strings: [String]?

        init(file: String, parts: XLSXParts, sheets: [(name: String, path: String)]) {
            self.file = file
            self.parts = parts
            self.sheets = sheets
        }

        /// The sheet `name` as a tracker table.
        mutating func table(_ name: String, path: String) throws(WorkbookProblem) -> TrackerTable {
            let source = "\(file), sheet \(name)"
            guard let data = try parts.part(path) else { throw WorkbookProblem("\(source): its part \(path) is missing from the workbook") }
            let shared = try sharedStrings()
            var rows: [Int: [Int: String]] = [:]
            var merges: [String] = []
            var rowNumber = 0, column = -1
            var cellType = "", value = "", inline = "", inValue = false, inInline = false, inPhonetic = false
            var problem: WorkbookProblem?
            try XMLStream.read(data, part: path, file: file, start: { element, attributes in
                switch element {
                case "row":
                    rowNumber = attributes["r"].flatMap { Int($0) } ?? rowNumber + 1
                    column = -1
                case "c":
                    column = attributes["r"].flatMap(XLSXReader.column) ?? column + 1
                    cellType = attributes["t"] ?? "n"
                    value = ""
                    inline = ""
                case "v": inValue = true
                case "is": inInline = true
                case "rPh": inPhonetic = true
                case "mergeCell": if let ref = attributes["ref"] { merges.append(ref) }
                default: break
                }
            }, end: { element in
                switch element {
                case "v": inValue = false
                case "is": inInline = false
                case "rPh": inPhonetic = false
                case "c":
                    guard problem == nil else { return }
                    guard rowNumber <= WorkbookLimits.rows, column < WorkbookLimits.columns else {
                        problem = WorkbookProblem("\(source): has cells past row \(WorkbookLimits.rows) or column \(ColumnName.letters(WorkbookLimits.columns - 1)) (cell \(ColumnName.letters(column))\(rowNumber)); a tracker is smaller: copy its actions to a new sheet")
                        return
                    }
                    let text: String
                    switch cellType {
                    case "s":
                        guard let index = Int(value.trimmingWhitespace), shared.indices.contains(index) else {
                            problem = WorkbookProblem("\(source), cell \(ColumnName.letters(column))\(rowNumber): names shared string '\(value)', which the workbook does not have; save it again from the spreadsheet")
                            return
                        }
                        text = shared[index]
                    case "inlineStr": text = inline
                    case "b": text = value == "1" ? "TRUE" : "FALSE"
                    default: text = value
                    }
                    if !text.isEmpty { rows[rowNumber, default: [:]][column] = text }
                default: break
                }
            }, text: { characters in
                if inValue { value += characters } else if inInline && !inPhonetic { inline += characters }
            })
            if let problem { throw problem }
            for ref in merges { try XLSXReader.fill(ref, in: &rows, source: source) }
            return TrackerTable(source: source, rows: rows.keys.sorted().map { number in
                let cells = rows[number] ?? [:]
                let width = (cells.keys.max() ?? -1) + 1
                return TrackerRow(number: number, cells: (0..<width).map { cells[$0] ?? "" })
            })
        }

        /// The workbook's shared strings, read once.
        private mutating func sharedStrings() throws(WorkbookProblem) -> [String] {
            if let strings { return strings }
            var found: [String] = []
            if let data = try parts.part("xl/sharedStrings.xml") {
                var current = "", inText = false, inPhonetic = false
                try XMLStream.read(data, part: "xl/sharedStrings.xml", file: file, start: { element, _ in
                    switch element {
                    case "si": current = ""
                    case "t": inText = true
                    case "rPh": inPhonetic = true
                    default: break
                    }
                }, end: { element in
                    switch element {
                    case "si": found.append(current)
                    case "t": inText = false
                    case "rPh": inPhonetic = false
                    default: break
                    }
                }, text: { characters in
                    if inText && !inPhonetic { current += characters }
                })
            }
            strings = found
            return found
        }
    }

    /// The column (from 0) of a cell reference such as `AB12`.
    static func column(_ reference: String) -> Int? {
        ColumnName.index(String(reference.prefix { $0.isLetter }))
    }

    /// The row of a cell reference such as `AB12`.
    static func row(_ reference: some StringProtocol) -> Int? {
        Int(reference.drop { $0.isLetter })
    }

    /// Copies the top-left cell of the merged range `ref` (`A4:A6`) into the rest of it, as the
    /// sheet shows it: a pillar merged down its rows is every row's pillar.
    static func fill(_ ref: String, in rows: inout [Int: [Int: String]], source: String) throws(WorkbookProblem) {
        let corners = ref.split(separator: ":")
        guard corners.count == 2, let top = row(corners[0]), let bottom = row(corners[1]),
              let left = column(String(corners[0])), let right = column(String(corners[1])), top <= bottom, left <= right else {
            throw WorkbookProblem("\(source): the merged range '\(ref)' is not a range such as A4:A6; save the workbook again from the spreadsheet")
        }
        guard bottom <= WorkbookLimits.rows, right < WorkbookLimits.columns else {
            throw WorkbookProblem("\(source): the merged range \(ref) reaches past row \(WorkbookLimits.rows) or column \(ColumnName.letters(WorkbookLimits.columns - 1)); unmerge it")
        }
        guard let value = rows[top]?[left] else { return }
        for row in top...bottom {
            for column in left...right { rows[row, default: [:]][column] = value }
        }
    }
}
