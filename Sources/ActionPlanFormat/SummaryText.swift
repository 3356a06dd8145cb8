import ActionPlanModel

/// The `summary` table: per pillar (or per delivery group), counts by RAG and by flag.
public enum SummaryText {
    public static func table(_ summary: Summary, by axis: Summary.Axis = .pillar, plan: Plan, asOf day: Day, width: Int?) -> String {
        let colours = RAG.live
        let flags = Flag.ofOutputs
        // At 80 columns the names wrap and the flags' titles break at their hyphens, so no column is lost.
        let table = Table(columns: [.init(axis == .pillar ? "Pillar" : "Group", .flexible(minimum: 12, weight: 4))]
            + colours.map { .init($0.letter, .natural) }
            + [.init("Live", .natural), .init("Done%", .natural)]
            + flags.map { .init($0.rawValue, .flexible(minimum: 1)) })
        func cells(_ tally: Tally, named name: String) -> [String] {
            [TerminalText.safe(name)] + colours.map { String(tally.count($0)) } + [String(tally.live), tally.percentCompleteText]
                + flags.map { String(tally.count($0)) }
        }
        let cells = summary.tallies(by: axis).map { cells($0, named: $0.name) }
            + [cells(summary.total, named: axis == .pillar ? summary.total.name : "All groups")]
        let (header, rows) = table.render(cells, width: width)
        let rule = String(repeating: "-", count: (header + rows.joined()).map { TerminalText.width($0) }.max() ?? 0)
        let text = TerminalText.lines(TerminalText.safe(plan.title) + " — as of \(day) (\(plan.calendar.quarter(containing: day)))", width: width)
            + [""] + header + rows.dropLast().joined() + [rule] + (rows.last ?? []) + [""]
            + RAGKey.lines(width: width) + TerminalText.lines("Dropped outputs are not live and are not counted.", width: width)
        return text.joined(separator: "\n")
    }
}
