import ActionPlanModel

/// A quarter's report as CSV: one row per output, in plan order, with the `list` columns, the
/// latest note and, last, the journal's head as read (the same on every row); RFC 4180 and UTF-8
/// through the same writer as `list --format csv`.
public enum ReportCSV {
    /// Starts with a UTF-8 byte order mark: without it Excel reads a double-clicked CSV in the
    /// machine's legacy code page and garbles £, é and curly quotes. LibreOffice and CSV readers
    /// take it as the mark it is.
    public static func render(_ report: QuarterReport) -> String {
        let head = report.generated.journalHead.description
        return "\u{FEFF}" + DataText.csv(header: ReportRecord.columns + [ReportHead.key], rows: report.rows.map { ReportRecord($0).fields + [head] })
    }
}
