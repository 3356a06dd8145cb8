import ActionPlanModel
import Foundation

/// A journal as read: how it stands (its problems, where reading stopped, so that the next read
/// starts there) and its records, which a start that found its cache reads only when asked for.
///
/// Made in one place, its initialiser: reading (`JournalFile`) fills it line by line, and what
/// else needs one derives it from one already read (`appending`), so that no caller
/// assembles the reading state field by field.
public struct LoadedJournal: Sendable {
    /// How the journal stands: all a start that found its cache needs, and what the cache keeps.
    let state: JournalState
    let records: Deferred<Journal>
    /// The records these were read on from, and the lines after them, when they are those
    /// followed by these: what a start folds into the plan the cache holds.
    private let continued: (earlier: Deferred<Journal>, later: Journal)?

    /// Every valid line of the journal.
    public var journal: Journal { records.value }

    // How it stands, as `state` holds it.
    public var path: String { state.path }
    public var problems: [Diagnostic] { state.problems }
    public var unlistedProblems: Int { state.unlistedProblems }
    public var chainBreak: Int? { state.chainBreak }
    public var tornBytes: Int { state.tornBytes }
    var lastHash: String { state.lastHash }
    var lines: Int { state.lines }
    var lastLineStart: Int { state.lastLineStart }
    public var length: Int { state.length }
    public var presence: JournalState.Presence { state.presence }
    var latest: (line: Int, at: Timestamp)? { state.latest }
    public var latestDay: Day? { state.latestDay }

    /// A journal read up to `length` bytes; with only a path, an empty one, nothing read yet.
    init(path: String, journal: Journal = Journal(), problems: [Diagnostic] = [], unlistedProblems: Int = 0, chainBreak: Int? = nil,
         tornBytes: Int = 0, lastHash: String = JournalFile.genesis, lines: Int = 0, lastLineStart: Int = 0, length: Int = 0,
         presence: JournalState.Presence = .present) {
        let latest = journal.latest
        self.init(state: JournalState(path: path, problems: problems, unlistedProblems: unlistedProblems, chainBreak: chainBreak,
                                      tornBytes: tornBytes, lastHash: lastHash, lines: lines, lastLineStart: lastLineStart, length: length,
                                      presence: presence, latestLine: latest?.line, latestAt: latest?.at,
                                      latestDay: journal.records.map(\.day).max()),
                  records: Deferred(journal))
    }

    init(state: JournalState, records: Deferred<Journal>) {
        self.state = state
        self.records = records
        continued = nil
    }

    /// Records that are `earlier`'s followed by `later`.
    init(state: JournalState, records: Deferred<Journal>, continuing earlier: Deferred<Journal>, with later: Journal) {
        self.state = state
        self.records = later.count == 0 ? earlier : records
        continued = (earlier, later)
    }

    /// What a writer knows once it has appended `entry` as line `line`, speaking for `effective` (its `bytes`, without the
    /// newline) to this journal, with any cut-off last line set aside: it need not read it again.
    func appending(_ entry: Entry, line: Int, at: Timestamp, by: String, effective: Day?, bytes: some DataProtocol) -> LoadedJournal {
        var added = Journal()
        added.append(entry, line: line, at: at, by: by, effective: effective)
        let day = added.records.first.map(\.day)
        return LoadedJournal(
            state: JournalState(path: self.path, problems: self.problems.filter { $0.severity == .error }, unlistedProblems: self.unlistedProblems,
                                chainBreak: self.chainBreak, tornBytes: 0, lastHash: JournalFile.hash(bytes), lines: self.lines + 1,
                                lastLineStart: self.length, length: self.length + bytes.count + 1, presence: .present,
                                latestLine: line, latestAt: at, latestDay: [self.latestDay, day].compactMap { $0 }.max()),
            records: Deferred(making: { [records, added] in records.value.followed(by: added) }), continuing: records, with: added)
    }

    /// What was appended to the journal since `earlier` was read, when these records are
    /// `earlier`'s followed by them; nil when a line read since broke the chain and so took
    /// `earlier`'s last record out as well.
    func appended(since earlier: LoadedJournal) -> Journal? {
        if earlier.records === records { return Journal() }
        // Nothing was read before: every line is new.
        if earlier.lines == 0 { return journal }
        guard let continued, continued.earlier === earlier.records else { return nil }
        return continued.later
    }
}

/// How a journal stands as read, without its records: what a start needs to show the plan the
/// cache holds folded, and to read on from where it stopped.
public struct JournalState: Sendable, Codable {
    public let path: String
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
    /// The number of the latest valid line of any kind, and when it was made: a line dated
    /// earlier than it was not written by actionplan, and a new one is never dated before it.
    let latestLine: Int?
    let latestAt: Timestamp?
    /// The latest day any change to an output speaks for (`Record.day`): the plan as it stood on
    /// that day or after is the plan folded with every record.
    public let latestDay: Day?

    /// Whether a journal's file was there to be read.
    public enum Presence: Sendable, Codable {
        case present
        /// Nothing has been recorded yet: no file.
        case missing
        /// Something is there that is not a regular file, or cannot be opened: its problem says which.
        case unreadable
    }

    /// The latest valid line and when it was made.
    var latest: (line: Int, at: Timestamp)? {
        guard let latestLine, let latestAt else { return nil }
        return (latestLine, latestAt)
    }
}

extension LoadedJournal {
    /// A warning for each id records were written under that `plan` no longer has: the output
    /// was removed from the plan file without `retired:` or `was:`. The records are kept (`history`
    /// shows them); the warning says how to put them back in their place.
    /// `planPath` is the plan's file, which the command the warning suggests names.
    public func unplacedWarnings(in plan: Plan, at planPath: String) -> [Diagnostic] {
        journal.unplaced(in: plan).map { unplaced in
            let count = unplaced.lines.count
            let lines = unplaced.lines.prefix(5).map(String.init).joined(separator: ", ") + (count > 5 ? ", …" : "")
            let place = SourceLocation(file: path, line: unplaced.lines.first ?? 1, column: 1)
            let held = "\(count) record\(count == 1 ? " is" : "s are") about it (line\(count == 1 ? "" : "s") \(lines))"
            switch unplaced.kind {
            case .output:
                return Diagnostic(.warning, at: place,
                    "output '\(unplaced.id)' is not in the plan, but \(held); its history is kept ('actionplan history \(unplaced.id) --plan \(Shell.quote(planPath))'). "
                    + "In the plan file, keep the output with 'retired: {on: DATE, reason: TEXT}', or write 'was: \"\(unplaced.id)\"' under the output it became")
            case .indicator:
                return Diagnostic(.warning, at: place,
                    "indicator '\(unplaced.id)' is not in the plan, but \(held); its figures are kept in the journal. "
                    + "Put it back under 'indicators:' (with the same id) to show and report them")
            }
        }
    }
}
