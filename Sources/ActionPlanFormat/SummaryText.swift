import ActionPlanModel

/// The `summary` table: per pillar (or per delivery group), counts by RAG and by flag.
public enum SummaryText {
    public static func table(_ summary: Summary, by axis: Summary.Axis = .pillar, plan: Plan, asOf day: Day, width: Int?) -> String {
        let colours = RAG.live
        let flags = Flag.ofOutputs
        let table = Table(columns: [.init(axis == .pillar ? "Pillar" : "Group", .flexible(minimum: 8))]
            + colours.map { .init($0.letter, .natural(cap: 5)) }
            + [.init("Live", .natural(cap: 5)), .init("Done%", .natural(cap: 5))]
            + flags.map { .init($0.rawValue, .natural(cap: 12)) })
        func cells(_ tally: Tally, named name: String) -> [String] {
            [TerminalText.safe(name)] + colours.map { String(tally.count($0)) } + [String(tally.live), tally.percentCompleteText]
                + flags.map { String(tally.count($0)) }
        }
        let cells = summary.tallies(by: axis).map { cells($0, named: $0.name) }
            + [cells(summary.total, named: axis == .pillar ? summary.total.name : "All groups")]
        let (header, lines) = table.render(cells, width: width)
        let text = [TerminalText.safe(plan.title) + " — as of \(day) (\(plan.calendar.quarter(containing: day)))", "", header]
            + lines.dropLast() + [String(repeating: "-", count: TerminalText.width(header)), lines.last ?? "", "",
                                 ] + RAGKey.lines(width: width) + ["Dropped outputs are not live and are not counted."]
        return text.map { line in width.map { TerminalText.truncate(line, to: $0) } ?? line }.joined(separator: "\n")
    }
}
