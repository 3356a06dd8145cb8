import ActionPlanModel

/// A column of the outputs list: the same title and cell in `actionplan list` and the interface.
public enum ListColumn: Sendable, Equatable {
    case id, rag, output, lead, due, deadline, status, flags, updated

    public var title: String {
        switch self {
        case .id: "ID"
        case .rag: "RAG"
        case .output: "Output"
        case .lead: "Lead"
        case .due: "Due"
        case .deadline: "Deadline"
        case .status: "Status"
        case .flags: "Flags"
        case .updated: "Updated"
        }
    }

    /// What the column shows of `row`, as safe text; `leads`, when given, in place of the
    /// output's leads in their written order.
    public func cell(_ row: Row, leads: [String]? = nil) -> String {
        TerminalText.safe(text(row, leads: leads))
    }

    /// Whether the column shows only text the tool writes itself in printable ASCII (RAG letters,
    /// dates, statuses), which needs no making safe and is as wide as it is long. Flags are not:
    /// a retired output's say why it left.
    var isPlain: Bool {
        switch self {
        case .rag, .deadline, .status, .updated: true
        case .id, .output, .lead, .due, .flags: false
        }
    }

    /// What the column shows of `row`, before it is made safe.
    ///
    /// It reads the output through `row.entry`: taking `row.output` copied the whole output for
    /// every cell of a long list.
    func text(_ row: Row, leads: [String]?) -> String {
        switch self {
        case .id: return row.entry.output.id
        case .rag: return row.assessment.rating.symbol
        case .output: return row.entry.output.text
        case .lead: return LeadText.text(leads ?? row.entry.output.leads, none: "")
        case .due: return DueText.short(row.entry.output)
        case .deadline: return DueText.deadline(row.assessment) ?? ""
        case .status: return row.entry.output.status?.rawValue ?? ""
        case .updated: return row.entry.output.lastUpdate.map(\.description) ?? ""
        // A retired output calls for nothing: where its flags would be, when and why it left.
        case .flags:
            if let retired = row.retired { return "retired \(retired.on): \(retired.reason)" }
            let flags = row.assessment.flags
            // Most rows have one flag or two; a list's worth of arrays joined cost more than the rest of the row.
            guard flags.count > 1 else { return flags.first?.rawValue ?? "" }
            var text = ""
            for flag in flags {
                if !text.isEmpty { text += " " }
                text += flag.rawValue
            }
            return text
        }
    }
}

/// The outputs list as a `Table`: which columns it shows, in order, and how wide each is.
public struct ListTable: Sendable {
    public struct Column: Sendable {
        public let kind: ListColumn
        public let width: Table.Column.Width
        /// See `Table.Column.dropRank`.
        public let dropRank: Int

        public init(_ kind: ListColumn, _ width: Table.Column.Width, dropRank: Int = 0) {
            self.kind = kind
            self.width = width
            self.dropRank = dropRank
        }
    }

    public let columns: [Column]
    public let table: Table

    public init(_ columns: [Column], gap: Int = 2) {
        self.columns = columns
        table = Table(columns: columns.map { Table.Column($0.kind.title, $0.width, dropRank: $0.dropRank) }, gap: gap)
    }

    /// A row's cells, one per column; see `ListColumn.cell(_:leads:)`.
    public func cells(_ row: Row, leads: [String]? = nil) -> [String] {
        columns.map { $0.kind.cell(row, leads: leads) }
    }

    /// A row's cells, one per column, made safe and measured, appended to `cells`: the rows of
    /// `Table.layout(cells:width:)` and `TableLayout.write`.
    public func append(cellsOf row: Row, leads: [String]? = nil, to cells: inout [TableCell]) {
        for column in columns {
            let text = column.kind.text(row, leads: leads)
            cells.append(column.kind.isPlain ? TableCell(plain: text) : TableCell(text))
        }
    }

    /// Where `kind` sits in the table, if it is one of its columns.
    public func index(of kind: ListColumn) -> Int? {
        columns.firstIndex { $0.kind == kind }
    }
}
