import Foundation
import Testing

enum TmuxError: Error {
    case failed(String)
}

/// The real binary in a real terminal: a private tmux server (its own socket, no user config),
/// driven with send-keys and read with capture-pane.
final class Tmux {
    let folder: URL
    private let socket: String
    /// Where the pane's shell writes the program's exit status.
    private let statusFile: URL

    /// Starts `actionplan ARGUMENTS` in a `width`x`height` pane, in `folder`.
    init(_ arguments: [String], in folder: URL, width: Int = 100, height: Int = 30, environment: [String: String] = [:]) throws {
        self.folder = folder
        socket = folder.appendingPathComponent("tmux.sock").path
        statusFile = folder.appendingPathComponent("status")
        let quoted = ([Runner.binary.path] + arguments).map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }
        // The shell ignores the interrupts a test sends, so it lives to record the exit status.
        let command = "trap '' INT; " + quoted.joined(separator: " ") + "; echo $? > '\(statusFile.path)'"
        var options = ["-e", "LC_ALL=C.UTF-8", "-e", "TERM=xterm-256color"]
        for (key, value) in environment { options += ["-e", "\(key)=\(value)"] }
        try run(["new-session", "-d", "-x", String(width), "-y", String(height)] + options + ["-c", folder.path, "sh", "-c", command + "; sleep 30"])
    }

    deinit {
        try? run(["kill-server"])
    }

    /// Runs a tmux command and returns what it printed.
    ///
    /// It spawns tmux itself and waits for that one process: Foundation's `Process` would also
    /// wait for the server that `new-session` leaves running.
    @discardableResult
    func run(_ arguments: [String]) throws -> String {
        var pipe: [Int32] = [0, 0]
        guard Glibc.pipe(&pipe) == 0 else { throw TmuxError.failed("pipe") }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, pipe[1], 1)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addclose(&actions, pipe[0])
        let argv = ["tmux", "-S", socket, "-f", "/dev/null"] + arguments
        var cArguments = argv.map { strdup($0) } + [nil]
        defer { cArguments.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawnp(&pid, "tmux", &actions, nil, &cArguments, environ)
        close(pipe[1])
        guard spawned == 0 else {
            close(pipe[0])
            throw TmuxError.failed("tmux is not installed (.ci/run installs it)")
        }
        // A new server keeps the write end open, so read only what the client itself printed:
        // wait for it first, then take what is in the pipe without waiting for its end.
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 65_536)
        fcntl(pipe[0], F_SETFL, O_NONBLOCK)
        while true {
            let count = read(pipe[0], &buffer, buffer.count)
            guard count > 0 else { break }
            data.append(contentsOf: buffer[0..<count])
        }
        close(pipe[0])
        return String(decoding: data, as: UTF8.self)
    }

    /// Keys as tmux names them (`Down`, `Enter`, `C-c`), or literal text with `literal`.
    func send(_ keys: String..., literal: Bool = false) throws {
        try run(["send-keys", "-t", "0"] + (literal ? ["-l"] : []) + keys)
    }

    var screen: String {
        (try? run(["capture-pane", "-p", "-t", "0"])) ?? ""
    }

    /// Waits until the screen shows `text`, polling every 0.1 s; records an issue at the deadline.
    @discardableResult
    func waitFor(_ text: String, seconds: Double = 10, sourceLocation: SourceLocation = #_sourceLocation) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if screen.contains(text) { return true }
            usleep(100_000)
        }
        Issue.record("the screen never showed '\(text)'; it shows:\n\(screen)", sourceLocation: sourceLocation)
        return false
    }

    /// The program's exit status once it has ended.
    func exitStatus(seconds: Double = 10) -> Int? {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if let text = try? String(contentsOf: statusFile, encoding: .utf8), let status = Int(text.trimmingCharacters(in: .whitespacesAndNewlines)) {
                return status
            }
            usleep(100_000)
        }
        return nil
    }
}
