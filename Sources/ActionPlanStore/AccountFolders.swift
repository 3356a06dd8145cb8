import Foundation

/// The running account's own folders for what the tool works out from the shared plans folder:
/// the load cache, and the head of each journal it last saw.
///
/// They live with the account, never in the plans folder, because anyone in the plans folder's
/// group could write a file there: what the tool derives must come from a place only the account
/// that reads it can write to (see docs/performance.md and docs/journal.md).
public struct AccountFolders: Sendable {
    /// Where load caches go: `$XDG_CACHE_HOME/actionplan`; nil for none.
    public let cache: String?
    /// Where the journal heads seen are kept: `$XDG_STATE_HOME/actionplan`; nil for none.
    public let state: String?

    public init(cache: String?, state: String?) {
        self.cache = cache
        self.state = state
    }

    /// The folders for the running account: `$XDG_CACHE_HOME/actionplan` and
    /// `$XDG_STATE_HOME/actionplan` when those are absolute paths, otherwise `~/.cache/actionplan`
    /// and `~/.local/state/actionplan` under the home folder the password database gives the
    /// account (not `$HOME`, which sudo and su may leave pointing at another account's home).
    public static func running(environment: [String: String] = ProcessInfo.processInfo.environment) -> AccountFolders {
        let home = getpwuid(geteuid()).flatMap { $0.pointee.pw_dir.map { String(cString: $0) } }
        func folder(_ variable: String, _ fallback: String) -> String? {
            if let base = environment[variable], base.hasPrefix("/") { return SafeFile.join(base, "actionplan") }
            guard let home, home.hasPrefix("/") else { return nil }
            return SafeFile.join(home, fallback + "/actionplan")
        }
        return AccountFolders(cache: folder("XDG_CACHE_HOME", ".cache"), state: folder("XDG_STATE_HOME", ".local/state"))
    }
}

/// A folder that only the running account can write to, and the files in it.
///
/// Made with mode 0700 when missing. A folder or file is used only when it is owned by the running
/// account (its effective uid) and not writable by group or others, and is neither a symbolic
/// link nor anything but a directory or regular file; otherwise it is passed over in silence, and
/// the tool reads the shared files instead.
enum PrivateFolder {
    /// The file name for what is kept about `path` (an absolute, resolved path): its SHA-256 in hex,
    /// then `suffix`. Hashed so that no path, however long or odd, makes an awkward name.
    static func name(for path: String, suffix: String) -> String {
        SHA256Digest.hex(of: Data(path.utf8)) + suffix
    }

    /// `path` made absolute with every symbolic link resolved: the file's own when it exists,
    /// otherwise its folder's with its name added (a journal not yet written); nil when neither
    /// resolves.
    static func resolved(_ path: String) -> String? {
        if let full = realpath(path, nil) {
            defer { free(full) }
            return String(cString: full)
        }
        // Split by hand: Foundation's `deletingLastPathComponent` traps on a one-character path.
        let slash = path.lastIndex(of: "/")
        let folder = slash.map { path[...$0] } ?? "."
        guard let full = realpath(String(folder), nil) else { return nil }
        defer { free(full) }
        let name = slash.map { path[path.index(after: $0)...] } ?? path[...]
        let base = String(cString: full)
        return (base == "/" ? "" : base) + "/" + name
    }

    /// The bytes of the file `name` in `folder`, when both are the running account's own.
    static func read(_ name: String, in folder: String) -> [UInt8]? {
        withFile(name, in: folder) { FileBytes.read($0) }
    }

    /// The file `name` in `folder` mapped into memory (see `MappedBytes`), when both are the
    /// running account's own and it is not empty.
    static func map(_ name: String, in folder: String) -> MappedBytes? {
        withFile(name, in: folder) { MappedBytes(mapping: $0) } ?? nil
    }

    /// `use` of the file `name` in `folder` opened for reading, when both are the running account's own.
    private static func withFile<Value>(_ name: String, in folder: String, _ use: (Int32) -> Value) -> Value? {
        guard let directory = open(folder, creating: false) else { return nil }
        defer { close(directory) }
        let fd = openat(directory, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG, isPrivate(info) else { return nil }
        return use(fd)
    }

    /// Makes the file `name` in `folder` whole or not at all, with mode 0600, creating the folder
    /// (0700) when missing; false when the folder is not the account's own or the write failed.
    @discardableResult
    static func write(_ name: String, in folder: String, _ write: (Int32) -> Bool) -> Bool {
        guard let directory = open(folder, creating: true) else { return false }
        removeLeftovers(of: name, in: directory, folder: folder)
        close(directory)
        return FileBytes.replace(SafeFile.join(folder, name), mode: 0o600, write) == nil
    }

    /// Removes the temporary files of earlier writes of `name` that were never finished: a
    /// process killed while it wrote (a cache is written while the command prints, and a
    /// large one takes seconds) leaves one behind. Only files an hour old or more, so that
    /// another process of the account writing `name` now keeps its own.
    private static func removeLeftovers(of name: String, in directory: Int32, folder: String) {
        guard let files = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        let anHourAgo = time(nil) - 3600
        for file in files where SafeFile.isTemporary(file, beside: name) {
            var info = stat()
            guard fstatat(directory, file, &info, AT_SYMLINK_NOFOLLOW) == 0, info.st_mode & S_IFMT == S_IFREG,
                  info.st_uid == geteuid(), info.st_mtim.tv_sec <= anHourAgo else { continue }
            unlinkat(directory, file, 0)
        }
    }

    /// The folder at `path` opened (not following a link), when it is the account's own and
    /// writable by it alone; with `creating`, it and any missing folders above it are made first.
    private static func open(_ path: String, creating: Bool) -> Int32? {
        if creating { makeFolders(path) }
        let fd = Foundation.open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFDIR, isPrivate(info) else {
            close(fd)
            return nil
        }
        return fd
    }

    /// Owned by the running account and not writable by group or others.
    private static func isPrivate(_ info: stat) -> Bool {
        info.st_uid == geteuid() && info.st_mode & (S_IWGRP | S_IWOTH) == 0
    }

    /// `mkdir -p -m 0700`: each missing folder on the way is made with mode 0700, as the XDG base
    /// directory specification asks; folders that exist are left as they are.
    private static func makeFolders(_ path: String) {
        var partial = ""
        for component in path.split(separator: "/") {
            partial += "/" + component
            _ = mkdir(partial, 0o700)
        }
    }
}
