import ActionPlanModel
import Foundation

/// A journal's bytes read into lines, each to be decoded, hashed and checked in order. All of it
/// but checking a revised date against the plan's calendar is work that does not depend on the
/// plan, so a start does it while the plan's YAML is parsed (`checkedAhead()`), and checks those
/// dates once the plan is known.
struct JournalReading: Sendable {
    /// What was read before these bytes (nothing, for a whole journal).
    let start: LoadedJournal
    let bytes: [UInt8]
    /// Where the last complete line ends: anything after it is a cut-off line.
    let complete: Int
    /// Where each complete line lies in `bytes`, without its newline.
    let ranges: [Range<Int>]

    /// One line as read: where it lies in `bytes` (without its newline), its hash, and its record.
    struct Line: Sendable {
        let range: Range<Int>
        let hash: LineHash
        /// Nil when the line is not JSON the tool writes.
        let record: Record?
    }

    /// What a line holds, before the plan's calendar checks it.
    struct Record: Equatable, Sendable {
        /// The hash the line says comes before it; nil when `prev` is no hash at all.
        let prev: LineHash?
        let entry: Result<JournalLine.Stamped, RecordProblem>

        init(prev: LineHash?, entry: Result<JournalLine.Stamped, RecordProblem>) {
            self.prev = prev
            self.entry = entry
        }

        /// What a line read by the JSON decoder holds.
        init(_ line: JournalLine) {
            self.init(prev: LineHash(hex: line.prev), entry: line.entry())
        }
    }

    /// `bytes`, which follow what `start` has read, split into lines.
    init(start: LoadedJournal, bytes: [UInt8]) {
        self.start = start
        self.bytes = bytes
        complete = bytes.lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? 0
        ranges = Self.lineRanges(bytes, upTo: complete)
    }

    /// The lines at `ranges` of `bytes`, each hashed and decoded, on every core at once.
    private static func decode(_ ranges: ArraySlice<Range<Int>>, in bytes: [UInt8]) -> [[Line]] {
        let slices = stride(from: ranges.startIndex, to: ranges.endIndex, by: linesPerRun).map {
            ranges[$0..<min(ranges.endIndex, $0 + linesPerRun)]
        }
        return parallelMap(slices) { run in
            let decoder = JSONDecoder()
            return run.map { range in
                let line = bytes[range]
                // The real JSON decoder reads every line the fast reader does not take.
                let record = CanonicalLine.decode(line) ?? (try? decoder.decode(JournalLine.self, from: Data(line))).map(Record.init)
                return Line(range: range, hash: LineHash(of: line), record: record)
            }
        }
    }

    /// Lines decoded at once, while the batch before them is checked: a few runs, so that a
    /// journal of a million lines is never held decoded all at once, and checking starts soon.
    private static let linesPerBatch = 16_384

    /// Lines read together on one core: enough that handing them over costs little.
    private static let linesPerRun = 4_096

    /// Where each line of `bytes[..<end]` lies, without its newline; `end` follows a newline.
    private static func lineRanges(_ bytes: [UInt8], upTo end: Int) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        bytes.withUnsafeBytes { buffer in
            guard let base = buffer.baseAddress else { return }
            var start = 0
            // memchr, not a loop over the array: the loop stepped through a 26 MB journal a byte at a time.
            while start < end, let found = memchr(base + start, Int32(UInt8(ascii: "\n")), end - start) {
                let newline = base.distance(to: UnsafeRawPointer(found))
                ranges.append(start..<newline)
                start = newline + 1
            }
        }
        return ranges
    }

    /// The journal with these lines read after `start`'s: each chained to the one before and
    /// checked against `plan`. Lines that are not valid records are reported with their line
    /// numbers and skipped, so one bad line never stops the plan from loading. `start`'s records
    /// are not made unless a line breaks the chain right after them.
    func loaded(plan: Plan) -> LoadedJournal {
        var dues = DueReader(calendar: plan.calendar)
        return checked(readingDue: { dues.parse($0) }).loaded(plan: plan)
    }

    /// The lines checked in order before the plan is known, each revised date assumed to read
    /// on the plan's calendar: what `loaded(plan:)` gives, once `CheckedAhead.loaded(plan:)` has
    /// found that they do.
    func checkedAhead() -> CheckedAhead {
        var assumed: Set<String> = []
        let checked = checked(readingDue: { text in
            assumed.insert(text)
            // Not the date it means, which needs the calendar: the checks ask only whether it reads, and not as undated.
            return .success(Due(written: text, meaning: .ongoing))
        })
        // A date that reads on a reporting year starting in any month reads on the plan's: the
        // lines need not be kept for checking again, and their bytes (260 MB at a million lines)
        // are let go while the plan is still being parsed.
        let unsure = assumed.filter { text in
            (1...12).contains { month in
                var dues = DueReader(calendar: ReportingCalendar(firstMonth: month))
                return !CheckedAhead.reads(text, with: &dues)
            }
        }
        return CheckedAhead(reading: unsure.isEmpty ? nil : self, checked: checked, unsureDues: unsure)
    }

    /// The journal checked before the plan was known, and the revised dates it assumed would read.
    struct CheckedAhead: Sendable {
        /// The lines, to be checked again, when a date may not read on the plan's calendar.
        let reading: JournalReading?
        let checked: Checked
        /// Each distinct revised date a check assumed would read that does not read on every
        /// reporting year (a plan's calendar is one of twelve, by the month its year starts).
        let unsureDues: Set<String>

        /// What `reading.loaded(plan:)` gives: the journal as checked, when each date assumed to
        /// read does, as a date or 'Ongoing', on `plan`'s calendar; otherwise (a rare journal)
        /// every line checked again, in order, with the calendar.
        func loaded(plan: Plan) -> LoadedJournal {
            var dues = DueReader(calendar: plan.calendar)
            guard let reading, !unsureDues.allSatisfy({ Self.reads($0, with: &dues) }) else { return checked.loaded(plan: plan) }
            return reading.loaded(plan: plan)
        }

        /// Whether `text` reads on `dues`'s calendar as a date or 'Ongoing', as a revised date must.
        static func reads(_ text: String, with dues: inout DueReader) -> Bool {
            guard case .success(let due) = dues.parse(text) else { return false }
            return due.meaning != .undated
        }
    }

    /// The lines as checked: how the journal stands and the records that stood.
    struct Checked: Sendable {
        let state: JournalState
        /// The records of these lines, or of every line when `earlier` is nil.
        let journal: Journal
        /// `start`'s records, when they were left unmade.
        let earlier: Deferred<Journal>?

        /// The journal as loaded for `plan`, whose calendar the checks read dates on.
        func loaded(plan: Plan) -> LoadedJournal {
            guard let earlier else { return LoadedJournal(state: state, records: Deferred(journal)) }
            // Asked for, they are read from the journal whole, not made from `earlier`'s and these:
            // two arrays of a million records each would double a start's memory.
            return LoadedJournal(state: state, records: Deferred(making: { [state] in JournalFile.records(of: state, plan: plan) }),
                                 continuing: earlier, with: journal)
        }
    }

    /// Every line decoded, chained to the one before and checked, in order, a revised date read
    /// by `readDue`. A batch of lines is decoded on the other cores while the one before it is checked.
    private func checked(readingDue readDue: (String) -> Result<Due, DueProblem>) -> Checked {
        var problems = start.problems.filter { $0.severity == .error }
        var unlisted = start.unlistedProblems
        // The lines read before, when they have not been made (a start that found its cache):
        // they are left unread, and nil once they are needed here.
        var earlier: Deferred<Journal>? = start.lines > 0 && start.records.made == nil ? start.records : nil
        // The lines read now (after `earlier`'s), or every line when `earlier` is nil.
        var journal = earlier == nil ? start.journal : Journal()
        var chainBreak = start.chainBreak
        var previousHash = LineHash(hex: start.lastHash)
        var lastHash: LineHash?
        var number = start.lines
        var lastLineStart = start.lastLineStart
        func check(_ batch: [[Line]]) {
            for line in batch.joined() {
                number += 1
                lastLineStart = start.length + line.range.lowerBound
                func problem(_ message: String) {
                    // A journal of garbage must not cost a diagnostic a line: the first few are kept.
                    guard problems.count < NodeReader.listedLimit else { return unlisted += 1 }
                    problems.append(Diagnostic(.error, at: SourceLocation(file: start.path, line: number, column: 1), message,
                                               excerpt: String(decoding: bytes[line.range].prefix(200), as: UTF8.self)))
                }
                defer {
                    previousHash = line.hash
                    lastHash = line.hash
                }
                guard let stored = line.record else {
                    problem("not a journal record (it is not the JSON that actionplan writes); the line is ignored. Journals are written by actionplan, never by hand: restore it from a backup, or run 'actionplan verify'")
                    chainBreak = chainBreak ?? number
                    continue
                }
                guard let prev = stored.prev, prev == previousHash else {
                    // One of the two lines either side of a break was changed (an edit changes the
                    // line before; a line written by hand has the wrong `prev`), so neither counts.
                    chainBreak = chainBreak ?? number
                    if number - 1 == start.lines, let before = earlier {
                        // The line before is the last read before: its records are needed now.
                        journal = before.value.followed(by: journal)
                        earlier = nil
                    }
                    journal.remove(line: number - 1)
                    problem("the history was edited: this record does not follow from line \(number - 1) as it now stands (the hash chain is broken here); both lines are ignored")
                    continue
                }
                switch stored.entry.flatMap({ $0.checked(readingDue: readDue) }) {
                case .success(let stamped):
                    // Each record is appended after the one before, so time never runs backwards
                    // in a journal: a record dated earlier was written by hand, perhaps to slip
                    // into a quarter already reported.
                    if let before = journal.latest ?? (earlier == nil ? nil : start.latest), stamped.at < before.at {
                        chainBreak = chainBreak ?? number
                        problem("the record is dated \(stamped.at.readable), before line \(before.line) (\(before.at.readable)): time never runs backwards in a journal, so it was not written by actionplan; the record is ignored")
                    } else {
                        journal.append(stamped.entry, line: number, at: stamped.at, by: stamped.by, effective: stamped.effective)
                    }
                case .failure(let reason): problem(reason.message + "; the record is ignored")
                }
            }
        }
        var decoded = min(ranges.count, Self.linesPerBatch)
        var batch = Self.decode(ranges[..<decoded], in: bytes)
        while decoded < ranges.count {
            let following = ranges[decoded..<min(ranges.count, decoded + Self.linesPerBatch)]
            let bytes = bytes
            batch = concurrently({ check(batch) }, { Self.decode(following, in: bytes) }).1
            decoded = following.endIndex
        }
        check(batch)
        let torn = bytes.count - complete
        if torn > 0 {
            problems.append(Diagnostic(.warning, at: SourceLocation(file: start.path, line: number + 1, column: 1),
                "line \(number + 1) is incomplete (a write was cut off by a kill or a dropped connection); it is not a record, and the next update moves it to \(JournalFile.tornPath(start.path))"))
        }
        let latest = journal.latest ?? (earlier == nil ? nil : start.latest)
        let latestDay = [earlier == nil ? nil : start.latestDay, journal.records.map(\.day).max()].compactMap { $0 }.max()
        let state = JournalState(path: start.path, problems: problems, unlistedProblems: unlisted, chainBreak: chainBreak, tornBytes: torn,
                                 lastHash: lastHash?.hex ?? start.lastHash, lines: number, lastLineStart: lastLineStart,
                                 length: start.length + complete, presence: start.presence, latestLine: latest?.line, latestAt: latest?.at,
                                 latestDay: latestDay)
        return Checked(state: state, journal: journal, earlier: earlier)
    }
}
