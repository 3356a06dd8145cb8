import ActionPlanModel

/// A quarter's report as CSV: one row per output, in plan order, with the `list` columns and the
/// latest note, then one row per indicator per period with the indicator columns (each kind of
/// row leaves the other's columns empty), and, last, the journal's head as read (the same on
/// every row); RFC 4180 and UTF-8 through the same writer as `list --format csv`.
public enum ReportCSV {
    /// Starts with a UTF-8 byte order mark: without it Excel reads a double-clicked CSV in the
    /// machine's legacy code page and garbles £, é and curly quotes. LibreOffice and CSV readers
    /// take it as the mark it is.
    public static func render(_ report: QuarterReport) -> String {
        let head = report.generated.journalHead.description
        let outputs = report.rows.map { ReportRecord($0).fields + blank(IndicatorRecord.columns) + [head] }
        let indicators = IndicatorRecord.rows(report.indicators).map { blank(ReportRecord.columns) + $0.fields + [head] }
        return "\u{FEFF}" + DataText.csv(header: ReportRecord.columns + IndicatorRecord.columns + [ReportHead.key], rows: outputs + indicators)
    }

    /// Empty cells for the columns of the other kind of row.
    private static func blank(_ columns: [String]) -> [String] {
        Array(repeating: "", count: columns.count)
    }
}
