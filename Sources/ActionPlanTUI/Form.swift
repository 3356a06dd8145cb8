import ActionPlanModel
import Foundation

/// The update form: a status to choose, a note to type, and for the chair a revised date with its
/// reason or a lead. Nothing is recorded until it is submitted.
public struct Form: Hashable, Sendable {
    public enum Field: String, Hashable, Sendable {
        case status, note, due, reason, lead

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
            }
        }
    }

    public let outputID: String
    public let title: String
    public let fields: [Field]
    public var focus = 0
    public var status: Status?
    public var texts: [Field: TextField] = [:]
    /// The journal line of the output's latest record when the form opened: what it was made from.
    public let seen: Int
    /// Set after a conflict: submitting again records the update anyway.
    public var knowingly = false
    /// Why the last submit was refused.
    public var message: String?

    init(outputID: String, title: String, fields: [Field], status: Status?, seen: Int) {
        self.outputID = outputID
        self.title = title
        self.fields = fields
        self.status = status
        self.seen = seen
        for field in fields where field != .status { texts[field] = TextField() }
    }

    var focused: Field { fields[focus] }

    /// The change the form asks for; the status only when it was changed.
    func change(from current: Status?) -> Change {
        func text(_ field: Field) -> String? {
            let value = texts[field]?.text.trimmingCharacters(in: .whitespaces) ?? ""
            return value.isEmpty ? nil : value
        }
        let lead = text(.lead).map { $0.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty } }
        return Change(outputID: outputID, status: status == current ? nil : status, note: text(.note),
                      due: text(.due), reason: text(.reason), lead: lead)
    }

    /// Moves the status choice one step through the statuses.
    mutating func cycleStatus(by step: Int) {
        let all = Status.allCases
        let index = status.flatMap { all.firstIndex(of: $0) } ?? -1
        status = all[((index + step) % all.count + all.count) % all.count]
    }
}
