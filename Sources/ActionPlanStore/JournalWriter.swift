import ActionPlanModel
import Foundation

/// The one write path for updates, used by the CLI and the TUI alike.
///
/// Under an exclusive lock on the journal it reads the history as it now is, checks the change
/// against the rules and against what the writer saw, sets aside a cut-off last line, appends one
/// whole record in a single write, and fsyncs before letting go. Nothing is written unless all of
/// that succeeds.
public enum JournalWriter {
    /// What a writer says about the state it changed from.
    public enum Basis: Sendable {
        /// The line of the latest record about the output when the writer looked (0: none).
        case saw(Int)
        /// The writer knows the output has changed since and means to overwrite it.
        case knowingly
    }

    /// Appends `change` as `account` to the journal of the plan at `planPath`. Given the journal
    /// as the caller last read it, only what was appended since is read again.
    /// Returns the record written, how many bytes of a cut-off last line were set aside, and the
    /// journal as it now stands.
    @discardableResult
    public static func append(
        _ change: Change, planPath: String, plan: Plan, access: Access, account: String,
        basis: Basis, now: Timestamp, known: LoadedJournal? = nil
    ) throws(WriteRefusal) -> (record: Record, setAside: Int, journal: LoadedJournal) {
        let path = JournalFile.path(forPlan: planPath)
        var fd = open(path, O_RDWR | O_APPEND | O_CLOEXEC)
        if fd < 0, errno == ENOENT {
            // Check against an empty history first, so that a refused change leaves no file behind.
            try check(change, against: JournalFile.parse([], path: path, plan: plan), plan: plan, access: access, account: account, basis: basis)
            fd = open(path, O_RDWR | O_CREAT | O_APPEND | O_CLOEXEC, 0o664)
        }
        guard fd >= 0 else { throw .failed("cannot open \(path): \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        while flock(fd, LOCK_EX) != 0 {
            guard errno == EINTR else { throw .failed("cannot lock \(path): \(String(cString: strerror(errno)))") }
        }
        defer { flock(fd, LOCK_UN) }

        let start = known.flatMap { $0.path == path ? $0 : nil } ?? LoadedJournal(path: path)
        let loaded = JournalFile.catchUp(start, fd: fd, plan: plan)
        try check(change, against: loaded, plan: plan, access: access, account: account, basis: basis)
        let setAside = loaded.tornBytes
        if setAside > 0 { try setAsideTornLine(fd, journal: path, length: setAside) }
        // A clock stepped back (NTP) must not date a record before the one it follows.
        let record = Record(line: loaded.lines + 1, at: max(now, loaded.journal.records.last?.at ?? now), by: account, change: change)
        var bytes = RecordLine(record, prev: loaded.lastHash).encoded()
        bytes.append(UInt8(ascii: "\n"))
        try write(bytes, to: fd, path: path)
        let after = LoadedJournal(path: path, journal: Journal(loaded.journal.records + [record]), problems: loaded.problems.filter { $0.severity == .error },
                                  chainBreak: loaded.chainBreak, lastHash: JournalFile.hash(bytes.dropLast()), lines: record.line,
                                  lastLineStart: loaded.length, length: loaded.length + bytes.count)
        return (record, setAside, after)
    }

    /// Refuses `change` unless the output exists, `account` may make it, it is complete, and
    /// (unless it is only a note) nobody has recorded anything about the output since the writer looked.
    private static func check(
        _ change: Change, against loaded: LoadedJournal, plan: Plan, access: Access, account: String, basis: Basis
    ) throws(WriteRefusal) {
        // Permission follows the output as it now stands: a reassigned lead moves who may update it.
        // Only this output's records are folded: the rest cannot change what may be done to it.
        let history = loaded.journal.history(of: change.outputID)
        let current = plan.folded(with: Journal(history), through: .last(ofMonth: 12, year: 9999))
        guard let output = current.entry(change.outputID)?.output else {
            let hint = Suggestion.nearest(to: change.outputID, among: current.entries.map(\.output.id)).map { "; did you mean \($0)?" } ?? ""
            throw .unknownOutput("no output '\(change.outputID)' in '\(plan.title)'\(hint)")
        }
        if let refusal = access.refusal(of: change, to: output, in: current, by: account) { throw .notAllowed(refusal) }
        if let problem = change.problem(calendar: plan.calendar) { throw .invalid(problem) }
        if change.canConflict, case .saw(let line) = basis, let newer = history.last, newer.line != line {
            throw .conflict(newer)
        }
    }

    /// Copies a cut-off last line to the side file, made durable, then cuts it from the journal,
    /// so it is kept in one place or the other whenever the writer is stopped.
    private static func setAsideTornLine(_ fd: Int32, journal: String, length: Int) throws(WriteRefusal) {
        let size = lseek(fd, 0, SEEK_END)
        var torn = [UInt8](repeating: 0, count: length)
        guard torn.withUnsafeMutableBytes({ pread(fd, $0.baseAddress, length, size - off_t(length)) }) == length else {
            throw .failed("cannot read the cut-off line of \(journal)")
        }
        let side = open(JournalFile.tornPath(journal), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o664)
        guard side >= 0 else { throw .failed("cannot open \(JournalFile.tornPath(journal)): \(String(cString: strerror(errno)))") }
        defer { close(side) }
        try write(Data(torn + [UInt8(ascii: "\n")]), to: side, path: JournalFile.tornPath(journal))
        guard ftruncate(fd, size - off_t(length)) == 0, fsync(fd) == 0 else {
            throw .failed("cannot set aside the cut-off line of \(journal): \(String(cString: strerror(errno)))")
        }
    }

    /// Writes every byte (a record is one write unless the kernel splits it), then fsyncs.
    private static func write(_ data: Data, to fd: Int32, path: String) throws(WriteRefusal) {
        guard FileBytes.write(data, to: fd) else { throw .failed("cannot write \(path): \(String(cString: strerror(errno)))") }
        guard fsync(fd) == 0 else { throw .failed("cannot flush \(path) to disk: \(String(cString: strerror(errno)))") }
    }
}

/// Why an update was not written. Nothing was written in every case.
public enum WriteRefusal: Error, Sendable {
    case unknownOutput(String)
    case notAllowed(String)
    case invalid(String)
    /// Somebody recorded something about the output after the writer looked: this record.
    case conflict(Record)
    case failed(String)

    public var message: String {
        switch self {
        case .unknownOutput(let text), .notAllowed(let text), .invalid(let text), .failed(let text):
            return text
        case .conflict(let newer):
            return "output \(newer.change.outputID) changed since you looked: line \(newer.line), \(newer.at.readable), \(newer.by): \(newer.summary)"
        }
    }
}
