import ActionPlanModel

/// How far a deadline slipped, as a board reads it: `3 months later`, `45 days later`.
public enum SlipText {
    public static func text(_ slip: Slip) -> String {
        let (count, unit) = slip.months.map { ($0, "month") } ?? (slip.days, "day")
        guard count != 0 else { return "unchanged" }
        return "\(abs(count)) \(unit)\(abs(count) == 1 ? "" : "s") \(count > 0 ? "later" : "earlier")"
    }
}
