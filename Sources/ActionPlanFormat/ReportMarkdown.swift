import ActionPlanModel

/// A quarter's report as Markdown: the same sections as the HTML, readable as plain text and
/// rendered as tables on a code-hosting site.
///
/// Plan and note text is escaped, so it can never become a heading, a link, a table column or
/// raw HTML; control characters are shown as visible codes.
public enum ReportMarkdown {
    public static func render(_ report: QuarterReport) -> String {
        let document = ReportDocument(report)
        var lines = ["# \(escape(document.title))", ""]
        for line in document.subtitle { lines += [escape(line, startingBlock: true), ""] }
        lines += [escape(document.generated, startingBlock: true), "", escape(document.journalHead, startingBlock: true), ""]
        for section in document.sections {
            lines += ["## \(escape(section.title))", ""]
            for block in section.blocks {
                let rendered = render(block)
                if !rendered.isEmpty { lines += rendered + [""] }
            }
        }
        return lines.joined(separator: "\n")
    }

    /// `text` made safe as Markdown inline text: on one line, with every character that could
    /// start markup (emphasis, code, links, HTML, table cells, entities) backslash-escaped. With
    /// `startingBlock` (a paragraph or list item, not a heading or table cell), a start that could
    /// open a heading, list or quote is escaped too.
    public static func escape(_ text: String, startingBlock: Bool = false) -> String {
        let result = TerminalText.replacingScalars(in: TerminalText.safe(text)) { scalar in
            "\\`*_[]<>|&~".unicodeScalars.contains(scalar) ? "\\" + String(scalar) : nil
        }
        guard startingBlock else { return result }
        if let first = result.first, "#-+=".contains(first) {
            return "\\" + result
        }
        // `1. ` or `1) ` would start a numbered list.
        let digits = result.prefix { $0.isASCII && $0.isNumber }
        if !digits.isEmpty, let next = result.dropFirst(digits.count).first, next == "." || next == ")" {
            return digits + "\\" + result.dropFirst(digits.count)
        }
        return result
    }

    private static func render(_ block: ReportDocument.Block) -> [String] {
        switch block {
        case .paragraph(let text):
            return [escape(text, startingBlock: true)]
        case .heading(let text, let level, _):
            return [String(repeating: "#", count: level) + " " + escape(text)]
        case .table(let table):
            return render(table)
        case .bars, .charts:
            // The tables beside them hold the same figures.
            return []
        case .key:
            return (RAGKey.entries + Direction.allCases.map { "\($0.symbol) \($0.meaning)" }).map { "- " + escape($0, startingBlock: true) }
        }
    }

    private static func render(_ table: ReportDocument.Table) -> [String] {
        func line(_ cells: [String]) -> String { "| " + cells.joined(separator: " | ") + " |" }
        let numeric = table.columns.indices.map { column in
            table.rows.allSatisfy { row in
                guard row.indices.contains(column), case .number = row[column] else { return false }
                return true
            }
        }
        return [line(table.columns.map { escape($0.title) }), line(numeric.map { $0 && !table.rows.isEmpty ? "---:" : "---" })]
            + table.rows.map { row in
                line(row.map { cell in
                    switch cell {
                    case .text(let text), .number(let text): escape(text)
                    case .rating(let rating, let direction): escape(rating.symbol + (direction.map { " " + $0.symbol } ?? ""))
                    case .figure(let rag, let travel): escape(rag.letter + " " + travel)
                    }
                })
            }
    }
}
