/// What an officer asks to change about one output: a status, a note, a revised deadline, a lead.
///
/// The CLI and the TUI build one of these and hand it to the same write path.
public struct Change: Hashable, Sendable, Codable {
    public var outputID: String
    public var status: Status?
    public var note: String?
    /// A revised deadline, as written (any form `due` accepts), with its reason.
    public var due: String?
    public var reason: String?
    /// A new lead, or joint leads.
    public var lead: [String]?

    public init(outputID: String, status: Status? = nil, note: String? = nil, due: String? = nil,
                reason: String? = nil, lead: [String]? = nil) {
        self.outputID = outputID
        self.status = status
        self.note = note
        self.due = due
        self.reason = reason
        self.lead = lead
    }

    /// True when it asks for nothing.
    public var isEmpty: Bool {
        status == nil && note == nil && due == nil && lead == nil
    }

    /// Changes the deadline or who leads: a chair's or coordinator's decision.
    public var isStructural: Bool {
        due != nil || lead != nil
    }

    /// Whether somebody else's newer record can make it wrong: a status, date or lead is decided
    /// from what the writer saw, while a note only adds to the history and never conflicts.
    public var canConflict: Bool {
        status != nil || isStructural
    }

    /// How a problem names what to give: the command line's options, or a form's fields.
    public struct Wording: Sendable {
        let status: @Sendable (Status) -> String
        let note: String
        let reason: String
        let dueWithReason: String

        /// `at-risk`, `--note TEXT`: as the command line takes them.
        public static let commandLine = Wording(status: \.rawValue, note: "--note TEXT", reason: "--reason TEXT", dueWithReason: "--due DATE --reason TEXT")

        /// `at risk`, and what to fill in on a form, its fields named by their labels.
        public static func form(note: String, due: String, reason: String) -> Wording {
            Wording(status: \.words, note: "type it under \(note)", reason: "type it under \(reason)", dueWithReason: "fill in \(due) too, or clear \(reason)")
        }
    }

    /// Why the change cannot be recorded as it stands, or nil; `calendar` reads a revised date,
    /// and `wording` names what to give as the user gives it.
    public func problem(calendar: ReportingCalendar, wording: Wording = .commandLine) -> String? {
        var dues = DueReader(calendar: calendar)
        return problem(reading: &dues, wording: wording)
    }

    /// `problem(calendar:wording:)`, reading a revised date with `dues`.
    public func problem(reading dues: inout DueReader, wording: Wording = .commandLine) -> String? {
        problem(wording: wording) { dues.parse($0) }
    }

    /// Why the change cannot be recorded when its revised date reads as `readDue` reads it; only
    /// whether it reads, and as a date or 'Ongoing', matters, so a reader that does not know the
    /// calendar yet may assume that it does.
    public func problem(wording: Wording = .commandLine, readingDue readDue: (String) -> Result<Due, DueProblem>) -> String? {
        if isEmpty {
            return "nothing to record: give a status, a note, a revised date with its reason, or a lead"
        }
        if let status, [.atRisk, .offTrack, .dropped].contains(status), (note ?? "").isEmpty {
            return "a status of \(wording.status(status)) needs a progress note saying why (\(wording.note))"
        }
        if let due {
            switch readDue(due) {
            case .failure(let problem): return problem.message(writtenIn: .commandLine)
            case .success(let parsed) where parsed.meaning == .undated: return "a revised date must be a date or 'Ongoing', not '\(due)'"
            case .success: if (reason ?? "").isEmpty { return "a revised date needs its reason (\(wording.reason)), which the report shows beside it" }
            }
        } else if reason != nil {
            return "a reason goes with a revised date (\(wording.dueWithReason))"
        }
        if let lead, lead.isEmpty || lead.contains(where: \.isEmpty) {
            return "a lead must name an agency"
        }
        return nil
    }

    /// What it asks for, in a few words: `status at-risk; due April 2016 (staff shortage); lead Police`.
    public var summary: String { summary(wording: .commandLine) }

    /// What it asks for, its status worded as `wording` words statuses (`status at risk`).
    public func summary(wording: Wording) -> String {
        var parts: [String] = []
        if let status { parts.append("status \(wording.status(status))") }
        if let due { parts.append("due \(due)" + (reason.map { " (\($0))" } ?? "")) }
        if let lead { parts.append("lead \(LeadText.text(lead, none: ""))") }
        if let note { parts.append("note: \(note)") }
        return parts.joined(separator: "; ")
    }
}
