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
        /// One chart per indicator (HTML only: the table before it has the figures).
        case charts([IndicatorStanding])
    }

    /// A table whose first column names its row.
    struct Table {
        let columns: [Column]
        let rows: [[Cell]]

        /// Each column's share of the width.
        var weights: [Int] { columns.map(\.width.rawValue) }
    }

    /// A table's column: its title, and how wide what it holds needs it to be.
    struct Column {
        let title: String
        let width: Width

        init(_ title: String, _ width: Width) {
            self.title = title
            self.width = width
        }

        /// A column's share of the printed width, by what it holds: on paper a date or an id
        /// must not be squeezed to a letter a line while the output's text takes the rest.
        enum Width: Int {
            /// An output's id.
            case id = 4
            /// A RAG letter, a status, a count or an account.
            case narrow = 6
            /// A day such as `2015-06-30`.
            case date = 8
            /// A lead, a date as written, the flags.
            case medium = 9
            /// A pillar's name, a reason.
            case wide = 16
            /// A note.
            case note = 20
            /// An output's text.
            case text = 22
        }

        static let id = Column("ID", .id)
        static let rag = Column("RAG", .narrow)
        static let output = Column("Output", .text)
        static let lead = Column("Lead", .medium)
        static let due = Column("Due", .medium)
        static let deadline = Column("Deadline", .date)
        static let status = Column("Status", .narrow)
        /// The latest note, who wrote it and on which day.
        static let note = [Column("Latest note", .note), Column("Note by", .narrow), Column("Note date", .date)]
    }

    enum Cell {
        case text(String)
        /// A count, aligned as numbers are.
        case number(String)
        /// A RAG letter, with the direction of travel beside it when there is one.
        case rating(Rating, Direction?)
        /// An indicator's figure's RAG letter, with its direction of travel in words beside it.
        case figure(RAG, String)
    }
}
