import ActionPlanModel

/// One output as the report's CSV and JSON carry it: the `list` columns, then its latest note
/// with who wrote it when; JSON adds how it moved since the previous quarter.
public struct ReportRecord: Encodable, Sendable {
    public let list: ListRecord
    public let latestNote: String?
    /// Nil for a note from the plan file itself.
    public let noteBy: String?
    public let noteAt: String?
    public let previousRAG: String
    public let direction: String
    public let exceptions: [String]

    public init(_ row: ReportRow) {
        list = ListRecord(row.now)
        latestNote = row.output.latestNote?.text
        noteBy = row.output.latestNote?.by
        noteAt = row.output.latestNote?.at?.text
        previousRAG = row.before.assessment.rating.rag.rawValue
        direction = row.direction.rawValue
        exceptions = row.exceptions.map(\.rawValue)
    }

    /// The CSV columns: `list`'s, then the note's.
    public static let columns = ListRecord.columns + ["latest_note", "note_by", "note_at"]

    /// The values in column order.
    public var fields: [String] {
        list.fields + [latestNote ?? "", noteBy ?? "", noteAt ?? ""]
    }

    private enum CodingKeys: String, CodingKey {
        case latestNote = "latest_note", noteBy = "note_by", noteAt = "note_at", previousRAG = "previous_rag", direction, exceptions
    }

    /// The `list` keys and these in one object, with null where a value is missing.
    public func encode(to encoder: any Encoder) throws {
        try list.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(latestNote, forKey: .latestNote)
        try container.encode(noteBy, forKey: .noteBy)
        try container.encode(noteAt, forKey: .noteAt)
        try container.encode(previousRAG, forKey: .previousRAG)
        try container.encode(direction, forKey: .direction)
        try container.encode(exceptions, forKey: .exceptions)
    }
}
