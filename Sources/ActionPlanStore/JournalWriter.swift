import ActionPlanModel
import Foundation

/// The one write path for every line of a journal, of any kind, used by the CLI and the TUI alike.
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

    /// Appends `change` as `account` to the journal of the plan at `planPath`: `append(_:)` for
    /// an output's change, giving back the record written.
    @discardableResult
    public static func append(
        _ change: Change, planPath: String, plan: Plan, access: Access, account: String,
        basis: Basis, now: Timestamp, effective: Day? = nil, known: LoadedJournal? = nil
    ) throws(WriteRefusal) -> (record: Record, setAside: Int, journal: LoadedJournal) {
        let written = try append(.output(change), planPath: planPath, plan: plan, access: access, account: account, basis: basis, now: now,
                                 effective: effective, known: known)
        return (Record(line: written.line, at: written.at, by: account, change: change, effective: written.effective), written.setAside, written.journal)
    }

    /// Appends `entry`, a line of any kind, as `account` to the journal of the plan at `planPath`.
    /// Given the journal as the caller last read it, only what was appended since is read again.
    /// `effective` is the day a change to an output speaks for, when not today (`Record.effective`):
    /// a day before `now`, never after; today's own day is not written. Returns the line written,
    /// when and for which day, how many bytes of a cut-off last line were set aside, and the
    /// journal as it now stands.
    @discardableResult
    public static func append(
        _ entry: Entry, planPath: String, plan: Plan, access: Access, account: String,
        basis: Basis, now: Timestamp, effective: Day? = nil, known: LoadedJournal? = nil
    ) throws(WriteRefusal) -> (line: Int, at: Timestamp, effective: Day?, setAside: Int, journal: LoadedJournal) {
        let effective = effective == now.day ? nil : effective
        if let effective {
            guard case .output = entry else { throw .invalid("only a change to an output can speak for an earlier day") }
            guard effective < now.day else { throw .invalid("a record cannot speak for \(effective), a day after it is written (\(now.day))") }
        }
        let path = JournalFile.path(forPlan: planPath)
        var opened = SafeFile.openForAppending(path)
        if case .failure(let problem) = opened, problem.isMissing {
            // Check against an empty history first, so that a refused change leaves no file behind.
            try check(entry, against: JournalFile.parse([], path: path, plan: plan), plan: plan, access: access, account: account, basis: basis, now: now)
            opened = SafeFile.openForAppending(path, creating: 0o664)
        }
        let fd: Int32
        switch opened {
        case .success(let file):
            fd = file.fd
            if file.created { SafeFile.syncFolder(of: path) }
        case .failure(let problem):
            throw .failed("cannot open the journal: \(problem.message)")
        }
        defer { close(fd) }
        while flock(fd, LOCK_EX) != 0 {
            guard errno == EINTR else { throw .failed("cannot lock \(path): \(String(cString: strerror(errno)))") }
        }
        defer { flock(fd, LOCK_UN) }

        let start = known.flatMap { $0.path == path ? $0 : nil } ?? LoadedJournal(path: path)
        let loaded = JournalFile.catchUp(start, fd: fd, plan: plan)
        try check(entry, against: loaded, plan: plan, access: access, account: account, basis: basis, now: now)
        let entry = plan.asDeclared(entry)
        let setAside = loaded.tornBytes
        if setAside > 0 { try setAsideTornLine(fd, journal: path, length: setAside) }
        // A clock stepped back (NTP) must not date a record before the one it follows.
        let at = max(now, loaded.latest?.at ?? now)
        let line = loaded.lines + 1
        var bytes = JournalLine(entry, at: at, by: account, effective: effective, prev: loaded.lastHash).encoded()
        bytes.append(UInt8(ascii: "\n"))
        try appendWhole(bytes, to: fd, path: path)
        return (line, at, effective, setAside, loaded.appending(entry, line: line, at: at, by: account, effective: effective, bytes: bytes.dropLast()))
    }

    /// Refuses `entry` unless its kind's rules allow it: each kind is checked against the
    /// journal as it stands under the lock.
    private static func check(
        _ entry: Entry, against loaded: LoadedJournal, plan: Plan, access: Access, account: String, basis: Basis, now: Timestamp
    ) throws(WriteRefusal) {
        switch entry {
        case .output(let change): try check(change, against: loaded, plan: plan, access: access, account: account, basis: basis)
        case .indicator(let figure): try check(figure, plan: plan, access: access, account: account, today: now.day)
        case .digest(let sent): try check(sent, plan: plan, access: access, account: account)
        }
    }

    /// Refuses a digest unless the chair or the coordinator sent it, and it lists outputs of the plan.
    private static func check(_ sent: DigestSent, plan: Plan, access: Access, account: String) throws(WriteRefusal) {
        if let refusal = access.digestRefusal(by: account) { throw .notAllowed(refusal) }
        if let unknown = sent.outputIDs.first(where: { plan.entry($0) == nil }) {
            throw .unknownOutput("no output '\(unknown)' in '\(plan.title)'")
        }
        if sent.outputIDs.isEmpty { throw .invalid("a digest with nothing in it is not sent, so not recorded") }
    }

    /// Refuses a figure unless the indicator exists, `account` may record its figures, and the
    /// figure is one it can have for a period that has begun. A correction never conflicts: it
    /// is a new record that supersedes the old, and history keeps both.
    private static func check(_ figure: Figure, plan: Plan, access: Access, account: String, today: Day) throws(WriteRefusal) {
        guard let indicator = plan.indicator(figure.indicatorID) else {
            throw .unknownOutput(plan.problem(with: figure, today: today) ?? "no indicator '\(figure.indicatorID)'")
        }
        if let refusal = access.refusal(ofFigureFor: indicator, in: plan, by: account) { throw .notAllowed(refusal) }
        if let problem = plan.problem(with: figure, today: today) { throw .invalid(problem) }
    }

    /// Refuses `change` unless the output exists, `account` may make it, it is complete, and
    /// (unless it is only a note) nobody has recorded anything about the output since the writer looked.
    private static func check(
        _ change: Change, against loaded: LoadedJournal, plan: Plan, access: Access, account: String, basis: Basis
    ) throws(WriteRefusal) {
        // Permission follows the output as it now stands: a reassigned lead moves who may update it.
        // Only this output's records are folded: the rest cannot change what may be done to it.
        let history = loaded.journal.history(of: change.outputID, in: plan)
        let current = plan.folded(with: Journal(history), through: .allRecords)
        guard let output = current.entry(change.outputID)?.output else {
            let renumbered = RecordOwners(plan).owner[change.outputID].map { "; it is \($0) now (its 'was:' in the plan): give that id" }
            let hint = renumbered ?? Suggestion.hint(for: change.outputID, among: current.entries.map(\.output.id)) ?? ""
            throw .unknownOutput("no output '\(change.outputID)' in '\(plan.title)'\(hint)")
        }
        if let problem = change.lead?.lazy.compactMap(plan.leadAssignmentProblem).first { throw .unknownOutput(problem) }
        if let refusal = access.refusal(of: change, to: output, in: current, by: account) { throw .notAllowed(refusal) }
        if let problem = change.problem(calendar: plan.calendar) { throw .invalid(problem) }
        if change.canConflict, case .saw(let line) = basis, let newer = history.last, newer.line != line {
            throw .conflict(newer)
        }
    }

    /// Copies a cut-off last line to the side file, made durable, then cuts it from the journal,
    /// so it is kept in one place or the other whenever the writer is stopped. If the journal
    /// cannot be cut (an append-only attribute, say), the copy is taken back, so that a retry
    /// does not copy the same bytes again; the side file is made only when there is a line to
    /// keep, and is never a link or anything but a regular file.
    private static func setAsideTornLine(_ fd: Int32, journal: String, length: Int) throws(WriteRefusal) {
        let size = lseek(fd, 0, SEEK_END)
        var torn = [UInt8](repeating: 0, count: length)
        guard torn.withUnsafeMutableBytes({ pread(fd, $0.baseAddress, length, size - off_t(length)) }) == length else {
            throw .failed("cannot read the cut-off line of \(journal)")
        }
        let sidePath = JournalFile.tornPath(journal)
        let side: (fd: Int32, created: Bool)
        switch SafeFile.openForAppending(sidePath, creating: 0o664) {
        case .success(let opened): side = opened
        case .failure(let problem): throw .failed("cannot set aside the cut-off line of \(journal): \(problem.message)")
        }
        defer { close(side.fd) }
        let sideStart = lseek(side.fd, 0, SEEK_END)
        /// Takes the copy back: the side file as it was, or gone if this writer made it.
        func undo() {
            if side.created {
                unlink(sidePath)
            } else {
                ftruncate(side.fd, sideStart)
                fsync(side.fd)
            }
            SafeFile.syncFolder(of: sidePath)
        }
        guard FileBytes.write(Data(torn + [UInt8(ascii: "\n")]), to: side.fd), fsync(side.fd) == 0 else {
            let reason = String(cString: strerror(errno))
            undo()
            throw .failed("cannot set aside the cut-off line of \(journal): cannot write \(sidePath): \(reason)")
        }
        if side.created { SafeFile.syncFolder(of: sidePath) }
        guard ftruncate(fd, size - off_t(length)) == 0, fsync(fd) == 0 else {
            let reason = String(cString: strerror(errno))
            undo()
            throw .failed("cannot set aside the cut-off line of \(journal): cannot cut it from the journal: \(reason)"
                + (reason == String(cString: strerror(EPERM)) ? " (is the journal append-only? see lsattr)" : ""))
        }
    }

    /// Appends `bytes` (one write unless the kernel splits it), then fsyncs. If that fails part
    /// way (a full disk, an I/O error) the journal is cut back to where it began, so no half
    /// record is left; where it cannot be, the error says so.
    private static func appendWhole(_ bytes: Data, to fd: Int32, path: String) throws(WriteRefusal) {
        let start = lseek(fd, 0, SEEK_END)
        let failure: String
        if !FileBytes.write(bytes, to: fd) {
            failure = "cannot write \(path): \(String(cString: strerror(errno)))"
        } else if fsync(fd) != 0 {
            failure = "cannot flush \(path) to disk: \(String(cString: strerror(errno)))"
        } else {
            return
        }
        guard start >= 0 else { throw .failed(failure) }
        if ftruncate(fd, start) == 0, fsync(fd) == 0 { throw .failed(failure) }
        let reason = String(cString: strerror(errno))
        var info = stat()
        let left = fstat(fd, &info) == 0 ? Int(info.st_size) - Int(start) : bytes.count
        guard left > 0 else { throw .failed(failure) }
        throw .failed("\(failure); and it could not be cut back (\(reason)): "
            + "\(left) bytes of a partial record remain at the end of \(path); readers treat it as cut off")
    }
}

/// Why an update was not written. Nothing was written in every case, except where a `.failed`
/// message says that a partial record could not be cut back.
public enum WriteRefusal: Error, Sendable {
    /// A name that matches nothing in the plan (an output, an indicator, a lead agency), with the nearest that does.
    case unknownOutput(String)
    case notAllowed(String)
    case invalid(String)
    /// Somebody recorded something about the output after the writer looked: this record.
    case conflict(Record)
    case failed(String)

    public var message: String { message(wording: .commandLine) }

    /// What to tell the user, the other person's change said in `wording` (the interface's words
    /// for a status rather than the command line's).
    public func message(wording: Change.Wording) -> String {
        switch self {
        case .unknownOutput(let text), .notAllowed(let text), .invalid(let text), .failed(let text):
            return text
        case .conflict(let newer):
            return "output \(newer.change.outputID) changed since you looked: line \(newer.line), \(newer.at.readable), \(newer.by): "
                + newer.change.summary(wording: wording)
        }
    }
}
