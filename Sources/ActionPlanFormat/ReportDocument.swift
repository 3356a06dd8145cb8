import ActionPlanModel

/// A quarter's report laid out once, as headings, paragraphs and tables of plain text, so that
/// the HTML and Markdown renderers show the same sections and differ only in markup.
///
/// Text here is as the plan and notes give it; each renderer makes it safe for its format.
struct ReportDocument {
    let title: String
    /// Under the title: the partnership, the quarter and its dates.
    let subtitle: [String]
    /// The one line that differs between runs, kept on a line of its own.
    let generated: String
    /// The journal's head as read, on a line of its own after `generated`: see `ReportHead`.
    let journalHead: String
    let sections: [Section]
    let summary: Summary

    /// A part of the report, under its own heading.
    struct Section {
        let id: String
        let title: String
        /// Starts on a fresh printed page.
        var newPage = false
        let blocks: [Block]
    }

    enum Block {
        case paragraph(String)
        /// A heading within a section: level 3 or 4; `newPage` starts it on a fresh printed page.
        case heading(String, level: Int, newPage: Bool = false)
        case table(Table)
        /// The summary as a stacked bar per pillar (HTML only: the table beside it has the counts).
        case bars
        /// The key to the RAG letters and the direction arrows.
        case key
    }

    /// A table whose first column names its row.
    struct Table {
        let columns: [String]
        let rows: [[Cell]]

        /// Each column's share of the width, by what it holds: on paper a date or an id must
        /// not be squeezed to a letter a line while the output's text takes the rest.
        var weights: [Int] {
            columns.map { title in
                switch title {
                case "ID": 4
                case "RAG", "Was", "Now", "Status", "Note by", "Live": 6
                case "Deadline", "Note date": 8
                case "Output": 22
                case "Latest note": 20
                case "Reason", "Pillar": 16
                default: 9
                }
            }
        }
    }

    enum Cell {
        case text(String)
        /// A count, aligned as numbers are.
        case number(String)
        /// A RAG letter, with the direction of travel beside it when there is one.
        case rating(Rating, Direction?)
    }
}
