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
        let output = row.output
        let text = switch self {
        case .id: output.id
        case .rag: row.assessment.rating.symbol
        case .output: output.text
        case .lead: LeadText.text(leads ?? output.leads, none: "")
        case .due: DueText.short(output)
        case .deadline: DueText.deadline(row.assessment) ?? ""
        case .status: output.status?.rawValue ?? ""
        // A retired output calls for nothing: where its flags would be, when and why it left.
        case .updated: output.lastUpdate.map(\.description) ?? ""
        case .flags: row.retired.map { "retired \($0.on): \($0.reason)" } ?? row.assessment.flags.map(\.rawValue).joined(separator: " ")
        }
        return TerminalText.safe(text)
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

    /// Where `kind` sits in the table, if it is one of its columns.
    public func index(of kind: ListColumn) -> Int? {
        columns.firstIndex { $0.kind == kind }
    }
}
