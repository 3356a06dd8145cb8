import ActionPlanModel

/// The `list` table: outputs under their pillar, with lead, due date, deadline, status, RAG and flags.
public enum ListText {
    public static func table(_ rows: [Row], plan: Plan, asOf day: Day, width: Int?) -> String {
        let table = Table(columns: [
            .init(title: "ID", cap: 10),
            .init(title: "RAG", cap: 3),
            .init(title: "Output", cap: 0, flexible: true),
            .init(title: "Lead", cap: 22),
            .init(title: "Due", cap: 30),
            .init(title: "Deadline", cap: 10, dropRank: 2),
            .init(title: "Status", cap: 11, dropRank: 1),
            .init(title: "Flags", cap: 40),
        ])
        let cells = rows.map { row -> [String] in
            let output = row.output
            return [
                output.id, row.assessment.rating.symbol, output.text, output.leads.joined(separator: "; "),
                DueText.short(output), output.due.deadline?.description ?? "", output.status?.rawValue ?? "",
                row.assessment.flags.map(\.rawValue).joined(separator: " "),
            ].map { TerminalText.safe($0) }
        }
        let (header, lines) = table.render(cells, width: width)
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
