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
    convenience init(_ arguments: [String], in folder: URL, width: Int = 100, height: Int = 30, environment: [String: String] = [:]) throws {
        try self.init(command: [Runner.binary.path] + arguments, in: folder, width: width, height: height, environment: environment)
    }

    /// Starts `command` (a program and its arguments, such as `ssh`) in a `width`x`height` pane, in
    /// `folder`; one session per folder, since the socket and the status file live there.
    init(command: [String], in folder: URL, width: Int = 100, height: Int = 30, environment: [String: String] = [:]) throws {
        self.folder = folder
        socket = folder.appendingPathComponent("tmux.sock").path
        statusFile = folder.appendingPathComponent("status")
        let quoted = command.map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }
        // The shell ignores the interrupts a test sends, so it lives to record the exit status.
        let line = "trap '' INT; " + quoted.joined(separator: " ") + "; echo $? > '\(statusFile.path)'"
        var options = ["-e", "LC_ALL=C.UTF-8", "-e", "TERM=xterm-256color"]
        // The test's own cache and state folders, as `Runner` gives every run, unless named here.
        for (key, value) in Runner.accountFolders.merging(environment, uniquingKeysWith: { $1 }).sorted(by: { $0.key < $1.key }) {
            options += ["-e", "\(key)=\(value)"]
        }
        try run(["new-session", "-d", "-x", String(width), "-y", String(height)] + options + ["-c", folder.path, "sh", "-c", line + "; sleep 30"])
    }

    deinit {
        _ = try? run(["kill-server"])
    }

    /// Runs a tmux command and returns what it printed.
    ///
    /// It spawns tmux itself and waits for that one process: Foundation's `Process` would also
    /// wait for the server that `new-session` leaves running.
    @discardableResult
    func run(_ arguments: [String]) throws -> String {
        var pipe: [Int32] = [0, 0]
        guard Glibc.pipe(&pipe) == 0 else { throw TmuxError.failed("pipe") }
        let spawned = Spawn.start(["tmux", "-S", socket, "-f", "/dev/null"] + arguments, output: pipe[1])
        close(pipe[1])
        guard let pid = spawned else {
            close(pipe[0])
            throw TmuxError.failed("tmux is not installed (.ci/run installs it)")
        }
        // A new server keeps the write end open, so read only what the client itself printed:
        // wait for it first, then take what is in the pipe without waiting for its end.
        Spawn.wait(pid)
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 65_536)
        _ = fcntl(pipe[0], F_SETFL, O_NONBLOCK)
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

    /// Pastes `text` as a terminal does (`paste-buffer -p`): marked as a paste when the program
    /// has turned bracketed paste on, as plain keys otherwise.
    func paste(_ text: String) throws {
        let buffer = folder.appendingPathComponent("paste-buffer")
        try text.write(to: buffer, atomically: true, encoding: .utf8)
        try run(["load-buffer", buffer.path])
        try run(["paste-buffer", "-p", "-t", "0"])
    }

    /// Sends `signal` (HUP, TERM, KILL) to the program named `name` that the pane's shell started,
    /// as a hang-up or a kill would reach it; the shell itself lives on to record the exit status.
    func signal(_ signal: String, to name: String) throws {
        let shell = try run(["display-message", "-p", "-t", "0", "#{pane_pid}"]).trimmingCharacters(in: .whitespacesAndNewlines)
        guard let pid = Spawn.start(["pkill", "-\(signal)", "-P", shell, "-x", name]) else { throw TmuxError.failed("pkill") }
        Spawn.wait(pid)
    }

    /// On an output's screen, opens its update form (`u`) and moves the status `statusSteps` to the
    /// right, or with no steps its note form (`n`); then types `note`. Sending it is left to the caller.
    func fill(statusSteps: Int? = nil, note: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        if let statusSteps {
            try send("u")
            waitFor("▸ Status", sourceLocation: sourceLocation)
            try run(["send-keys", "-t", "0"] + Array(repeating: "Right", count: statusSteps) + ["Tab"])
        } else {
            try send("n")
            waitFor("▸ Progress note", sourceLocation: sourceLocation)
        }
        try send(note, literal: true)
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
