import ActionPlanModel

/// A quarter's report laid out as a workbook's sheets, from the same `ReportDocument` as the
/// HTML and Markdown: a summary sheet with every section but the full plan, then a sheet per
/// pillar with that pillar's part of the plan. Plain values; the workbook writer makes the file.
public struct ReportSheets: Sendable {
    /// A sheet: its name (a pillar's, or "Summary") and its rows, top first.
    public struct Sheet: Sendable {
        public let name: String
        public internal(set) var rows: [[Cell]]
    }

    /// A cell: text, a heading, or a RAG colour with the letter (and direction) to show in it.
    public enum Cell: Hashable, Sendable {
        case text(String)
        case heading(String)
        case rating(RAG, String)
    }

    public let sheets: [Sheet]

    public init(_ report: QuarterReport) {
        let document = ReportDocument(report)
        var summary = Sheet(name: "Summary", rows: [[.heading(document.title)]] + document.subtitle.map { [.text($0)] }
            + [[.text(document.generated)], [.text(document.journalHead)], []])
        var pillars: [Sheet] = []
        for section in document.sections {
            guard section.id == "plan" else {
                summary.rows += [[.heading(section.title)]] + Self.rows(section.blocks) + [[]]
                continue
            }
            // The plan's pillars each start with a level-3 heading: each is a sheet of its own.
            for block in section.blocks {
                if case .heading(let title, 3, _) = block {
                    pillars.append(Sheet(name: title, rows: [[.heading(title)]]))
                } else if !pillars.isEmpty {
                    pillars[pillars.count - 1].rows += Self.rows([block])
                }
            }
        }
        sheets = [summary] + pillars
    }

    /// The rows `blocks` take: a paragraph or heading a row, a table its header and its rows.
    private static func rows(_ blocks: [ReportDocument.Block]) -> [[Cell]] {
        blocks.flatMap { block -> [[Cell]] in
            switch block {
            case .paragraph(let text): [[.text(text)]]
            case .heading(let text, _, _): [[.heading(text)]]
            case .table(let table): [table.columns.map { .heading($0.title) }] + table.rows.map { $0.map(cell) }
            case .key: RAG.live.map { [.rating($0, $0.letter), .text(RAGKey.meaning(of: $0))] }
            // The summary table and the indicators' table carry what the bars and charts draw.
            case .bars, .charts: []
            }
        }
    }

    private static func cell(_ cell: ReportDocument.Cell) -> Cell {
        switch cell {
        case .text(let text), .number(let text): .text(text)
        case .rating(let rating, let direction): .rating(rating.rag, rating.symbol + (direction.map { " " + $0.symbol } ?? ""))
        case .figure(let rag, let travel): .rating(rag, rag.letter + " " + travel)
        }
    }
}
