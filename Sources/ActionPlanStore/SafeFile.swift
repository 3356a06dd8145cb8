import Foundation

/// Opening files in a folder that others may write to: no symbolic link is followed, no FIFO or
/// device is waited on, and nothing but a regular file is read, appended to or replaced.
///
/// Every file the tool opens goes through here (docs/security.md, rules 1 and 2).
public enum SafeFile {
    /// Why a file could not be opened: the `errno`, and a sentence naming the file.
    public struct Problem: Error, Sendable {
        let code: Int32
        public let message: String

        /// There is nothing at the path.
        var isMissing: Bool { code == ENOENT }
    }

    /// Opens the regular file at `path` for reading, without following a link or blocking on a
    /// FIFO; the descriptor is then blocking again, for ordinary reads.
    static func openForReading(_ path: String) -> Result<Int32, Problem> {
        checked(path, open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC))
    }

    /// The whole regular file at `path`, read without following a link or blocking on a FIFO.
    public static func read(_ path: String) -> Result<[UInt8], Problem> {
        openForReading(path).map { fd in
            defer { close(fd) }
            return FileBytes.read(fd)
        }
    }

    /// Opens the regular file at `path` to append to (and read), without following a link or
    /// blocking; with `creating`, a missing file is made with that mode, never over anything.
    /// `created` says whether this call made it.
    static func openForAppending(_ path: String, creating mode: mode_t? = nil) -> Result<(fd: Int32, created: Bool), Problem> {
        let flags = O_RDWR | O_APPEND | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC
        while true {
            switch checked(path, open(path, flags)) {
            case .success(let fd): return .success((fd, false))
            case .failure(let problem) where problem.isMissing && mode != nil:
                let fd = open(path, flags | O_CREAT | O_EXCL, mode ?? 0)
                // Somebody else made it in between: open theirs.
                if fd < 0, errno == EEXIST { continue }
                return checked(path, fd).map { ($0, true) }
            case .failure(let problem): return .failure(problem)
            }
        }
    }

    /// Makes a new file at `path` holding `bytes`, never over anything already there (`O_EXCL`,
    /// so not through a link either), flushed to disk with its folder. Nil when done; otherwise
    /// why not, and a file this call made is removed again.
    public static func create(_ path: String, bytes: [UInt8], mode: mode_t = 0o644) -> Problem? {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode)
        guard fd >= 0 else {
            let code = errno
            let reason = code == EEXIST ? "something is already there, and it is never replaced" : String(cString: strerror(code))
            return Problem(code: code, message: "\(path): \(reason)")
        }
        let written = FileBytes.write(bytes, to: fd) && fsync(fd) == 0
        let code = errno
        close(fd)
        guard written else {
            unlink(path)
            return Problem(code: code, message: "\(path): \(String(cString: strerror(code)))")
        }
        syncFolder(of: path)
        return nil
    }

    /// `fd` if it is open on a regular file, made blocking again; otherwise closed, and why not.
    private static func checked(_ path: String, _ fd: Int32) -> Result<Int32, Problem> {
        guard fd >= 0 else {
            let code = errno
            // O_NOFOLLOW reports a link as ELOOP; say what it is rather than "too many levels".
            var info = stat()
            if code == ELOOP, lstat(path, &info) == 0 { return .failure(notRegular(path, info.st_mode)) }
            return .failure(Problem(code: code, message: "\(path): \(String(cString: strerror(code)))"))
        }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            let code = errno
            close(fd)
            return .failure(Problem(code: code, message: "\(path): \(String(cString: strerror(code)))"))
        }
        guard info.st_mode & S_IFMT == S_IFREG else {
            close(fd)
            return .failure(notRegular(path, info.st_mode))
        }
        let flags = fcntl(fd, F_GETFL)
        if flags >= 0 { _ = fcntl(fd, F_SETFL, flags & ~O_NONBLOCK) }
        return .success(fd)
    }

    /// "plans/x.journal is a FIFO, not a regular file".
    static func notRegular(_ path: String, _ mode: mode_t) -> Problem {
        Problem(code: EINVAL, message: "\(path) is \(kind(of: mode)), not a regular file")
    }

    /// What a file of `mode` is, in words: "a FIFO", "a directory", "a symbolic link".
    static func kind(of mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFREG: "a regular file"
        case S_IFDIR: "a directory"
        case S_IFLNK: "a symbolic link"
        case S_IFIFO: "a FIFO"
        case S_IFSOCK: "a socket"
        case S_IFCHR, S_IFBLK: "a device"
        default: "not a file of a known kind"
        }
    }

    /// What is at `path`, not following a link: nil when nothing is, or a problem when it is
    /// there but is not a regular file.
    static func existingNonRegular(_ path: String) -> Problem? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        return info.st_mode & S_IFMT == S_IFREG ? nil : notRegular(path, info.st_mode)
    }

    /// Flushes the folder holding `path` to disk, so that a file made, renamed or removed in it
    /// stays so after a crash. Best effort: some file systems cannot sync a folder.
    static func syncFolder(of path: String) {
        let fd = open(split(path).folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return }
        fsync(fd)
        close(fd)
    }

    /// The folder that holds `path` ("." when it names none) and its last part. Not NSString's
    /// path methods, which trap on some one-character paths.
    public static func split(_ path: String) -> (folder: String, name: String) {
        guard let slash = path.lastIndex(of: "/") else { return (".", path) }
        let folder = path[..<slash]
        return (folder.isEmpty ? "/" : String(folder), String(path[path.index(after: slash)...]))
    }

    /// `name` in the folder that holds `path`: `plans/access.yaml` beside `plans/x.yaml`, and
    /// plain `access.yaml` beside `x.yaml`.
    static func sibling(_ name: String, of path: String) -> String {
        path.contains("/") ? join(split(path).folder, name) : name
    }

    /// `folder/name`, with no doubled slash when `folder` is the root or ends in one.
    static func join(_ folder: String, _ name: String) -> String {
        folder.hasSuffix("/") ? folder + name : folder + "/" + name
    }

    /// A new, empty file in the folder of `path`, under a name nobody can guess
    /// (`path.` + 16 random hex digits + `.tmp`), made with O_EXCL so that nothing planted there
    /// is opened instead.
    static func createTemporary(beside path: String, mode: mode_t) -> Result<(fd: Int32, path: String), Problem> {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<100 {
            let temporary = path + "." + String(generator.next() as UInt64, radix: 16) + temporarySuffix
            let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode)
            if fd >= 0 { return .success((fd, temporary)) }
            guard errno == EEXIST else { return .failure(Problem(code: errno, message: String(cString: strerror(errno)))) }
        }
        return .failure(Problem(code: EEXIST, message: "no unused temporary name beside \(path)"))
    }

    private static let temporarySuffix = ".tmp"

    /// Whether `file` is a name `createTemporary(beside:)` gives a temporary file beside `name`,
    /// both names within one folder.
    static func isTemporary(_ file: String, beside name: String) -> Bool {
        file.count > name.count + 1 + temporarySuffix.count && file.hasPrefix(name + ".") && file.hasSuffix(temporarySuffix)
    }
}
