/// A figure recorded for an indicator, with the period it names and, when a later record for the
/// same period and area replaced it, that record's line: what a series table shows a row of.
public struct RecordedFigure: Hashable, Sendable {
    public let record: FigureRecord
    /// Nil when the text names none of the indicator's periods.
    public let period: FigurePeriod?
    /// The line of the later record for the same period and area, which stands instead.
    public let supersededBy: Int?
}

extension Indicator {
    /// Its figures among `records` (journal order), oldest period first, the whole before its
    /// areas, then in journal order, each with the record that superseded it, if one did.
    /// Periods are compared as periods, so `April 2015` and `2015-04` are the same month.
    public func recorded(_ records: [FigureRecord], calendar: ReportingCalendar) -> [RecordedFigure] {
        struct Slot: Hashable {
            let period: FigurePeriod?
            let area: String
        }
        let mine = records.filter { $0.figure.indicatorID.lowercased() == id.lowercased() }
        let slots = mine.map { record in
            Slot(period: try? FigurePeriod.parse(record.figure.period, frequency: frequency, calendar: calendar).get(),
                 area: record.figure.area?.lowercased() ?? "")
        }
        var latest: [Slot: Int] = [:]
        for (record, slot) in zip(mine, slots) { latest[slot] = record.line }
        let figures = zip(mine, slots).map { record, slot in
            RecordedFigure(record: record, period: slot.period, supersededBy: latest[slot].flatMap { $0 == record.line ? nil : $0 })
        }
        // A period that names none sorts last, where it is easiest to find and correct.
        let end = Day.last(ofMonth: 12, year: 9999)
        return figures.sorted { left, right in
            (left.period?.period.first ?? end, left.record.figure.area?.lowercased() ?? "", left.record.line)
                < (right.period?.period.first ?? end, right.record.figure.area?.lowercased() ?? "", right.record.line)
        }
    }
}
