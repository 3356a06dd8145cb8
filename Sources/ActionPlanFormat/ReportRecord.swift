import ActionPlanModel

/// One output as the report's JSON carries it: the `list` keys (its latest note among them),
/// and how it moved since the previous quarter. The report's CSV has the `list` columns alone.
public struct ReportRecord: Encodable, Sendable {
    public let list: ListRecord
    public let previousRAG: String
    public let direction: String
    public let exceptions: [String]

    public init(_ row: ReportRow) {
        list = ListRecord(row.now)
        previousRAG = row.before.assessment.rating.rag.rawValue
        direction = row.direction.rawValue
        exceptions = row.exceptions.map(\.rawValue)
    }

    private enum CodingKeys: String, CodingKey {
        case previousRAG = "previous_rag", direction, exceptions
    }

    /// The `list` keys and these in one object, with null where a value is missing.
    public func encode(to encoder: any Encoder) throws {
        try list.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(previousRAG, forKey: .previousRAG)
        try container.encode(direction, forKey: .direction)
        try container.encode(exceptions, forKey: .exceptions)
    }
}
