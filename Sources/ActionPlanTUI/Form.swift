import ActionPlanModel
import Foundation

/// A form: for an output, a status to choose, a note to type, and for the chair a revised date
/// with its reason or a lead; for an indicator, a figure with its period, area and note. Nothing
/// is recorded until it is submitted.
public struct Form: Hashable, Sendable {
    /// What the form records about.
    public enum Subject: Hashable, Sendable {
        /// An output, as it was when the form opened: `seen` is the journal line of its latest record.
        case output(id: String, seen: Int)
        /// An indicator: the form records a figure for it.
        case indicator(id: String)
    }

    public enum Field: String, Hashable, Sendable {
        case status, note, due, reason, lead
        case period, value, area, figureNote

        /// What a field takes: a choice stepped with keys, or typed text.
        public enum Kind: Hashable, Sendable {
            case choice, text
        }

        public var kind: Kind { self == .status ? .choice : .text }

        var label: String {
            switch self {
            case .status: "Status"
            case .note: "Progress note"
            case .due: "Revised date"
            case .reason: "Reason"
            case .lead: "Lead agency"
            case .period: "Period"
            case .value: "Value"
            case .area: "Area"
            case .figureNote: "Note"
            }
        }
    }

    public let subject: Subject
    public let title: String
    public let fields: [Field]
    public var focus = 0
    public var status: Status?
    public var texts: [Field: TextField] = [:]
    /// Set after a conflict: submitting again records the update anyway.
    public var knowingly = false
    /// Why the last submit was refused.
    public var message: String?

    /// `texts` fills text fields from the start (an indicator's period due); the others start empty.
    init(subject: Subject, title: String, fields: [Field], status: Status? = nil, texts: [Field: String] = [:]) {
        self.subject = subject
        self.title = title
        self.fields = fields
        self.status = status
        for field in fields where field != .status { self.texts[field] = TextField(texts[field] ?? "") }
    }

    /// The output it is about; nil for an indicator's figure.
    public var outputID: String? { if case .output(let id, _) = subject { id } else { nil } }

    var focused: Field { fields[focus] }

    /// The trimmed text of `field`; nil when it is empty or not on the form.
    func text(_ field: Field) -> String? {
        let value = texts[field]?.text.trimmingCharacters(in: .whitespaces) ?? ""
        return value.isEmpty ? nil : value
    }

    /// The change an output's form asks for; the status only when it was changed.
    func change(outputID: String, from current: Status?) -> Change {
        let lead = text(.lead).map { $0.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty } }
        return Change(outputID: outputID, status: status == current ? nil : status, note: text(.note),
                      due: text(.due), reason: text(.reason), lead: lead)
    }

    /// How a refusal names the fields to fill in: by their labels, not the command line's options.
    static let wording = Change.Wording.form(note: Field.note.label, due: Field.due.label, reason: Field.reason.label)

    /// Moves the status choice one step through the statuses.
    mutating func cycleStatus(by step: Int) {
        let all = Status.allCases
        let index = status.flatMap { all.firstIndex(of: $0) } ?? -1
        status = all[((index + step) % all.count + all.count) % all.count]
    }
}
