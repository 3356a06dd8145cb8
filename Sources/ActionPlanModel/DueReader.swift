/// Reads completion dates on one reporting calendar, each distinct text once: a plan and its
/// journal write a few distinct dates many times over, and a journal of 100,000 records is
/// checked and folded one record after another, on one core.
public struct DueReader: Sendable {
    public let calendar: ReportingCalendar
    private var read: [String: Result<Due, DueProblem>] = [:]

    public init(calendar: ReportingCalendar) {
        self.calendar = calendar
    }

    /// `Due.parse(text, calendar:)`, from memory when the text was read before.
    public mutating func parse(_ text: String) -> Result<Due, DueProblem> {
        if let known = read[text] { return known }
        let parsed = Due.parse(text, calendar: calendar)
        read[text] = parsed
        return parsed
    }
}
