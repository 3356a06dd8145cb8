import ActionPlanModel

/// How a history line says when a record was made: the time it was written, and the day it
/// speaks for when that is another (`Record.effective`), so an imported or meeting record never
/// passes for one made on the earlier day.
public enum RecordText {
    /// `2026-12-02 09:14 UTC`, or `2026-12-02 09:14 UTC for 31 March 2016`.
    public static func when(_ record: Record) -> String {
        record.at.readable + (record.effective.map { " for " + ReportDocument.date($0) } ?? "")
    }
}
