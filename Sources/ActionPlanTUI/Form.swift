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

        /// What a field takes: a choice stepped with keys, typed text, or a name picked from a
        /// list by typing part of it.
        public enum Kind: Hashable, Sendable {
            case choice, text, pick
        }

        public var kind: Kind {
            switch self {
            case .status: .choice
            case .lead: .pick
            default: .text
            }
        }

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
    /// The fields whose value is picked from a list (the lead, from the register).
    public var pickers: [Field: Picker] = [:]
    /// Set after a conflict: submitting again records the update anyway.
    public var knowingly = false
    /// Why the last submit was refused.
    public var message: String?
    /// What this account may not do here, said before typing starts (fields it may not fill are left off).
    public var notice: String?
    /// Set by Esc with something typed: a second Esc discards it, any other key keeps the form.
    public var confirmingDiscard = false
    /// What the fields held when the form opened, to tell whether anything was typed since.
    private let opened: [Field: String]
    private let openedStatus: Status?

    /// `texts` fills text fields from the start (an indicator's period due); the others start
    /// empty; a field picked from a list offers `choices`.
    init(subject: Subject, title: String, fields: [Field], status: Status? = nil, texts: [Field: String] = [:], choices: [Picker.Choice] = []) {
        var typed: [Field: TextField] = [:]
        var picked: [Field: Picker] = [:]
        for field in fields {
            switch field.kind {
            case .choice: break
            case .text: typed[field] = TextField(texts[field] ?? "")
            case .pick: picked[field] = Picker(choices)
            }
        }
        self.subject = subject
        self.title = title
        self.fields = fields
        self.status = status
        self.texts = typed
        pickers = picked
        opened = typed.mapValues(\.text)
        openedStatus = status
    }

    /// Whether anything was typed, picked or changed since the form opened.
    public var hasInput: Bool {
        status != openedStatus || texts.mapValues(\.text) != opened || pickers.values.contains { !$0.query.text.isEmpty || $0.picked != nil }
    }

    /// A picked field whose typed text finds nothing, and that text: it would record nothing.
    var unpicked: (field: Field, text: String)? {
        for field in fields {
            guard let picker = pickers[field], picker.picked == nil else { continue }
            let typed = picker.query.text.trimmingCharacters(in: .whitespaces)
            if !typed.isEmpty { return (field, typed) }
        }
        return nil
    }

    /// The output it is about; nil for an indicator's figure.
    public var outputID: String? { if case .output(let id, _) = subject { id } else { nil } }

    var focused: Field { fields[focus] }

    /// Changes the picker of the focused field; nothing when it has none.
    mutating func changePicker(_ change: (inout Picker) -> Void) {
        guard var picker = pickers[focused] else { return }
        change(&picker)
        pickers[focused] = picker
    }

    /// The trimmed text of `field`; nil when it is empty or not on the form.
    func text(_ field: Field) -> String? {
        let value = texts[field]?.text.trimmingCharacters(in: .whitespaces) ?? ""
        return value.isEmpty ? nil : value
    }

    /// The change an output's form asks for; the status only when it was changed.
    func change(outputID: String, from current: Status?) -> Change {
        let lead = pickers[.lead]?.picked?.value.map { [$0] }
        return Change(outputID: outputID, status: status == current ? nil : status, note: text(.note),
                      due: text(.due), reason: text(.reason), lead: lead)
    }

    /// How a refusal names the fields to fill in: by their labels, not the command line's options.
    public static let wording = Change.Wording.form(note: Field.note.label, due: Field.due.label, reason: Field.reason.label)

    /// Moves the status choice one step through the statuses.
    mutating func cycleStatus(by step: Int) {
        let all = Status.allCases
        let index = status.flatMap { all.firstIndex(of: $0) } ?? -1
        status = all[((index + step) % all.count + all.count) % all.count]
    }
}
