import ActionPlanModel
import Foundation

extension LoadedJournal {
    /// Where the journal stood as read: its line count and the hash of its last line.
    public var head: JournalHead { JournalHead(lines: lines, hash: lastHash) }
}

/// How a journal stands against a head it once had (from a report, or remembered).
public enum HeadVerdict: Hashable, Sendable {
    /// Line LINE still hashes to HASH and the chain is intact up to it.
    case extends
    /// The journal now has only this many lines.
    case shorter(lines: Int)
    /// Line LINE is there but now hashes to this: the lines up to it were rewritten or replaced.
    case rewritten(hash: String)
    /// Line LINE is as it was, but the chain breaks at this line before it: lines were edited.
    case brokenBefore(line: Int)
    /// The journal could not be read to tell.
    case unreadable(String)
}

extension JournalFile {
    /// Whether `journal` (as just read in full) still holds `head`: line `head.lines` hashes to
    /// `head.hash` and no line up to it breaks the chain. What `verify --head` checks.
    public static func check(_ head: JournalHead, against journal: LoadedJournal) -> HeadVerdict {
        guard head.lines > 0 else { return head.hash == genesis ? .extends : .rewritten(hash: genesis) }
        guard journal.lines >= head.lines else { return .shorter(lines: journal.lines) }
        let bytes: [UInt8]
        switch SafeFile.openForReading(journal.path) {
        case .success(let fd):
            defer { close(fd) }
            flock(fd, LOCK_SH)
            defer { flock(fd, LOCK_UN) }
            bytes = FileBytes.read(fd)
        case .failure(let problem): return .unreadable(problem.message)
        }
        var start = 0
        var number = 0
        while let newline = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) {
            number += 1
            if number == head.lines {
                let now = hash(bytes[start..<newline])
                guard now == head.hash else { return .rewritten(hash: now) }
                if let line = journal.chainBreak, line <= head.lines { return .brokenBefore(line: line) }
                return .extends
            }
            start = newline + 1
        }
        return .shorter(lines: number)
    }
}

/// A journal head this account saw, with where its last line lies in the file, so that a later
/// start can check it with one small read.
struct SeenHead: Equatable {
    let head: JournalHead
    /// The byte range of line `head.lines`, its newline included.
    let lastLineStart: Int
    let length: Int

    init(head: JournalHead, lastLineStart: Int, length: Int) {
        self.head = head
        self.lastLineStart = lastLineStart
        self.length = length
    }

    init(_ journal: LoadedJournal) {
        self.init(head: journal.head, lastLineStart: journal.lastLineStart, length: journal.length)
    }

    /// `LINES HASH START LENGTH`, one line.
    var text: String { "\(head.lines) \(head.hash) \(lastLineStart) \(length)\n" }

    init?(text: String) {
        let parts = text.split(separator: " ")
        guard parts.count == 4, let head = JournalHead("\(parts[0]):\(parts[1])"),
              let start = Int(parts[2]), let length = Int(parts[3].prefix { $0 != "\n" }), 0 <= start, start < length || head.lines == 0
        else { return nil }
        self.init(head: head, lastLineStart: start, length: length)
    }
}

/// What this account last saw of each journal, kept in its own state folder
/// (`~/.local/state/actionplan/HASH.head`, HASH the SHA-256 of the journal's resolved path), so
/// that a journal cut short or rewritten since is noticed by the next command that opens it.
public enum SeenHeads {
    /// Compares `journal` (as just read) with the head this account last saw of it, and remembers
    /// the new head; a warning when the journal is now shorter or no longer holds that head.
    ///
    /// After a warning the new head is remembered, so it is said once per account; a journal now
    /// empty or unreadable never replaces a head, so that one keeps being said.
    /// `plan` is the plan file the journal belongs to, for the command the warning suggests.
    public static func see(_ journal: LoadedJournal, plan: String, folders: AccountFolders) -> HeadWarning? {
        guard let folder = folders.state, let resolved = PrivateFolder.resolved(journal.path) else { return nil }
        let name = PrivateFolder.name(for: resolved, suffix: ".head")
        let now = SeenHead(journal)
        let before = PrivateFolder.read(name, in: folder).flatMap { SeenHead(text: String(decoding: $0, as: UTF8.self)) }
        guard before != now else { return nil }
        var warning: HeadWarning?
        if let before, before.head.lines > 0 {
            if journal.lines < before.head.lines {
                warning = HeadWarning(journal: journal.path, plan: plan, seen: before.head, now: journal.head, shorter: true)
            } else if !stillHolds(before, path: journal.path) {
                warning = HeadWarning(journal: journal.path, plan: plan, seen: before.head, now: journal.head, shorter: false)
            }
        }
        if journal.lines > 0 {
            PrivateFolder.write(name, in: folder) { FileBytes.write(Array(now.text.utf8), to: $0) }
        }
        return warning
    }

    /// Whether the journal at `path` still has `seen`'s last line where it was, hashing as it did.
    private static func stillHolds(_ seen: SeenHead, path: String) -> Bool {
        guard case .success(let fd) = SafeFile.openForReading(path) else { return false }
        defer { close(fd) }
        let count = seen.length - seen.lastLineStart
        var line = [UInt8](repeating: 0, count: count)
        let read = line.withUnsafeMutableBytes { pread(fd, $0.baseAddress, count, off_t(seen.lastLineStart)) }
        return read == count && line.last == UInt8(ascii: "\n") && JournalFile.hash(line.dropLast()) == seen.head.hash
    }
}

/// A journal that no longer holds the head this account last saw of it.
public struct HeadWarning: Hashable, Sendable {
    public let journal: String
    /// The plan file the journal belongs to, named in the command the warning suggests, so that it
    /// works as printed whatever plan a command that names none would open.
    public let plan: String
    /// The head last seen, and the head now.
    public let seen: JournalHead
    public let now: JournalHead
    /// Fewer lines than before; otherwise the line last seen is no longer as it was.
    public let shorter: Bool

    /// What to tell the user, the point first (a status line may show only its start), then
    /// both heads, so the history can be checked against the reports sent out.
    public var message: String {
        let what = shorter
            ? "records were removed from \(journal) since you last read it: it now has \(now.lines) line\(now.lines == 1 ? "" : "s"), fewer than the \(seen.lines) you saw"
            : "\(journal) was rewritten since you last read it: line \(seen.lines) is no longer the line you saw"
        return "warning: \(what) (you saw \(seen)). Compare it with the reports sent out: actionplan verify --plan \(plan) --head REPORT-FILE"
    }
}
