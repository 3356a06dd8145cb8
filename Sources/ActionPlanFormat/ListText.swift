import ActionPlanModel

/// The `list` table: outputs under their pillar, with lead, due date, deadline, status, RAG and flags.
public enum ListText {
    public static func table(_ rows: [Row], plan: Plan, asOf day: Day, width: Int?) -> String {
        let list = ListTable([
            .init(.id, .natural(cap: 10)),
            .init(.rag, .natural(cap: 3)),
            .init(.output, .flexible(minimum: 8)),
            .init(.lead, .natural(cap: 22)),
            .init(.due, .natural(cap: 30)),
            .init(.deadline, .natural(cap: 10), dropRank: 2),
            .init(.status, .natural(cap: 11), dropRank: 1),
            .init(.flags, .natural(cap: 40)),
        ])
        let (header, lines) = list.table.render(rows.map(list.cells), width: width)
        var text: [String] = [TerminalText.safe(plan.title) + " — as of \(day) (\(plan.calendar.quarter(containing: day)))", "", header]
        var pillar: Int?
        for (row, line) in zip(rows, lines) {
            if row.entry.pillarIndex != pillar {
                pillar = row.entry.pillarIndex
                text.append("[\(TerminalText.safe(row.entry.pillar))]")
            }
            text.append(line)
        }
        text.append("")
        text.append("\(rows.count) output\(rows.count == 1 ? "" : "s")")
        text += RAGKey.lines(width: width)
        return text.map { line in width.map { TerminalText.truncate(line, to: $0) } ?? line }.joined(separator: "\n")
    }
}
