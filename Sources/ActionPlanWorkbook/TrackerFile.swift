import ActionPlanModel
import ActionPlanStore
import CSV
import Foundation

/// A tracker file on disk, .xlsx or .csv, read through `SafeFile` into a `TrackerTable` within
/// `WorkbookLimits`.
public enum TrackerFile {
    /// The table of the tracker at `path`: of a workbook, the sheet `sheet`, or else the first
    /// sheet with a header row that `mappings` and the known headers find; the workbook's sheet
    /// names come back too, to say which was read.
    public static func read(path: String, sheet: String?, mappings: [TrackerColumns.Mapping]) -> Result<(table: TrackerTable, sheets: [String]), WorkbookProblem> {
        Result { () throws(WorkbookProblem) in
            let bytes = try contents(path)
            let lower = path.lowercased()
            if lower.hasSuffix(".csv") {
                if let sheet { throw WorkbookProblem("--sheet \(sheet): \(path) is a CSV file, which has no sheets") }
                return (try csv(bytes, file: path), [])
            }
            guard lower.hasSuffix(".xlsx") else {
                throw WorkbookProblem("\(path): give an .xlsx workbook or a .csv file (an old .xls or .ods: save it as .xlsx first)")
            }
            var workbook = try XLSXReader.open(bytes, file: path)
            let names = workbook.sheets.map(\.name)
            if let sheet {
                guard let found = workbook.sheets.first(where: { $0.name == sheet }) ?? workbook.sheets.first(where: { $0.name.lowercased() == sheet.lowercased() }) else {
                    let hint = Suggestion.nearest(to: sheet, among: names).map { "; did you mean '\($0)'?" } ?? ""
                    throw WorkbookProblem("--sheet \(sheet): \(path) has no such sheet (it has \(names.map { "'\($0)'" }.joined(separator: ", ")))\(hint)")
                }
                return (try workbook.table(found.name, path: found.path), names)
            }
            guard let first = workbook.sheets.first else { throw WorkbookProblem("\(path): the workbook has no sheets") }
            for candidate in workbook.sheets {
                let table = try workbook.table(candidate.name, path: candidate.path)
                if case .success = TrackerColumns.find(in: table, mappings: mappings) { return (table, names) }
            }
            return (try workbook.table(first.name, path: first.path), names)
        }
    }

    /// The file's bytes, refused past `WorkbookLimits.fileBytes`.
    private static func contents(_ path: String) throws(WorkbookProblem) -> [UInt8] {
        var info = stat()
        if lstat(path, &info) == 0, Int(info.st_size) > WorkbookLimits.fileBytes {
            throw WorkbookProblem("\(path): \(info.st_size) bytes, more than the \(WorkbookLimits.fileBytes >> 20) MiB a tracker may be; copy its actions to a new file")
        }
        switch SafeFile.read(path) {
        case .success(let bytes):
            guard bytes.count <= WorkbookLimits.fileBytes else { throw WorkbookProblem("\(path): more than the \(WorkbookLimits.fileBytes >> 20) MiB a tracker may be") }
            return bytes
        case .failure(let problem): throw WorkbookProblem(problem.message)
        }
    }

    /// A CSV tracker (UTF-8, with or without a byte order mark); rows numbered as a spreadsheet
    /// opening it numbers them.
    static func csv(_ bytes: [UInt8], file: String) throws(WorkbookProblem) -> TrackerTable {
        guard var text = String(validating: bytes, as: UTF8.self) else {
            throw WorkbookProblem("\(file): not UTF-8 text; save it from the spreadsheet as 'CSV UTF-8'")
        }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        let reader: CSVReader
        do {
            reader = try CSVReader(string: text, hasHeaderRow: false)
        } catch {
            throw WorkbookProblem("\(file): not CSV (\(error))")
        }
        var rows: [TrackerRow] = []
        var number = 0
        while let cells = reader.next() {
            number += 1
            guard number <= WorkbookLimits.rows, cells.count <= WorkbookLimits.columns else {
                throw WorkbookProblem("\(file), row \(number): past \(WorkbookLimits.rows) rows or \(WorkbookLimits.columns) columns; a tracker is smaller")
            }
            let row = TrackerRow(number: number, cells: cells)
            if !row.isBlank { rows.append(row) }
        }
        if let error = reader.error {
            throw WorkbookProblem("\(file), row \(number + 1): not CSV (\(error)); check its quotes")
        }
        return TrackerTable(source: file, rows: rows)
    }
}
