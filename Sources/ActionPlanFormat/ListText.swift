import ActionPlanModel

/// The `list` table: outputs under their pillar, with lead, due date, deadline, status, RAG and flags.
public enum ListText {
    /// The table of `rows`; a joint lead shows the agencies in `leadsFirst` (the one `--lead`
    /// names) before the others, so the agency the list was narrowed to is never hidden.
    public static func table(_ rows: [Row], plan: Plan, asOf day: Day, width: Int?, leadsFirst: [String] = []) -> String {
        let cells = rows.map { columns.cells($0, leads: plan.leads(of: $0.output, first: leadsFirst)) }
        let (header, lines) = columns.table.render(cells, width: width)
        var text = TerminalText.lines(TerminalText.safe(plan.title) + " — as of \(day) (\(plan.calendar.quarter(containing: day)))", width: width)
        text += [""] + header
        var pillar: Int?
        for (row, lines) in zip(rows, lines) {
            if row.entry.pillarIndex != pillar {
                pillar = row.entry.pillarIndex
                text += TerminalText.lines("[\(TerminalText.safe(row.entry.pillar))]", width: width)
            }
            text += lines
        }
        text.append("")
        text.append("\(rows.count) output\(rows.count == 1 ? "" : "s")")
        text += RAGKey.lines(width: width)
        return text.joined(separator: "\n")
    }

    /// The list's columns: the output's text takes most of the room a short width leaves, and
    /// every column stays down to 80 columns, its long cells wrapped.
    static let columns = ListTable([
        .init(.id, .natural),
        .init(.rag, .natural),
        .init(.output, .flexible(minimum: 16, weight: 4)),
        .init(.lead, .flexible(minimum: 8)),
        .init(.due, .flexible(minimum: 8)),
        .init(.deadline, .natural, dropRank: 2),
        .init(.status, .flexible(minimum: 7), dropRank: 1),
        .init(.flags, .flexible(minimum: 8)),
    ])
}
