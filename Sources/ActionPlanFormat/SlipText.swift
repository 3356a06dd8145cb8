import ActionPlanModel

/// How far a deadline slipped, as a board reads it: `3 months later`, `45 days later`.
public enum SlipText {
    public static func text(_ slip: Slip) -> String {
        let (count, unit) = slip.months.map { ($0, "month") } ?? (slip.days, "day")
        guard count != 0 else { return "unchanged" }
        return "\(abs(count)) \(unit)\(abs(count) == 1 ? "" : "s") \(count > 0 ? "later" : "earlier")"
    }

    /// The slip, and when it is measured across plan years the year and deadline it is measured
    /// from: `5 months later since 2015/16 (January 2016)`.
    public static func text(_ slip: Slip, since origin: OutputOrigin?) -> String {
        text(slip) + (origin.map { " since \($0.yearLabel) (\(DueText.written($0.due)))" } ?? "")
    }
}
