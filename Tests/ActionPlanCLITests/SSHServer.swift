import Foundation
import Testing

enum SSHError: Error, CustomStringConvertible {
    case failed(String)

    var description: String {
        switch self {
        case .failed(let message): message
        }
    }
}

/// A real OpenSSH server for one test, never the machine's own: its config, host key, log and
/// each account's `authorized_keys` in a temporary folder, listening on a free port of 127.0.0.1
/// only, started in the foreground as the test's child and stopped by it.
final class SSHServer {
    static let daemon = "/usr/sbin/sshd"

    /// Whether the SSH tests run: always in CI, where a missing sshd must fail them (`.ci/run`
    /// installs it), and elsewhere only where OpenSSH's server is installed.
    static var shouldRun: Bool {
        ProcessInfo.processInfo.environment["CI"] != nil || FileManager.default.isExecutableFile(atPath: daemon)
    }

    let folder: URL
    let port: Int
    private var pid: pid_t?

    private let hostKey: URL
    private let knownHosts: URL
    /// What sshd says (`-e`), for when a test fails.
    let log: URL

    /// Starts sshd in `folder` with `settings`, a block of the deployment guide, reading each
    /// account's keys from `authorizedKeys(of:)`.
    init(in folder: URL, settings: String) throws {
        guard FileManager.default.isExecutableFile(atPath: Self.daemon) else {
            throw SSHError.failed("\(Self.daemon) is missing: install openssh-server (.ci/run does)")
        }
        self.folder = folder
        hostKey = folder.appendingPathComponent("ssh_host_ed25519_key")
        knownHosts = folder.appendingPathComponent("known_hosts")
        log = folder.appendingPathComponent("sshd.log")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("keys"), withIntermediateDirectories: true)
        try Self.keygen(hostKey, comment: "actionplan-test-host")
        // What the Debian package's service does before starting sshd: its privilege separation
        // directory lives in /run, which a fresh boot or container does not have.
        if getuid() == 0, !FileManager.default.fileExists(atPath: "/run/sshd") {
            try FileManager.default.createDirectory(atPath: "/run/sshd", withIntermediateDirectories: true, attributes: [.posixPermissions: 0o755])
        }
        // Another program may take the free port between our probe and sshd's bind: try again.
        var lastProblem = "sshd did not start"
        for _ in 0..<5 {
            let port = try Self.freePort()
            try Self.config(port: port, hostKey: hostKey, keys: folder.appendingPathComponent("keys/%u"), account: folder.appendingPathComponent("account"),
                            settings: settings)
                .write(to: folder.appendingPathComponent("sshd_config"), atomically: true, encoding: .utf8)
            guard let pid = Spawn.start([Self.daemon, "-D", "-e", "-f", folder.appendingPathComponent("sshd_config").path], log: log.path) else {
                throw SSHError.failed("cannot start \(Self.daemon)")
            }
            let started = Self.waitUntilListening(port: port, pid: pid, log: log)
            if started == .listening {
                self.pid = pid
                self.port = port
                let key = try String(contentsOf: hostKey.appendingPathExtension("pub"), encoding: .utf8).split(separator: " ").prefix(2).joined(separator: " ")
                try "[127.0.0.1]:\(port) \(key)\n".write(to: knownHosts, atomically: true, encoding: .utf8)
                return
            }
            if started == .timedOut {
                kill(pid, SIGTERM)
                Spawn.wait(pid)
            }
            lastProblem = (try? String(contentsOf: log, encoding: .utf8)) ?? lastProblem
        }
        throw SSHError.failed("sshd would not start; its log:\n\(lastProblem)")
    }

    deinit {
        stop()
    }

    /// Stops the server and the sessions it still holds, and waits for it.
    func stop() {
        guard let pid else { return }
        self.pid = nil
        // Each connection is served by a child of the listener; a test that failed half-way may
        // leave one open.
        if let pkill = Spawn.start(["pkill", "-TERM", "-P", String(pid)]) { Spawn.wait(pkill) }
        kill(pid, SIGTERM)
        Spawn.wait(pid)
    }

    /// The folder of every account's `authorized_keys`, each named after the account.
    var keys: URL { folder.appendingPathComponent("keys") }

    /// Where sshd reads the keys that may log in as `account`.
    func authorizedKeys(of account: String) -> URL {
        keys.appendingPathComponent(account)
    }

    /// The `ssh` command that connects as `account` with `key`, reading nothing of the machine's
    /// or the user's ssh configuration, trusting only this server's host key, and never asking
    /// anything (it fails instead).
    func ssh(_ account: String, key: URL, _ options: [String] = []) -> [String] {
        ["/usr/bin/ssh", "-F", "/dev/null", "-o", "BatchMode=yes", "-o", "IdentitiesOnly=yes", "-o", "IdentityAgent=none",
         "-i", key.path, "-o", "UserKnownHostsFile=\(knownHosts.path)", "-o", "GlobalKnownHostsFile=/dev/null",
         "-o", "StrictHostKeyChecking=yes", "-o", "ConnectTimeout=10", "-o", "LogLevel=ERROR", "-p", String(port)]
            + options + ["\(account)@127.0.0.1"]
    }

    /// What sshd has logged so far.
    var logText: String {
        (try? String(contentsOf: log, encoding: .utf8)) ?? ""
    }

    /// Whether sshd has logged `text`; it may log a moment after the client has seen the result,
    /// so this polls for up to 5 s.
    func logged(_ text: String) -> Bool {
        let deadline = Date().addingTimeInterval(5)
        while Date() < deadline {
            if logText.contains(text) { return true }
            usleep(50_000)
        }
        return false
    }

    /// A new ed25519 key pair without a passphrase at `file` and `file.pub`.
    static func keygen(_ file: URL, comment: String) throws {
        let run = try Runner.run(["-q", "-t", "ed25519", "-N", "", "-C", comment, "-f", file.path], program: URL(fileURLWithPath: "/usr/bin/ssh-keygen"))
        guard run.status == 0 else { throw SSHError.failed("ssh-keygen failed: \(run.stderr)") }
    }

    /// The server's configuration: what running in a temporary folder needs, then the guide's
    /// `settings`, word for word.
    private static func config(port: Int, hostKey: URL, keys: URL, account: URL, settings: String) throws -> String {
        """
        # Test only: a private server on loopback, reading its keys from the test's folder.
        Port \(port)
        ListenAddress 127.0.0.1
        HostKey \(hostKey.path)
        PidFile none
        AuthorizedKeysFile \(keys.path)
        # The temporary folder sits in world-writable /tmp, which StrictModes rejects; production
        # keeps StrictModes yes, with the keys file in the service account's home.
        StrictModes no
        # In shape (b) the service account is the running one, root in CI: it may log in only
        # through a key that carries a forced command.
        PermitRootLogin forced-commands-only
        # Without PAM, sshd itself refuses a locked password ("!"); the test's accounts have "*".
        UsePAM no
        PasswordAuthentication no
        KbdInteractiveAuthentication no
        LogLevel VERBOSE
        # The tool's cache and remembered journal heads go to the test's folder, not the home of
        # the account the test logs in as (root's, in shape (b)).
        SetEnv XDG_CACHE_HOME=\(account.path)/cache XDG_STATE_HOME=\(account.path)/state

        """ + settings
    }

    /// A port on 127.0.0.1 that nothing listens on now: the kernel picks it for a socket bound to
    /// port 0, which is then closed for sshd to take.
    static func freePort() throws -> Int {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw SSHError.failed("socket: \(String(cString: strerror(errno)))") }
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
                bind(socket, pointer, length) == 0 && getsockname(socket, pointer, &length) == 0
            }
        }
        guard bound else { throw SSHError.failed("cannot bind a port on 127.0.0.1: \(String(cString: strerror(errno)))") }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    private enum Start { case listening, ended, timedOut }

    /// Polls sshd's log until it says it listens, or it has ended (and been reaped), or 10 s have passed.
    private static func waitUntilListening(port: Int, pid: pid_t, log: URL) -> Start {
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline {
            if let text = try? String(contentsOf: log, encoding: .utf8), text.contains("Server listening on 127.0.0.1 port \(port)") { return .listening }
            var status: Int32 = 0
            if waitpid(pid, &status, WNOHANG) == pid { return .ended }
            usleep(50_000)
        }
        return .timedOut
    }
}
