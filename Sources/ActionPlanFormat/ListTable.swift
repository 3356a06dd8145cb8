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
        tableCell(row, leads: leads).text
    }

    /// `cell(_:leads:)` measured. Text the tool writes itself in printable ASCII (RAG letters,
    /// dates, statuses, flags) is a plain cell, as wide as it is long; the rest is made safe.
    ///
    /// It reads the output through `row.entry`, not `row.output`, a computed property from
    /// another module, which may hand back a copy of the whole output.
    func tableCell(_ row: Row, leads: [String]?) -> TableCell {
        switch self {
        case .id: return TableCell(row.entry.output.id)
        case .rag: return TableCell(plain: row.assessment.rating.symbol)
        case .output: return TableCell(row.entry.output.text)
        case .lead: return TableCell(LeadText.text(leads ?? row.entry.output.leads, none: ""))
        case .due: return TableCell(DueText.short(row.entry.output))
        case .deadline: return TableCell(plain: DueText.deadline(row.assessment) ?? "")
        case .status: return TableCell(plain: row.entry.output.status?.rawValue ?? "")
        case .updated: return TableCell(plain: row.entry.output.lastUpdate.map(\.description) ?? "")
        // A retired output calls for nothing: where its flags would be, when and why it left.
        case .flags:
            if let retired = row.retired { return TableCell("retired \(retired.on): \(retired.reason)") }
            let bits = row.assessment.flags.reduce(0) { $0 | 1 << (Flag.allCases.firstIndex(of: $1) ?? 0) }
            return TableCell(plain: Self.flagTexts.indices.contains(bits) ? Self.flagTexts[bits] : "")
        }
    }

    /// Each set of flags as the list shows it, by the set's bits in `Flag.allCases` order, the
    /// order an assessment gives them in: a long list has a handful of sets in thousands of
    /// rows, and joining each row's cost more than the rest of its cells.
    private static let flagTexts: [String] = (0..<1 << Flag.allCases.count).map { bits in
        Flag.allCases.indices.filter { bits >> $0 & 1 == 1 }.map { Flag.allCases[$0].rawValue }.joined(separator: " ")
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
            cells.append(column.kind.tableCell(row, leads: leads))
        }
    }

    /// Where `kind` sits in the table, if it is one of its columns.
    public func index(of kind: ListColumn) -> Int? {
        columns.firstIndex { $0.kind == kind }
    }
}
