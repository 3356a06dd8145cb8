import ActionPlanModel

/// A quarter's report as CSV: one row per output, in plan order, with the `list` columns and the
/// latest note; RFC 4180 and UTF-8 through the same writer as `list --format csv`.
public enum ReportCSV {
    /// Starts with a UTF-8 byte order mark: without it Excel reads a double-clicked CSV in the
    /// machine's legacy code page and garbles £, é and curly quotes. LibreOffice and CSV readers
    /// take it as the mark it is.
    public static func render(_ report: QuarterReport) -> String {
        "\u{FEFF}" + DataText.csv(header: ReportRecord.columns, rows: report.rows.map { ReportRecord($0).fields })
    }
}
