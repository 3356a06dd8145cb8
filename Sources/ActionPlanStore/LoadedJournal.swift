import ActionPlanModel
import Foundation

/// A journal as read: its valid records, every problem with a line number, and where reading
/// stopped, so that the next read starts there.
///
/// Made in one place, its initialiser: reading (`JournalFile`) fills it line by line, and what
/// else needs one derives it from one already read (`appending`, `holding`), so that no caller
/// assembles the reading state field by field.
public struct LoadedJournal: Sendable, Codable {
    public let path: String
    public let journal: Journal
    public let problems: [Diagnostic]
    /// How many more lines had problems than `problems` lists.
    public let unlistedProblems: Int
    /// The first line whose record does not follow from the line before it.
    public let chainBreak: Int?
    /// The length of a cut-off last line, 0 when the journal ends cleanly.
    public let tornBytes: Int
    /// The hash the next record's `prev` must hold.
    let lastHash: String
    /// How many complete lines it has.
    let lines: Int
    /// Where the last of them starts: with `lastHash`, what shows that the file still holds them.
    let lastLineStart: Int
    /// How many bytes of the file those lines take: where reading resumes.
    public let length: Int
    /// Whether there was a file to read.
    public let presence: Presence

    /// Whether a journal's file was there to be read.
    public enum Presence: Sendable, Codable {
        case present
        /// Nothing has been recorded yet: no file.
        case missing
        /// Something is there that is not a regular file, or cannot be opened: its problem says which.
        case unreadable
    }

    /// A journal read up to `length` bytes; with only a path, an empty one, nothing read yet.
    init(path: String, journal: Journal = Journal(), problems: [Diagnostic] = [], unlistedProblems: Int = 0, chainBreak: Int? = nil,
         tornBytes: Int = 0, lastHash: String = JournalFile.genesis, lines: Int = 0, lastLineStart: Int = 0, length: Int = 0,
         presence: Presence = .present) {
        self.path = path
        self.journal = journal
        self.problems = problems
        self.unlistedProblems = unlistedProblems
        self.chainBreak = chainBreak
        self.tornBytes = tornBytes
        self.lastHash = lastHash
        self.lines = lines
        self.lastLineStart = lastLineStart
        self.length = length
        self.presence = presence
    }

    /// What a writer knows once it has appended `entry` as line `line`, speaking for `effective` (its `bytes`, without the
    /// newline) to this journal, with any cut-off last line set aside: it need not read it again.
    func appending(_ entry: Entry, line: Int, at: Timestamp, by: String, effective: Day?, bytes: some DataProtocol) -> LoadedJournal {
        var journal = journal
        journal.append(entry, line: line, at: at, by: by, effective: effective)
        return LoadedJournal(path: path, journal: journal, problems: problems.filter { $0.severity == .error },
                      unlistedProblems: unlistedProblems, chainBreak: chainBreak, lastHash: JournalFile.hash(bytes), lines: lines + 1,
                      lastLineStart: length, length: length + bytes.count + 1)
    }
}

extension LoadedJournal {
    /// A warning for each id records were written under that `plan` no longer has: the output
    /// was removed from the plan file without `retired:` or `was:`. The records are kept (`history`
    /// shows them); the warning says how to put them back in their place.
    public func unplacedWarnings(in plan: Plan) -> [Diagnostic] {
        journal.unplaced(in: plan).map { unplaced in
            let count = unplaced.lines.count
            let lines = unplaced.lines.prefix(5).map(String.init).joined(separator: ", ") + (count > 5 ? ", …" : "")
            let place = SourceLocation(file: path, line: unplaced.lines.first ?? 1, column: 1)
            let held = "\(count) record\(count == 1 ? " is" : "s are") about it (line\(count == 1 ? "" : "s") \(lines))"
            switch unplaced.kind {
            case .output:
                return Diagnostic(.warning, at: place,
                    "output '\(unplaced.id)' is not in the plan, but \(held); its history is kept ('actionplan history \(unplaced.id)'). "
                    + "In the plan file, keep the output with 'retired: {on: DATE, reason: TEXT}', or write 'was: \"\(unplaced.id)\"' under the output it became")
            case .indicator:
                return Diagnostic(.warning, at: place,
                    "indicator '\(unplaced.id)' is not in the plan, but \(held); its figures are kept in the journal. "
                    + "Put it back under 'indicators:' (with the same id) to show and report them")
            }
        }
    }
}
