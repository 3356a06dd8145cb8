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
    /// Where the deadline was revised: the date as the plan first gave it, and who moved it why.
    public let originalDue: String?
    public let originalDeadline: String?
    public let revisedBy: String?
    public let revisionReason: String?
    /// Where it had left the plan by the as-of day: its last day (`YYYY-MM-DD`) and why.
    public let retiredOn: String?
    public let retiredReason: String?
    /// The delivery group that owns it, by its full name.
    public let group: String?
    /// The latest progress note as of the as-of day, who wrote it and when (`YYYY-MM-DDTHH:MM:SSZ`);
    /// a note from the plan file itself has neither.
    public let latestNote: String?
    public let noteBy: String?
    public let noteAt: String?

    public init(_ row: Row) {
        let output = row.output
        id = output.id
        pillar = row.entry.pillar
        objective = row.entry.objectiveID
        self.output = output.text
        lead = output.leads
        due = output.due.written
        deadline = DueText.deadline(row.assessment)
        status = output.status?.rawValue
        rag = row.assessment.rating.rag.rawValue
        flags = row.assessment.flags.map(\.rawValue)
        originalDue = output.revision?.original.written
        originalDeadline = output.revision?.original.deadline?.description
        revisedBy = output.revision?.by
        revisionReason = output.revision?.reason
        retiredOn = row.retired?.on.description
        retiredReason = row.retired?.reason
        group = output.group
        latestNote = output.latestNote?.text
        noteBy = output.latestNote?.by
        noteAt = output.latestNote?.at?.text
    }

    private enum CodingKeys: String, CodingKey {
        case id, pillar, objective, output, lead, due, deadline, status, rag, flags
        case originalDue = "original_due", originalDeadline = "original_deadline", revisedBy = "revised_by"
        case revisionReason = "revision_reason", retiredOn = "retired_on", retiredReason = "retired_reason", group
        case latestNote = "latest_note", noteBy = "note_by", noteAt = "note_at"
    }

    /// Writes every key, with null for a missing deadline or status, so readers see one shape.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(pillar, forKey: .pillar)
        try container.encode(objective, forKey: .objective)
        try container.encode(output, forKey: .output)
        try container.encode(lead, forKey: .lead)
        try container.encode(due, forKey: .due)
        try container.encode(deadline, forKey: .deadline)
        try container.encode(status, forKey: .status)
        try container.encode(rag, forKey: .rag)
        try container.encode(flags, forKey: .flags)
        try container.encode(originalDue, forKey: .originalDue)
        try container.encode(originalDeadline, forKey: .originalDeadline)
        try container.encode(revisedBy, forKey: .revisedBy)
        try container.encode(revisionReason, forKey: .revisionReason)
        try container.encode(retiredOn, forKey: .retiredOn)
        try container.encode(retiredReason, forKey: .retiredReason)
        try container.encode(group, forKey: .group)
        try container.encode(latestNote, forKey: .latestNote)
        try container.encode(noteBy, forKey: .noteBy)
        try container.encode(noteAt, forKey: .noteAt)
    }

    /// The column names, as CSV's header row.
    public static let columns = [
        "id", "pillar", "objective", "output", "lead", "due", "deadline", "status", "rag", "flags",
        "original_due", "original_deadline", "revised_by", "revision_reason", "retired_on", "retired_reason", "group",
        "latest_note", "note_by", "note_at",
    ]

    /// The values in column order; joint leads and several flags are joined with "; ".
    public var fields: [String] {
        [id, pillar, objective, output, LeadText.text(lead, none: ""), due, deadline ?? "", status ?? "", rag,
         flags.joined(separator: "; "), originalDue ?? "", originalDeadline ?? "", revisedBy ?? "", revisionReason ?? "",
         retiredOn ?? "", retiredReason ?? "", group ?? "", latestNote ?? "", noteBy ?? "", noteAt ?? ""]
    }
}
