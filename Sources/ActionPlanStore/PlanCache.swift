import ActionPlanModel
import Crypto
import Foundation

/// A compact snapshot of a parsed, checked plan, its journal as read and the plan folded with it,
/// kept in the running account's own cache folder (`~/.cache/actionplan/HASH.cache`, HASH the
/// SHA-256 of the plan's resolved path) so that a start need not parse YAML or JSON, nor fold
/// every record.
///
/// Like git's index it is only ever a copy: it is used when it was made from the same plan
/// bytes, for the same journal, by the same build of the tool, and otherwise ignored and rebuilt.
/// Its journal part is used only while the journal still holds the lines it was read from, and is
/// then brought up to date from the bytes appended since. It is never kept in the plans folder,
/// where others may write: see `PrivateFolder`.
enum PlanCache {
    /// Raise when the layout changes; a cache of another layout is rebuilt.
    static let layout = 2

    /// The cache's file name for the plan at `resolvedPlan` (absolute, links resolved).
    static func name(forPlan resolvedPlan: String) -> String {
        PrivateFolder.name(for: resolvedPlan, suffix: ".cache")
    }

    /// What a cache must have been made from to be used: the plan's bytes, the journal it read
    /// (its resolved path: two links to one plan may sit beside different journals) and this
    /// build of the tool (a rebuilt tool may read plans differently); nil when the build cannot
    /// be told.
    static func key(planBytes: Data, journal: String) -> [UInt8]? {
        var info = stat()
        guard stat("/proc/self/exe", &info) == 0 else { return nil }
        var writer = CacheWriter()
        writer.int(layout)
        writer.raw(Array(SHA256.hash(data: planBytes)))
        writer.string(journal)
        writer.int(Int(info.st_size))
        writer.int(info.st_mtim.tv_sec)
        writer.int(info.st_mtim.tv_nsec)
        return writer.bytes
    }

    /// What a cache holds: the plan as written, its journal as read, and the plan folded with
    /// every record of it.
    struct Contents {
        let plan: LoadedPlan
        let journal: LoadedJournal
        let current: Plan
    }

    /// The key for `planBytes` and `journal` (the journal's resolved path), and what the cache
    /// `bytes` holds if it was made under that key.
    static func lookUp(_ bytes: [UInt8], planBytes: Data, journal: String, planPath: String, journalPath: String) -> (key: [UInt8]?, found: Contents?) {
        var reader = CacheReader(bytes, from: 0)
        var stored: [UInt8] = []
        var sections: [CacheReader] = []
        if (try? reader.magic()) != nil, let key = try? reader.raw(), let parts = try? reader.sections(), reader.isAtEnd {
            stored = key
            sections = parts
        }
        // The records are read on one core while the plan is hashed and read on the other; what
        // was read is used only if the keys agree. (Reading the records in runs on both cores
        // costs more than it saves: joining the runs copies every record again.)
        let tasks: [Task] = [.key] + (sections.count == 4
            ? [.records(sections[2]), .plan(sections[0]), .journal(sections[1]), .folded(sections[3])] : [])
        let parts = parallelMap(tasks) { $0.run(planBytes: planBytes, journal: journal, planPath: planPath, journalPath: journalPath) }
        guard case .key(let key)? = parts.first else { return (nil, nil) }
        guard let key, key == stored, parts.count == 5, case .records(let records)? = parts[1],
              case .plan(let plan, let diagnostics)? = parts[2], case .journal(let head)? = parts[3],
              case .folded(let folded)? = parts[4], let current = plan.overlaid(with: folded) else { return (key, nil) }
        let journal = LoadedJournal(path: head.path, journal: Journal(records), problems: head.problems, chainBreak: head.chainBreak,
                                    lastHash: head.lastHash, lines: head.lines, lastLineStart: head.lastLineStart, length: head.length)
        return (key, Contents(plan: LoadedPlan(path: planPath, plan: plan, diagnostics: diagnostics), journal: journal, current: current))
    }

    /// One piece of work in reading a cache.
    private enum Task: Sendable {
        case key
        case plan(CacheReader)
        case journal(CacheReader)
        case records(CacheReader)
        case folded(CacheReader)

        /// What it gives, or nil when its section does not read.
        func run(planBytes: Data, journal: String, planPath: String, journalPath: String) -> Part? {
            do {
                switch self {
                case .key:
                    return .key(PlanCache.key(planBytes: planBytes, journal: journal))
                case .plan(var reader):
                    let part = Part.plan(try reader.plan(), try reader.array { reader throws(CacheUnreadable) in try reader.diagnostic(file: planPath) })
                    return reader.isAtEnd ? part : nil
                case .journal(var reader):
                    let part = Part.journal(try reader.journal(path: journalPath))
                    return reader.isAtEnd ? part : nil
                case .records(var reader):
                    let part = Part.records(try reader.array { reader throws(CacheUnreadable) in try reader.record() })
                    return reader.isAtEnd ? part : nil
                case .folded(var reader):
                    let part = Part.folded(try reader.folded())
                    return reader.isAtEnd ? part : nil
                }
            } catch {
                return nil
            }
        }
    }

    /// What a piece of work gave.
    private enum Part: Sendable {
        case key([UInt8]?)
        case plan(Plan, [Diagnostic])
        /// The journal as read, but for its records.
        case journal(LoadedJournal)
        case records([Record])
        case folded([FoldedOutput])
    }

    /// Writes a cache of `plan`, `journal` and `current` (the plan folded with all of it) under
    /// `key` as the file `name` in the account's cache `folder`, whole or not at all: a temporary
    /// file, flushed, then renamed over the old one. A folder that is not the account's own, or
    /// cannot be written, simply goes without a cache.
    static func write(_ name: String, in folder: String, key: [UInt8], plan: Plan, diagnostics: [Diagnostic], journal: LoadedJournal, current: Plan) {
        var head = CacheWriter()
        head.magic()
        head.raw(key)
        let sections: [(inout CacheWriter) -> Void] = [
            { writer in
                writer.plan(plan)
                writer.array(diagnostics) { $0.diagnostic($1) }
            },
            { $0.journal(journal) },
            { $0.array(journal.journal.records) { $0.record($1) } },
            { $0.folded(current) },
        ]
        PrivateFolder.write(name, in: folder) { fd in
            // Each section goes to the file as soon as it is made, so at most one is held at a time.
            var written = FileBytes.write(head.bytes, to: fd)
            for write in sections where written {
                var section = CacheWriter()
                write(&section)
                var length = CacheWriter()
                length.int(section.bytes.count)
                written = FileBytes.write(length.bytes, to: fd) && FileBytes.write(section.bytes, to: fd)
            }
            return written
        }
    }
}

extension CacheWriter {
    /// The journal as read, but for its records, which go in a section of their own.
    mutating func journal(_ journal: LoadedJournal) {
        int(journal.lines)
        int(journal.length)
        int(journal.lastLineStart)
        string(journal.lastHash)
        optional(journal.chainBreak) { $0.int($1) }
        // Warnings (a cut-off last line) describe bytes past `length`, which are read again.
        array(journal.problems.filter { $0.severity == .error }) { $0.diagnostic($1) }
    }
}

extension CacheReader {
    mutating func journal(path: String) throws(CacheUnreadable) -> LoadedJournal {
        let lines = try int()
        let length = try int()
        let lastLineStart = try int()
        let lastHash = try string()
        let chainBreak = try optional { reader throws(CacheUnreadable) in try reader.int() }
        let problems = try array { reader throws(CacheUnreadable) in try reader.diagnostic(file: path) }
        guard lines >= 0, length >= 0, (0...length).contains(lastLineStart) else { throw CacheUnreadable() }
        return LoadedJournal(path: path, problems: problems, chainBreak: chainBreak, lastHash: lastHash, lines: lines,
                             lastLineStart: lastLineStart, length: length)
    }
}
