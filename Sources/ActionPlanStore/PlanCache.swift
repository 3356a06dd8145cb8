import ActionPlanModel
import Foundation

/// A compact snapshot of a parsed, checked plan, how its journal stood when read and the plan
/// folded with it, kept in the running account's own cache folder
/// (`~/.cache/actionplan/HASH.cache`, HASH the SHA-256 of the plan's resolved path) so that a
/// start need not parse YAML or JSON, nor fold every record.
///
/// It holds no record of the journal: a start that shows the plan as it stands needs only the
/// fold, and a command that looks back reads the records from the journal (`Deferred`).
/// Decoding them from here cost more than half of every warm start, and writing them a fifth of
/// a cold one.
///
/// Like git's index it is only ever a copy: it is used when it was made from the same plan
/// bytes, for the same journal, in a form this build reads, and otherwise ignored and rebuilt.
/// Its journal part is used only while the journal still holds the lines it was read from, and is
/// then brought up to date from the bytes appended since. It is never kept in the plans folder,
/// where others may write: see `PrivateFolder`.
enum PlanCache {
    /// The version of the compact form itself (`CompactEncoder`): raise it only when that changes.
    /// The model's shape needs no number: every field is written with its key and every value with
    /// its tag, so a cache written before a field was added, removed or retyped fails to decode
    /// and is rebuilt.
    static let format = 6

    /// The cache's file name for the plan at `resolvedPlan` (absolute, links resolved).
    static func name(forPlan resolvedPlan: String) -> String {
        PrivateFolder.name(for: resolvedPlan, suffix: ".cache")
    }

    /// What a cache must have been made from to be used: the compact form's version, the plan's
    /// bytes (their SHA-256) and the journal it read (its resolved path: two links to one plan may
    /// sit beside different journals). Not the build: a new build of the same model reads the
    /// same cache, and one whose model differs is refused by the decoder.
    static func key(planBytes: Data, journal: String) -> [UInt8] {
        key(planDigest: SHA256Digest.bytes(of: planBytes), journal: journal)
    }

    /// The key for the plan bytes whose SHA-256 is `planDigest`.
    static func key(planDigest: [UInt8], journal: String) -> [UInt8] {
        var writer = CacheWriter()
        writer.int(format)
        writer.raw(planDigest)
        writer.string(journal)
        return writer.bytes
    }

    /// What a cache holds: the plan as written, how its journal stood, and the plan folded with
    /// every record of it.
    struct Contents {
        let plan: LoadedPlan
        let journal: LoadedJournal
        let current: Plan
    }

    /// What every start reads of a cache: the plan folded with its journal, and the plan's
    /// diagnostics. Its outputs are kept apart from the rest of it, in one array that is read on
    /// every core (`CompactArray`): they are most of a plan.
    private struct Folded: Codable {
        let plan: Plan
        var outputs: [PlacedOutput]
        let diagnostics: [Diagnostic]

        init(_ current: Plan, diagnostics: [Diagnostic]) {
            plan = current.withoutOutputs
            outputs = PlacedOutput.all(in: current)
            self.diagnostics = diagnostics
        }

        /// The whole plan, its outputs moved into it (`Plan.filled(with:)`) and so taken from here.
        mutating func filled() -> Plan? {
            // Let go of here first, so that the array moved from is held only once.
            let outputs = self.outputs
            self.outputs = []
            return plan.filled(with: outputs)
        }
    }

    /// What the cache `bytes` holds, if it was made from the plan file open at `plan` as it is
    /// now and for `journal` (the journal's resolved path), with the key it was made under.
    ///
    /// The plan as written is made from the cache's last section (the fields records change of
    /// each output the journal changed, as written) only when asked for, and from the plan file, read again, if that
    /// section does not read; the journal's records, from the journal.
    static func lookUp(_ bytes: MappedBytes, plan: Int32, journal: String, planPath: String, journalPath: String) -> (key: [UInt8], contents: Contents)? {
        // The plan is hashed on another core while the cache is read and its plan filled on this
        // one, not both in one parallel loop: a parallel loop within another runs on one thread,
        // and the folded plan's outputs are read a chunk on each core. What was read is used only
        // if the keys agree.
        let (read, key) = concurrently({ () -> (key: [UInt8], state: JournalState, current: Plan, diagnostics: [Diagnostic], written: CacheReader)? in
            var reader = CacheReader(bytes)
            guard (try? reader.magic()) != nil, let key = try? reader.raw(), let folded = try? reader.section(),
                  let state = try? reader.section(), let written = try? reader.section(), reader.isAtEnd,
                  let journalState = try? CompactDecoder.decode(JournalState.self, from: state),
                  var plan = try? CompactDecoder.decode(Folded.self, from: folded), let current = plan.filled() else { return nil }
            return (key, journalState, current, plan.diagnostics, written)
        }, { SHA256Digest.bytes(ofFile: plan).map { PlanCache.key(planDigest: $0, journal: journal) } })
        guard let read, let key, read.key == key, read.state.lines >= 0, read.state.length >= 0, (0...read.state.length).contains(read.state.lastLineStart)
        else { return nil }
        let current = read.current, writtenSection = read.written
        let written = Deferred<Plan?>(making: {
            (try? CompactDecoder.decode([PlacedFields].self, from: writtenSection)).flatMap(current.overlaid(with:))
                ?? PlanLoader.load(path: planPath).plan
        })
        let state = read.state.cached(at: journalPath)
        // Reading records checks them against the plan's calendar, which folding leaves as it is.
        let records = Deferred(making: { JournalFile.records(of: state, plan: current) })
        return (key, Contents(plan: LoadedPlan(path: planPath, plan: written, diagnostics: read.diagnostics.map { $0.located(in: planPath) }),
                              journal: LoadedJournal(state: state, records: records), current: current))
    }

    /// Writes a cache of `plan`, `journal` and `current` (the plan folded with all of it) under
    /// `key` as the file `name` in the account's cache `folder`, whole or not at all: a temporary
    /// file, flushed, then renamed over the old one. A folder that is not the account's own, or
    /// cannot be written, simply goes without a cache.
    static func write(_ name: String, in folder: String, key: [UInt8], plan: Plan, diagnostics: [Diagnostic], journal: LoadedJournal, current: Plan) {
        var head = CacheWriter()
        head.magic()
        head.raw(key)
        let sections: [() throws -> [UInt8]] = [
            { try CompactEncoder.encode(Folded(current, diagnostics: diagnostics)) },
            { try CompactEncoder.encode(journal.state.cached(at: journal.path)) },
            { try CompactEncoder.encode(PlacedOutput.writtenFields(in: plan, touchedIn: current)) },
        ]
        PrivateFolder.write(name, in: folder) { fd in
            // Each section goes to the file as soon as it is made, so at most one is held at a time.
            var written = FileBytes.write(head.bytes, to: fd)
            for encode in sections where written {
                guard let section = try? encode() else { return false }
                var length = CacheWriter()
                length.int(section.count)
                written = FileBytes.write(length.bytes, to: fd) && FileBytes.write(section, to: fd)
            }
            return written
        }
    }
}

extension JournalState {
    /// How the journal stood as a cache keeps it and gives it back, read from `path`: with its
    /// errors only, as a warning (a cut-off last line) describes bytes past `length`, which are
    /// read again.
    func cached(at path: String) -> JournalState {
        JournalState(path: path, problems: problems.filter { $0.severity == .error }.map { $0.located(in: path) },
                     unlistedProblems: unlistedProblems, chainBreak: chainBreak, tornBytes: 0, lastHash: lastHash, lines: lines,
                     lastLineStart: lastLineStart, length: length, presence: .present, latestLine: latestLine, latestAt: latestAt,
                     latestDay: latestDay)
    }
}

extension Diagnostic {
    /// The same diagnostic in the file named `file`: a cached plan may be named by another path next time.
    func located(in file: String) -> Diagnostic {
        Diagnostic(severity, at: SourceLocation(file: file, line: location.line, column: location.column), message, excerpt: excerpt)
    }
}
