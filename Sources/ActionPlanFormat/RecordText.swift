import ActionPlanModel

/// How a history line says when a record was made: the time it was written, and the day it
/// speaks for when that is another (`Record.effective`), so an imported or meeting record never
/// passes for one made on the earlier day.
public enum RecordText {
    /// `2026-12-02 09:14 UTC`, or `2026-12-02 09:14 UTC for 31 March 2016`.
    public static func when(_ record: Record) -> String {
        record.at.readable + (record.effective.map(speaksFor) ?? "")
    }

    /// ` for 31 March 2016`: the day a record speaks for, as history and the TUI's messages say it.
    public static func speaksFor(_ day: Day) -> String {
        " for " + ReportDocument.date(day)
    }
}
