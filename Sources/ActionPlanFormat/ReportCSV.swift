import ActionPlanModel

/// A quarter's report as CSV: one row per output, in plan order, with the `list` columns and the
/// latest note, then one row per indicator per period with the indicator columns (each kind of
/// row leaves the other's columns empty), and, last, the journal's head as read (the same on
/// every row); RFC 4180 and UTF-8 through the same writer as `list --format csv`.
public enum ReportCSV {
    public static func render(_ report: QuarterReport) -> String {
        let head = report.generated.journalHead.description
        let outputs = report.rows.map { ListRecord($0.now).fields + blank(IndicatorRecord.columns) + [head] }
        let indicators = IndicatorRecord.rows(report.indicators).map { blank(ListRecord.columns) + $0.fields + [head] }
        return DataText.csv(header: ListRecord.columns + IndicatorRecord.columns + [ReportHead.key], rows: outputs + indicators)
    }

    /// Empty cells for the columns of the other kind of row.
    private static func blank(_ columns: [String]) -> [String] {
        Array(repeating: "", count: columns.count)
    }
}
