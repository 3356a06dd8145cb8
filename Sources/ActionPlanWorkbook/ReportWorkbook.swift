import ActionPlanFormat
import ActionPlanModel
import Foundation

/// `report --format xlsx`: the report's sheets (`ReportSheets`) as an .xlsx workbook, each RAG
/// cell filled with its colour (the HTML report's) and holding its letter, so the rating never
/// depends on colour alone.
public enum ReportWorkbook {
    public static func render(_ report: QuarterReport) throws -> Data {
        var writer = WorkbookWriter()
        let sheets = ReportSheets(report).sheets
        writer.sheets = sheets.enumerated().map { index, sheet in
            WorkbookWriter.Sheet(name: sheet.name, rows: sheet.rows.map { $0.map(cell) }, widths: index == 0 ? summaryWidths : pillarWidths)
        }
        return try writer.bytes()
    }

    /// Wide enough for a pillar's name in the summary's first column; counts need little.
    private static let summaryWidths = [34, 12, 12, 12, 12, 12, 10, 12, 16]
    /// ID, RAG, output, lead, due, status, latest note, note by, note date.
    private static let pillarWidths = [8, 8, 60, 22, 18, 12, 50, 14, 12]

    private static func cell(_ cell: ReportSheets.Cell) -> WorkbookWriter.Cell {
        switch cell {
        case .text(let text): WorkbookWriter.Cell(text: text)
        case .heading(let text): WorkbookWriter.Cell(text: text, style: .heading)
        case .rating(let rag, let text):
            WorkbookWriter.Cell(text: text, style: colours[rag].map { .filled(fill: $0.fill, text: $0.text) } ?? .plain)
        }
    }

    /// The HTML report's colours as `RRGGBB`.
    private static let colours: [RAG: (fill: String, text: String)] = Dictionary(uniqueKeysWithValues: ReportHTML.colours.map { rag, paint in
        (rag, (hex(paint.fill), hex(paint.text)))
    })

    /// `#fff` or `#1d4f91` as `FFFFFF` or `1D4F91`.
    private static func hex(_ css: String) -> String {
        let digits = css.dropFirst().uppercased()
        return digits.count == 3 ? digits.map { "\($0)\($0)" }.joined() : digits
    }
}
