import ActionPlanModel

/// The `summary` table: per pillar, counts by RAG and by flag.
public enum SummaryText {
    public static func table(_ summary: Summary, plan: Plan, asOf day: Day, width: Int?) -> String {
        let colours = RAG.live
        let flags = Flag.ofOutputs
        let table = Table(columns: [.init("Pillar", .flexible(minimum: 8))]
            + colours.map { .init($0.letter, .natural(cap: 5)) }
            + [.init("Live", .natural(cap: 5)), .init("Done%", .natural(cap: 5))]
            + flags.map { .init($0.rawValue, .natural(cap: 12)) })
        let cells = (summary.pillars + [summary.total]).map { tally -> [String] in
            [TerminalText.safe(tally.name)] + colours.map { String(tally.count($0)) }
                + [String(tally.live), tally.percentCompleteText]
                + flags.map { String(tally.count($0)) }
        }
        let (header, lines) = table.render(cells, width: width)
        let text = [TerminalText.safe(plan.title) + " — as of \(day) (\(plan.calendar.quarter(containing: day)))", "", header]
            + lines.dropLast() + [String(repeating: "-", count: TerminalText.width(header)), lines.last ?? "", "",
                                 ] + RAGKey.lines(width: width) + ["Dropped outputs are not live and are not counted."]
        return text.map { line in width.map { TerminalText.truncate(line, to: $0) } ?? line }.joined(separator: "\n")
    }
}
