import ActionPlanModel

/// The `summary` table: per pillar, counts by RAG and by flag.
public enum SummaryText {
    public static func table(_ summary: Summary, plan: Plan, asOf day: Day, width: Int?) -> String {
        let colours = RAG.live
        let flags = Flag.allCases
        let table = Table(columns: [.init(title: "Pillar", cap: 0, flexible: true)]
            + colours.map { .init(title: $0.letter, cap: 5) }
            + [.init(title: "Live", cap: 5), .init(title: "Done%", cap: 5)]
            + flags.map { .init(title: $0.rawValue, cap: 12) })
        let cells = (summary.pillars + [summary.total]).map { tally -> [String] in
            [TerminalText.safe(tally.name)] + colours.map { String(tally.count($0)) }
                + [String(tally.live), tally.percentComplete.map { "\($0)%" } ?? "–"]
                + flags.map { String(tally.count($0)) }
        }
        let (header, lines) = table.render(cells, width: width)
        let text = [TerminalText.safe(plan.title) + " — as of \(day) (\(plan.calendar.quarter(containing: day)))", "", header]
            + lines.dropLast() + [String(repeating: "-", count: TerminalText.width(header)), lines.last ?? "", "",
                                 ] + RAGKey.lines(width: width) + ["Dropped outputs are not live and are not counted."]
        return text.map { line in width.map { TerminalText.truncate(line, to: $0) } ?? line }.joined(separator: "\n")
    }
}
