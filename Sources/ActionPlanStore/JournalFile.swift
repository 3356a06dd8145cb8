import ActionPlanModel
import Foundation

/// A plan's journal on disk: one JSON record a line beside the plan, each carrying the SHA-256
/// of the line before it, so that an edit to the history shows.
public enum JournalFile {
    /// `plans/harrow.yaml` keeps its journal in `plans/harrow.journal`.
    public static func path(forPlan plan: String) -> String {
        let stem = [".yaml", ".yml"].first(where: plan.hasSuffix).map { String(plan.dropLast($0.count)) } ?? plan
        return stem + ".journal"
    }

    /// Where a cut-off last line is kept once the next writer sets it aside.
    public static func tornPath(_ journal: String) -> String { journal + ".torn" }

    /// What the first record's `prev` holds: there is no line before it.
    static let genesis = String(repeating: "0", count: 64)

    /// The hex SHA-256 of one line's bytes, without its newline.
    static func hash(_ line: some DataProtocol) -> String { SHA256Digest.hex(of: line) }

    /// The bytes of a journal holding every line of `journal` in line order, each chained to the
    /// one before: for tools that make journals in bulk (the generator), not for updates, which
    /// append one at a time.
    public static func encode(_ journal: Journal) -> Data {
        var lines = journal.records.map { JournalLine($0) }
        lines += journal.figures.map { JournalLine($0) }
        lines += journal.digests.map { JournalLine($0) }
        lines.sort { $0.number < $1.number }
        var data = Data()
        var previous = genesis
        for var stored in lines {
            stored.prev = previous
            let line = stored.encoded()
            previous = hash(line)
            data.append(line)
            data.append(UInt8(ascii: "\n"))
        }
        return data
    }

    /// Reads the journal at `path` for `plan` under a shared lock, so it never sees a writer's
    /// half-written line; a missing journal is an empty one. Anything but a regular file there (a
    /// link, a FIFO, a folder) is not read: the journal comes back `unreadable`, saying why.
    public static func read(path: String, plan: Plan) -> LoadedJournal {
        read(path: path).loaded(plan: plan)
    }

    /// Reads and decodes the journal at `path` as `read(path:plan:)` does, all but the checks
    /// that need the plan: so that it can go on while the plan is parsed.
    static func read(path: String) -> JournalReading {
        let fd: Int32
        switch SafeFile.openForReading(path) {
        case .success(let opened): fd = opened
        case .failure(let problem) where problem.isMissing:
            return JournalReading(start: LoadedJournal(path: path, presence: .missing), bytes: [])
        case .failure(let problem):
            let reason = problem.code == EACCES ? String(cString: strerror(problem.code)) : problem.message
            return JournalReading(start: LoadedJournal(path: path, problems: [
                Diagnostic(.error, at: SourceLocation(file: path, line: 1, column: 1), "cannot read the journal: \(reason)"),
            ], presence: .unreadable), bytes: [])
        }
        defer { close(fd) }
        flock(fd, LOCK_SH)
        defer { flock(fd, LOCK_UN) }
        return JournalReading(start: LoadedJournal(path: path), bytes: FileBytes.read(fd))
    }

    /// The records of the journal that `state` describes, read again from its first
    /// `state.length` bytes, under a shared lock: for a start that took how the journal stands
    /// from its cache, once it needs the records themselves. The lines are the ones `state` was
    /// read from (the journal only grows, and the start checked that it still holds them).
    static func records(of state: JournalState, plan: Plan) -> Journal {
        guard case .success(let fd) = SafeFile.openForReading(state.path) else { return Journal() }
        defer { close(fd) }
        flock(fd, LOCK_SH)
        defer { flock(fd, LOCK_UN) }
        return parse(FileBytes.read(fd, to: state.length), path: state.path, plan: plan).journal
    }

    /// Reads records out of a journal's bytes. Lines that are not valid records are reported with
    /// their line numbers and skipped, so one bad line never stops the plan from loading.
    static func parse(_ bytes: [UInt8], path: String, plan: Plan) -> LoadedJournal {
        extend(LoadedJournal(path: path), with: bytes, plan: plan)
    }

    /// `loaded` with the bytes that follow what it has read: the journal only grows, so nothing
    /// before them is read again.
    static func extend(_ loaded: LoadedJournal, with bytes: [UInt8], plan: Plan) -> LoadedJournal {
        JournalReading(start: loaded, bytes: bytes).loaded(plan: plan)
    }

    /// `loaded` brought up to date with what has been appended since it was read, under a shared lock.
    public static func refresh(_ loaded: LoadedJournal, plan: Plan) -> LoadedJournal {
        guard case .success(let fd) = SafeFile.openForReading(loaded.path) else { return loaded }
        defer { close(fd) }
        flock(fd, LOCK_SH)
        defer { flock(fd, LOCK_UN) }
        return catchUp(loaded, fd: fd, plan: plan)
    }

    /// Reads what follows `loaded` in the open journal; starts again from the top if the file is
    /// now shorter than what was read (it was replaced, say from a backup).
    static func catchUp(_ loaded: LoadedJournal, fd: Int32, plan: Plan) -> LoadedJournal {
        let size = Int(lseek(fd, 0, SEEK_END))
        guard size >= loaded.length else { return parse(FileBytes.read(fd), path: loaded.path, plan: plan) }
        return extend(loaded, with: FileBytes.read(fd, from: loaded.length), plan: plan)
    }

    /// `cached` brought up to date with what has been appended since, if the file still holds
    /// the lines it was read from; nil when it does not (it was replaced or edited), and the
    /// journal must be read from the top.
    ///
    /// It checks that the last line read is still where it was and still hashes as it did: the
    /// cheap check that lets a start read only new bytes. `verify` still reads every line.
    static func resume(_ cached: LoadedJournal, plan: Plan) -> LoadedJournal? {
        let fd: Int32
        switch SafeFile.openForReading(cached.path) {
        case .success(let opened): fd = opened
        case .failure(let problem): return problem.isMissing && cached.lines == 0 ? cached : nil
        }
        defer { close(fd) }
        flock(fd, LOCK_SH)
        defer { flock(fd, LOCK_UN) }
        guard Int(lseek(fd, 0, SEEK_END)) >= cached.length else { return nil }
        if cached.lines > 0 {
            let length = cached.length - cached.lastLineStart
            guard length > 0 else { return nil }
            var line = [UInt8](repeating: 0, count: length)
            let count = line.withUnsafeMutableBytes { pread(fd, $0.baseAddress, length, off_t(cached.lastLineStart)) }
            guard count == length, line.last == UInt8(ascii: "\n"), hash(line.dropLast()) == cached.lastHash else { return nil }
        }
        return extend(cached, with: FileBytes.read(fd, from: cached.length), plan: plan)
    }
}

/// One journal line as JSON: when, who, the hash of the line before, and the key of its kind with
/// that kind's fields: `{"at":…,"by":…,"output":…,"status":…,"note":…,"prev":…}` or
/// `{"at":…,"by":…,"indicator":…,"period":…,"value":…,"prev":…}`.
struct JournalLine: Codable, Equatable {
    var at: String
    var by: String
    /// The SHA-256 of the line before.
    var prev: String
    // `output`: a change to an output.
    var output: String?
    var status: String?
    var note: String?
    var due: String?
    var reason: String?
    var lead: [String]?
    // `indicator`: a figure (with `note` above).
    var indicator: String?
    var period: String?
    var value: Double?
    var area: String?
    // `digest`: a digest sent to this officer's account.
    var digest: String?
    var to: String?
    var agencies: [String]?
    var outputs: [String]?
    var asOf: String?
    /// The day an `output` line speaks for when not the day it was written (`Record.effective`).
    var effective: String?

    /// The line's number in the journal it came from; not written, as a line's place is its number.
    var number = 0

    private enum CodingKeys: String, CodingKey {
        case at, by, prev, output, status, note, due, reason, lead, indicator, period, value, area
        case digest, to, agencies, outputs, asOf = "as_of", effective
    }

    /// A line holding `entry`, made by `by` at `at` and speaking for `effective`, following the
    /// line that hashes to `prev`.
    init(_ entry: Entry, at: Timestamp, by: String, effective: Day? = nil, prev: String = "", number: Int = 0) {
        self.at = at.text
        self.by = by
        self.prev = prev
        self.number = number
        self.effective = effective?.description
        switch entry {
        case .output(let change):
            output = change.outputID
            status = change.status?.rawValue
            note = change.note
            due = change.due
            reason = change.reason
            lead = change.lead
        case .indicator(let figure):
            indicator = figure.indicatorID
            period = figure.period
            value = figure.value
            area = figure.area
            note = figure.note
        case .digest(let sent):
            digest = sent.account
            to = sent.address
            agencies = sent.agencies
            outputs = sent.outputIDs
            asOf = sent.asOf.description
        }
    }

    init(_ record: Record) { self.init(.output(record.change), at: record.at, by: record.by, effective: record.effective, number: record.line) }

    init(_ record: FigureRecord) { self.init(.indicator(record.figure), at: record.at, by: record.by, number: record.line) }

    init(_ record: DigestRecord) { self.init(.digest(record.sent), at: record.at, by: record.by, number: record.line) }

    /// What a line records, when, by whom and for which day.
    struct Stamped: Equatable, Sendable {
        let entry: Entry
        let at: Timestamp
        let by: String
        /// The day it speaks for, when not the day it was written.
        let effective: Day?

        /// It, or why it cannot stand under the plan's calendar, on which `readDue` reads a revised date.
        func checked(readingDue readDue: (String) -> Result<Due, DueProblem>) -> Result<Stamped, RecordProblem> {
            guard case .output(let change) = entry, let problem = change.problem(readingDue: readDue) else { return .success(self) }
            return .failure(RecordProblem(message: problem))
        }
    }

    /// What the line records, when and by whom, or why it cannot stand, before the plan's own
    /// checks (`Stamped.checked`). Its kind is the one key of a kind it carries.
    func entry() -> Result<Stamped, RecordProblem> {
        guard let time = Timestamp(at) else { return .failure(RecordProblem(message: "the time '\(at)' is not YYYY-MM-DDTHH:MM:SSZ")) }
        return entry(at: time)
    }

    /// `entry()` with the line's time already read as `time`.
    func entry(at time: Timestamp) -> Result<Stamped, RecordProblem> {
        var day: Day?
        if let effective {
            // A record may speak for a day before it was written, never after: the future has no record.
            guard let parsed = Day(iso: effective), parsed <= time.day else {
                return .failure(RecordProblem(message: "the effective day '\(effective)' is not a YYYY-MM-DD on or before the day it was written (\(time.day))"))
            }
            guard output != nil else { return .failure(RecordProblem(message: "only a change to an output has an effective day")) }
            day = parsed
        }
        let entry: Result<Entry, RecordProblem>
        switch (output, indicator, digest) {
        case (let output?, nil, nil): entry = change(output).map(Entry.output)
        case (nil, let indicator?, nil): entry = figure(indicator).map(Entry.indicator)
        case (nil, nil, let digest?): entry = sent(digest).map(Entry.digest)
        case (nil, nil, nil): entry = .failure(RecordProblem(message: "the line names no output or indicator, nor a digest (is it from a newer version of actionplan?)"))
        default: entry = .failure(RecordProblem(message: "the line names more than one of an output, an indicator and a digest"))
        }
        return entry.map { Stamped(entry: $0, at: time, by: by, effective: day) }
    }

    /// The change an `output` line holds, or why it cannot stand. A change to an output the plan
    /// no longer has is kept: the plan was edited, and its history must not be lost
    /// (`Journal.unplaced(in:)`).
    private func change(_ output: String) -> Result<Change, RecordProblem> {
        var parsedStatus: Status?
        if let status {
            guard let known = Status(rawValue: status) else { return .failure(RecordProblem(message: "unknown status '\(status)'")) }
            parsedStatus = known
        }
        return .success(Change(outputID: output, status: parsedStatus, note: note, due: due, reason: reason, lead: lead))
    }

    /// The digest a `digest` line says was sent, or why it cannot stand.
    private func sent(_ account: String) -> Result<DigestSent, RecordProblem> {
        guard let to, let outputs, !outputs.isEmpty, let day = asOf.flatMap({ Day(iso: $0) }) else {
            return .failure(RecordProblem(message: "the digest sent to '\(account)' lacks its address, outputs or as_of day"))
        }
        return .success(DigestSent(account: account, address: to, agencies: agencies ?? [], outputIDs: outputs, asOf: day))
    }

    /// The figure an `indicator` line holds, or why it cannot stand. A figure for an indicator the
    /// plan no longer declares is kept, as a change to a removed output is (`Journal.unplaced(in:)`).
    private func figure(_ indicator: String) -> Result<Figure, RecordProblem> {
        guard let period, !period.isEmpty else { return .failure(RecordProblem(message: "the figure for '\(indicator)' names no period")) }
        guard let value, value.isFinite else { return .failure(RecordProblem(message: "the figure for '\(indicator)' has no value")) }
        return .success(Figure(indicatorID: indicator, period: period, value: value, area: area, note: note))
    }

    /// The line's text, keys sorted so the same record is always the same bytes.
    func encoded() -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(self)) ?? Data()
    }
}

/// Why a journal line does not hold a usable record.
struct RecordProblem: Error, Equatable {
    let message: String
}
