import ActionPlanModel

/// The `list` table: outputs under their pillar, with lead, due date, deadline, status, RAG and flags.
public enum ListText {
    /// The table of `rows`; a joint lead shows the agencies in `leadsFirst` (the one `--lead`
    /// names) before the others, so the agency the list was narrowed to is never hidden.
    public static func table(_ rows: [Row], plan: Plan, asOf day: Day, width: Int?, leadsFirst: [String] = []) -> String {
        String(decoding: bytes(rows, plan: plan, asOf: day, width: width, leadsFirst: leadsFirst), as: UTF8.self)
    }

    /// `table`'s text as UTF-8 bytes, ready to print: every line is appended to one buffer, so a
    /// long list makes no string per line or per row.
    public static func bytes(_ rows: [Row], plan: Plan, asOf day: Day, width: Int?, leadsFirst: [String] = []) -> [UInt8] {
        var cells: [TableCell] = []
        cells.reserveCapacity(rows.count * columns.columns.count)
        for row in rows {
            // Only a list narrowed to some agencies reorders joint leads: asking for every row
            // copied its whole output (3.6 M instructions for 5,287 rows).
            let leads = leadsFirst.isEmpty ? nil : plan.leads(of: row.entry.output, first: leadsFirst)
            columns.append(cellsOf: row, leads: leads, to: &cells)
        }
        let layout = columns.table.layout(cells: cells, width: width)
        var text: [UInt8] = []
        func append(_ lines: [String]) {
            for line in lines {
                text += line.utf8
                text.append(UInt8(ascii: "\n"))
            }
        }
        append(TerminalText.lines(TerminalText.safe(plan.title) + " — as of \(day) (\(plan.calendar.quarter(containing: day)))", width: width))
        append([""])
        layout.writeHeader(into: &text)
        var pillar: Int?
        let count = columns.columns.count
        for place in rows.indices {
            if rows[place].entry.pillarIndex != pillar {
                pillar = rows[place].entry.pillarIndex
                append(TerminalText.lines("[\(TerminalText.safe(rows[place].entry.pillar))]", width: width))
            }
            layout.write(cells[place * count..<(place + 1) * count], into: &text)
        }
        append(["", "\(rows.count) output\(rows.count == 1 ? "" : "s")"])
        append(RAGKey.lines(width: width))
        // The lines are joined by line breaks, as the other tables' text: the last has none.
        if text.last == UInt8(ascii: "\n") { text.removeLast() }
        return text
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
