import ActionPlanStore
import ActionPlanTUI
import CNcursesw
import Foundation

/// The user's own editor, for a long note, run as `git commit` runs it: the command in
/// `$VISUAL`, else `$EDITOR`, else `vi`, given through the shell so it may carry arguments
/// (`code --wait`), on a file made for the purpose in a private folder of its own.
public struct Editor: Sendable {
    /// The command, as `$VISUAL` or `$EDITOR` hold it.
    public let command: String

    public init(command: String) {
        self.command = command
    }

    /// The editor the environment names.
    public static func fromEnvironment() -> Editor {
        let environment = ProcessInfo.processInfo.environment
        let named = [environment["VISUAL"], environment["EDITOR"]].compactMap { $0 }.first { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
        return Editor(command: named ?? "vi")
    }

    /// What the user wrote, starting from `text`; or why nothing was taken (the editor failed or
    /// ended with a non-zero status, as `:cq` in vi does to abandon it).
    func edit(_ text: String) -> Result<String, EditorFailure> {
        var template = Array(URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("actionplan-note-XXXXXX").path.utf8CString)
        guard template.withUnsafeMutableBufferPointer({ $0.baseAddress.map { mkdtemp($0) != nil } ?? false }) else {
            return .failure(EditorFailure(message: "cannot make a folder for the note: \(String(cString: strerror(errno)))"))
        }
        let folder = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        defer { rmdir(folder) }
        let path = folder + "/NOTE.txt"
        if let problem = SafeFile.create(path, bytes: Array(text.utf8) + (text.isEmpty ? [] : [10]), mode: 0o600) {
            return .failure(EditorFailure(message: "cannot make the note's file: \(problem.message)"))
        }
        defer { unlink(path) }
        let status = run([ "/bin/sh", "-c", command + " \"$@\"", command, path])
        guard status == 0 else {
            return .failure(EditorFailure(message: "the editor (\(command)) ended with status \(status); the field is as it was"))
        }
        switch SafeFile.read(path) {
        case .success(let bytes):
            return .success(String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
        case .failure(let problem):
            return .failure(EditorFailure(message: "cannot read the note back: \(problem.message)"))
        }
    }

    /// Runs `argv` on this terminal and waits for it; its exit status, 128+n for a signal, 127
    /// when it could not start. Ctrl-C in the editor is the editor's: this process ignores it meanwhile.
    private func run(_ argv: [String]) -> Int32 {
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var usual = sigset_t()
        sigemptyset(&usual)
        for signal in [SIGINT, SIGQUIT, SIGTERM, SIGHUP] { sigaddset(&usual, signal) }
        posix_spawnattr_setsigdefault(&attributes, &usual)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF))
        var arguments = argv.map { strdup($0) } + [nil]
        defer { arguments.forEach { free($0) } }
        shim_ignore_interrupt(1)
        defer { shim_ignore_interrupt(0) }
        var pid: pid_t = 0
        guard posix_spawn(&pid, argv[0], nil, &attributes, &arguments, environ) == 0 else { return 127 }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0, errno == EINTR {}
        // WIFEXITED and friends are macros Swift cannot import: the low 7 bits hold the signal.
        let signalled = status & 0x7f
        return signalled == 0 ? (status >> 8) & 0xff : 128 + signalled
    }
}
