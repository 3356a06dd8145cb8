import ActionPlanModel

/// Indicators as the terminal shows them: the `indicators` table, their counts by rating for
/// `summary`, and one indicator's figures for `history`.
public enum IndicatorText {
    /// Each standing's latest figure, target, rating, arrows and flags, one a line.
    public static func table(_ standings: [IndicatorStanding], plan: Plan, asOf day: Day, width: Int?) -> String {
        let heading = TerminalText.safe(plan.title) + " — indicators as of \(day)"
        guard !standings.isEmpty else {
            return heading + "\n\nThis plan declares no indicators (see docs/plan-format.md)."
        }
        let table = Table(columns: [
            .init("ID", .natural), .init("Indicator", .flexible(minimum: 12, weight: 4)), .init("Period", .flexible(minimum: 7)),
            .init("Value", .flexible(minimum: 8)), .init("Target", .flexible(minimum: 8), dropRank: 2), .init("RAG", .fixed(3)),
            .init("Previous", .flexible(minimum: 8)), .init("Year ago", .flexible(minimum: 8), dropRank: 1), .init("Flags", .flexible(minimum: 8)),
        ])
        let cells = standings.map { standing -> [String] in
            [TerminalText.safe(standing.indicator.id), TerminalText.safe(FigureText.name(standing)),
                    standing.latest.map { $0.period.description } ?? "none yet", FigureText.latest(standing),
                    FigureText.latestTarget(standing), standing.rating.letter,
                    FigureText.travel(standing.sincePrevious), FigureText.travel(standing.sinceYearBefore),
                    standing.flags.map(\.rawValue).joined(separator: ", ")]
        }
        let (header, rows) = table.render(cells, width: width)
        let text = TerminalText.lines(heading, width: width) + [""] + header + rows.joined() + [""]
            + TerminalText.lines(counts(standings), width: width) + TerminalText.lines(key, width: width)
        return text.joined(separator: "\n")
    }

    /// `Indicators: G 3, A 1, R 2, - 4; missing-figure 2`.
    public static func counts(_ standings: [IndicatorStanding]) -> String {
        let ratings = RAG.figureRatings.map { rag in "\(rag.letter) \(standings.filter { $0.rating == rag }.count)" }
        let missing = standings.filter { $0.flags.contains(.missingFigure) }.count
        return "Indicators: " + ratings.joined(separator: ", ") + "; \(Flag.missingFigure.rawValue) \(missing)"
    }

    /// What the letters, arrows and flag mean.
    public static let key = "Key: " + RAG.figureRatings.map { "\($0.letter) \($0.figureMeaning)" }.joined(separator: "; ")
        + ". Arrows: how the latest figure moved since the period before and the same period a year before (↑ rose, ↓ fell, → same), and whether that is better."
        + " \(Flag.missingFigure.rawValue): \(Flag.missingFigure.label)."

    /// `history ID` for an indicator: what the plan says of it, then every figure recorded, oldest
    /// first, corrections marked by the line that superseded them.
    public static func history(_ indicator: Indicator, records: [FigureRecord], calendar: ReportingCalendar) -> String {
        let target: String
        switch indicator.target {
        case nil: target = "no target"
        case .perYear(let years)?:
            target = "target " + years.keys.sorted().map { "\(calendar.yearLabel(startingIn: $0)) \(FigureText.value(years[$0] ?? 0, unit: indicator.unit))" }.joined(separator: ", ")
        case let other?: target = (indicator.better == .range ? "expected " : "target ") + FigureText.target(other, unit: indicator.unit)
        }
        var lines = [
            "\(TerminalText.safe(indicator.id)) \(TerminalText.safe(indicator.name))",
            "  \(indicator.unit.rawValue), \(indicator.better.rawValue) is better, reported \(indicator.frequency.rawValue), \(target)"
                + (indicator.lead.map { ", supplied by \(TerminalText.safe($0))" } ?? ""),
        ]
        if let source = indicator.source { lines.append("  source: \(TerminalText.safe(source))") }
        if let baseline = indicator.baseline {
            lines.append("  baseline: \(FigureText.value(baseline.value, unit: indicator.unit)) in \(TerminalText.safe(baseline.period))")
        }
        if records.isEmpty { lines.append("  no figures recorded") }
        for (index, record) in records.enumerated() {
            let figure = record.figure
            let later = records[(index + 1)...].first {
                $0.figure.period.lowercased() == figure.period.lowercased() && $0.figure.area?.lowercased() == figure.area?.lowercased()
            }
            lines.append("  line \(record.line)  \(record.at.readable)  \(TerminalText.safe(record.by)): \(TerminalText.safe(figure.period))"
                + (figure.area.map { " \(TerminalText.safe($0))" } ?? "") + " = \(FigureText.value(figure.value, unit: indicator.unit))"
                + (figure.note.map { "; note: \(TerminalText.safe($0))" } ?? "")
                + (later.map { " (superseded by line \($0.line))" } ?? ""))
        }
        return lines.joined(separator: "\n")
    }
}
