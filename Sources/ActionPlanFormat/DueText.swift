import ActionPlanModel

/// A completion date as people should see it: the revised date never hides the original.
public enum DueText {
    /// `December 2014 (was October 2014; revised by jsmith: post vacant)`, or the date as written.
    public static func describe(_ output: Output) -> String {
        let written = output.due.written.isEmpty ? "none" : output.due.written
        guard let revision = output.revision else { return written }
        let original = revision.original.written.isEmpty ? "none" : revision.original.written
        return "\(written) (was \(original); revised by \(revision.by): \(revision.reason))"
    }

    /// `December 2014 (was October 2014)`: the short form for table cells.
    public static func short(_ output: Output) -> String {
        guard let revision = output.revision else { return output.due.written }
        return "\(output.due.written) (was \(revision.original.written.isEmpty ? "none" : revision.original.written))"
    }
}
