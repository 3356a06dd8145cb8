import ActionPlanModel

/// One output as `list` reports it in CSV and JSON: the same columns, in the same order.
public struct ListRecord: Encodable, Sendable {
    public let id: String
    public let pillar: String
    /// The objective's id.
    public let objective: String
    /// The output's text.
    public let output: String
    public let lead: [String]
    /// As written in the plan.
    public let due: String
    /// `YYYY-MM-DD`, or nil when there is none.
    public let deadline: String?
    public let status: String?
    public let rag: String
    public let flags: [String]

    public init(_ row: Row) {
        let output = row.output
        id = output.id
        pillar = row.entry.pillar
        objective = row.entry.objectiveID
        self.output = output.text
        lead = output.leads
        due = output.due.written
        deadline = output.due.deadline?.description
        status = output.status?.rawValue
        rag = row.assessment.rating.rag.rawValue
        flags = row.assessment.flags.map(\.rawValue)
    }

    /// The column names, as CSV's header row.
    public static let columns = ["id", "pillar", "objective", "output", "lead", "due", "deadline", "status", "rag", "flags"]

    /// The values in column order; joint leads and several flags are joined with "; ".
    public var fields: [String] {
        [id, pillar, objective, output, lead.joined(separator: "; "), due, deadline ?? "", status ?? "", rag,
         flags.joined(separator: "; ")]
    }
}
