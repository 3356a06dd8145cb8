import ActionPlanModel
import Foundation

/// What `lstat` or `fstat` said about one path: what it is, who owns it, and its mode.
public struct FileFacts: Hashable, Sendable {
    /// What kind of file a path names, as a message says it.
    public enum Kind: String, Hashable, Sendable {
        case regular = "a regular file"
        case directory = "a directory"
        case symbolicLink = "a symbolic link"
        case fifo = "a FIFO"
        case socket = "a socket"
        case device = "a device"
    }

    public var kind: Kind
    public var owner: uid_t
    public var ownerName: String
    public var group: gid_t
    public var groupName: String
    /// The permission bits with setuid, setgid and sticky (`mode & 0o7777`).
    public var mode: mode_t
    /// The group holds nobody but the owner (a user private group), so its write bit is harmless.
    public var groupIsOwnerAlone: Bool

    public init(kind: Kind, owner: uid_t, ownerName: String, group: gid_t, groupName: String, mode: mode_t, groupIsOwnerAlone: Bool) {
        self.kind = kind
        self.owner = owner
        self.ownerName = ownerName
        self.group = group
        self.groupName = groupName
        self.mode = mode & 0o7777
        self.groupIsOwnerAlone = groupIsOwnerAlone
    }

    var writableByOthers: Bool { mode & 0o002 != 0 }
    /// Writable by some account other than the owner (root aside): a shared group, or everyone.
    var writableByOtherAccounts: Bool { writableByOthers || (mode & 0o020 != 0 && !groupIsOwnerAlone) }
    var sticky: Bool { mode & 0o1000 != 0 }
    /// "0664", as `ls` and `chmod` count.
    var octal: String { String(format: "%04o", UInt32(mode)) }
    /// Who besides the owner may write it, for a message.
    var otherWriters: String { writableByOthers ? "every account" : "group \(groupName)" }
}

/// The facts the trust rule decides on: the plan's folder, its access file and its journal as
/// found on disk, who wrote the journal's records, and who is running the tool.
public struct TrustFacts: Sendable {
    public var folderPath: String
    public var folder: FileFacts
    public var accessPath: String
    /// Nil when no file of that name is in the folder, not even a link.
    public var access: FileFacts?
    public var journalPath: String
    /// Nil when the plan has no journal yet.
    public var journal: FileFacts?
    /// The accounts the journal's records are by.
    public var authors: Set<String>
    public var running: uid_t

    public init(folderPath: String, folder: FileFacts, accessPath: String, access: FileFacts?,
                journalPath: String, journal: FileFacts?, authors: Set<String>, running: uid_t) {
        self.folderPath = folderPath
        self.folder = folder
        self.accessPath = accessPath
        self.access = access
        self.journalPath = journalPath
        self.journal = journal
        self.authors = authors
        self.running = running
    }
}

/// Whether the access file beside a plan is obeyed, like sshd's StrictModes (see docs/access.md).
public enum TrustVerdict: Hashable, Sendable {
    /// The access file may be read and its rules obeyed.
    case obey
    /// No access file, in one account's own folder: whoever runs the tool may change anything.
    case open
    /// Nothing may be changed: why, naming the file, what was found, and the command that fixes it.
    case refuse(String)
}

extension TrustFacts {
    /// The one trust rule. The journal must be a regular file nobody else may write; an access
    /// file is obeyed only when nobody but root or the folder's owner could have written or
    /// replaced it; with none, the plan is open only in one account's own folder, to a journal
    /// whose records are all by one account. Anything else fails closed.
    public var verdict: TrustVerdict {
        if let refusal = journalRefusal ?? folderRefusal { return .refuse(refusal) }
        guard let access else { return missingAccessVerdict }
        return accessRefusal(access).map { .refuse($0) } ?? .obey
    }

    private var journalRefusal: String? {
        guard let journal else { return nil }
        let path = Shell.quote(journalPath)
        if journal.kind != .regular {
            return "\(journalPath) is \(journal.kind.rawValue), not a regular file, so nothing is written through it; "
                + "look at it (ls -l \(path)) and remove it: \(journal.kind == .directory ? "rmdir" : "rm") \(path)"
        }
        if journal.writableByOthers {
            return "\(journalPath) is writable by every account (mode \(journal.octal)), so anyone could write records into it; "
                + "nothing is written until it is fixed: chmod o-w \(path)"
        }
        return nil
    }

    private var folderRefusal: String? {
        guard folder.writableByOthers, !folder.sticky else { return nil }
        return "\(folderPath) is writable by every account (mode \(folder.octal)) and has no sticky bit, so anyone could replace "
            + "the journal or \(AccessFile.name) in it; nothing can be changed until it is fixed: chmod +t \(Shell.quote(folderPath))"
    }

    private func accessRefusal(_ access: FileFacts) -> String? {
        let path = Shell.quote(accessPath)
        let notObeyed = "it is not obeyed and nothing can be changed"
        if access.kind != .regular {
            return "\(accessPath) is \(access.kind.rawValue), not a regular file, so \(notObeyed) until it is replaced by the real "
                + "access file, owned by root with mode 0644 (see docs/access.md): \(access.kind == .directory ? "rmdir" : "rm") \(path)"
        }
        if access.owner != 0, access.owner != folder.owner {
            return "\(accessPath) is owned by \(access.ownerName), not by root or the owner of \(folderPath) (\(folder.ownerName)), "
                + "so \(access.ownerName) could have written anything in it: \(notObeyed). Check what it says, then: chown root \(path)"
        }
        if access.writableByOtherAccounts {
            return "\(accessPath) is writable by \(access.otherWriters) (mode \(access.octal)), who could give themselves any role: "
                + "\(notObeyed) until it is fixed: chmod 644 \(path)"
        }
        if folder.owner != 0, folder.owner != access.owner {
            return "\(folderPath) belongs to \(folder.ownerName), who could replace \(accessPath): \(notObeyed) until it is fixed: "
                + "chown root \(Shell.quote(folderPath))"
        }
        if folder.writableByOtherAccounts, !folder.sticky {
            return "\(folderPath) is writable by \(folder.otherWriters) (mode \(folder.octal)) and has no sticky bit, so any of them "
                + "could move \(accessPath) aside and put their own in its place: \(notObeyed) until it is fixed: chmod +t \(Shell.quote(folderPath))"
        }
        return nil
    }

    private var missingAccessVerdict: TrustVerdict {
        let putOneThere = "Put one there, owned by root with mode 0644 (see docs/access.md): install -o root -m 0644 ACCESS-FILE \(Shell.quote(accessPath))"
        if folder.writableByOtherAccounts {
            return .refuse("there is no \(accessPath), and \(folderPath) is writable by \(folder.otherWriters) (mode \(folder.octal)): "
                + "without an access file nobody may change a plan in a shared folder. \(putOneThere)")
        }
        if running != 0, running != folder.owner {
            return .refuse("there is no \(accessPath), and \(folderPath) belongs to \(folder.ownerName): without an access file only "
                + "\(folder.ownerName) may change a plan there. \(putOneThere)")
        }
        if authors.count > 1 {
            let names = authors.sorted()
            let shown = names.prefix(5).joined(separator: ", ") + (names.count > 5 ? ", …" : "")
            return .refuse("there is no \(accessPath), but \(journalPath) has records by \(names.count) accounts (\(shown)): "
                + "without an access file nobody may change a plan that several people update. \(putOneThere)")
        }
        return .open
    }
}
