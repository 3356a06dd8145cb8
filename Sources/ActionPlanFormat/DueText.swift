import ActionPlanModel

/// A completion date as people should see it: the revised date never hides the original.
public enum DueText {
    /// `December 2014 (was October 2014; revised by jsmith: post vacant)`, or the date as written.
    public static func describe(_ output: Output) -> String {
        guard let revision = output.revision else { return written(output.due) }
        return "\(written(output.due)) (was \(written(revision.original)); revised by \(revision.by): \(revision.reason))"
    }

    /// `December 2014 (was October 2014)`: the short form for table cells.
    public static func short(_ output: Output) -> String {
        guard let revision = output.revision else { return output.due.written }
        // Appended, not interpolated: a long list has a revised date in most rows.
        var text = output.due.written
        text += " (was "
        text += written(revision.original)
        text += ")"
        return text
    }

    /// The deadline an assessment worked to, `YYYY-MM-DD`, or nil when it had none: for recurring
    /// work the end of the current period (or of the one it missed), for a milestone met none.
    public static func deadline(_ assessment: Assessment) -> String? {
        assessment.deadline?.description
    }

    /// The date as the plan wrote it, or "none" when it gave none.
    public static func written(_ due: Due) -> String {
        due.written.isEmpty ? "none" : due.written
    }
}
