/// How a list of lead agencies reads in text, the one place that joins them: `Police; C&F`.
public enum LeadText {
    /// Between joint leads, in text and in CSV and JSON values alike.
    public static let separator = "; "

    /// `agencies` joined with `separator`, or `none` when there are none: "none" where a reader
    /// must see that nobody leads it, "" in a table cell, "no agency" for somebody's own agencies.
    public static func text(_ agencies: [String], none: String = "none") -> String {
        // Most outputs have one lead, and joining a list of one still builds a new string.
        guard agencies.count > 1 else { return agencies.first ?? none }
        return agencies.joined(separator: separator)
    }
}
