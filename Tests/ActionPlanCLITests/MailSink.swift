import Foundation
import Testing

/// A real mail path for one test: Debian's msmtp as the sendmail, relaying to a real SMTP server
/// (Debian's aiosmtpd) on a free port of 127.0.0.1 that writes each message it accepts, byte for
/// byte, to a folder; and Python's `email` parser to read what arrived. Nothing of the machine's
/// mail configuration is read: msmtp gets the test's own file through a sendmail wrapper.
final class MailSink {
    static let python = "/usr/bin/python3"
    static let msmtp = "/usr/bin/msmtp"

    /// Whether the mail tests run: always in CI, where missing parts must fail them (`.ci/run`
    /// installs them), and elsewhere only where msmtp and aiosmtpd are installed.
    static var shouldRun: Bool {
        ProcessInfo.processInfo.environment["CI"] != nil
            || (FileManager.default.isExecutableFile(atPath: msmtp)
                && (try? Runner.run(["-c", "import aiosmtpd"], program: URL(fileURLWithPath: python)).status) == 0)
    }

    let folder: URL
    /// Where the server writes what it accepts: `NNN.eml` as received, then `NNN.json`, its envelope.
    let inbox: URL
    /// The sendmail the command under test is pointed at: msmtp with the test's configuration.
    let sendmail: URL
    private var pid: pid_t?

    init(in folder: URL) throws {
        guard FileManager.default.isExecutableFile(atPath: Self.msmtp) else {
            throw SSHError.failed("\(Self.msmtp) is missing: install msmtp (.ci/run does)")
        }
        self.folder = folder
        inbox = folder.appendingPathComponent("inbox")
        sendmail = folder.appendingPathComponent("sendmail")
        try FileManager.default.createDirectory(at: inbox, withIntermediateDirectories: true)
        try Self.handler.write(to: folder.appendingPathComponent("mailsink.py"), atomically: true, encoding: .utf8)
        try Self.reader.write(to: folder.appendingPathComponent("readmail.py"), atomically: true, encoding: .utf8)
        let log = folder.appendingPathComponent("aiosmtpd.log").path
        // Another program may take the free port between our probe and the server's bind: try again.
        for _ in 0..<5 {
            let port = try SSHServer.freePort()
            let argv = ["/usr/bin/env", "PYTHONPATH=\(folder.path)", Self.python, "-m", "aiosmtpd", "-n", "-l", "127.0.0.1:\(port)",
                        "-c", "mailsink.Sink", inbox.path]
            guard let pid = Spawn.start(argv, log: log) else { throw SSHError.failed("cannot start aiosmtpd") }
            guard Self.waitUntilListening(port: port, pid: pid) else {
                kill(pid, SIGTERM)
                Spawn.wait(pid)
                continue
            }
            self.pid = pid
            let config = folder.appendingPathComponent("msmtprc")
            try """
                # Test only: relay to the test's own server on loopback, nothing else.
                defaults
                auth off
                tls off
                logfile \(folder.appendingPathComponent("msmtp.log").path)
                account default
                host 127.0.0.1
                port \(port)
                from digests@harrow.example

                """.write(to: config, atomically: true, encoding: .utf8)
            try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: config.path)
            try "#!/bin/sh\nexec \(Self.msmtp) -C '\(config.path)' \"$@\"\n".write(to: sendmail, atomically: true, encoding: .utf8)
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: sendmail.path)
            return
        }
        throw SSHError.failed("aiosmtpd would not start; its log:\n\((try? String(contentsOfFile: log, encoding: .utf8)) ?? "")")
    }

    deinit {
        stop()
    }

    func stop() {
        guard let pid else { return }
        self.pid = nil
        kill(pid, SIGTERM)
        Spawn.wait(pid)
    }

    /// A message as it arrived, read by Python's `email` parser (policy `default`).
    struct Received: Decodable {
        let rcptTos: [String]
        let headerNames: [String]
        /// Each `To:` mailbox as [display name, address].
        let to: [[String]]
        let subject: String
        let contentType: String
        let charset: String?
        let body: String
        let defects: [String]
    }

    /// What has arrived, in order. sendmail returns only once the server has accepted the
    /// message, so everything sent is here when the command has finished.
    func received() throws -> [Received] {
        let run = try Runner.run([folder.appendingPathComponent("readmail.py").path, inbox.path], program: URL(fileURLWithPath: Self.python))
        guard run.status == 0 else { throw SSHError.failed("readmail.py failed: \(run.stderr)") }
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try decoder.decode([Received].self, from: Data(run.stdout.utf8))
    }

    /// Polls until something accepts connections on `port`, or the server has ended, or 20 s have passed.
    private static func waitUntilListening(port: Int, pid: pid_t) -> Bool {
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline {
            var status: Int32 = 0
            if waitpid(pid, &status, WNOHANG) == pid { return false }
            let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            address.sin_port = UInt16(port).bigEndian
            let connected = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
            }
            close(socket)
            if connected { return true }
            usleep(50_000)
        }
        return false
    }

    /// The server's handler: each message's bytes exactly as received, then its envelope.
    private static let handler = """
        import json, os

        class Sink:
            def __init__(self, folder):
                self.folder = folder
                self.count = 0

            @classmethod
            def from_cli(cls, parser, *args):
                return cls(args[0])

            async def handle_DATA(self, server, session, envelope):
                self.count += 1
                base = os.path.join(self.folder, "%03d" % self.count)
                with open(base + ".eml", "wb") as f:
                    f.write(envelope.original_content)
                with open(base + ".tmp", "w") as f:
                    json.dump({"rcpt_tos": envelope.rcpt_tos}, f)
                os.rename(base + ".tmp", base + ".json")
                return "250 OK"

        """

    /// Reads every message in the folder with Python's own mail parser, as a mail client would.
    private static let reader = """
        import email, email.policy, json, os, sys

        folder = sys.argv[1]
        out = []
        for name in sorted(n for n in os.listdir(folder) if n.endswith(".json")):
            with open(os.path.join(folder, name)) as f:
                envelope = json.load(f)
            with open(os.path.join(folder, name[:-5] + ".eml"), "rb") as f:
                message = email.message_from_bytes(f.read(), policy=email.policy.default)
            out.append({
                "rcpt_tos": envelope["rcpt_tos"],
                "header_names": list(message.keys()),
                "to": [[a.display_name, a.addr_spec] for a in message["To"].addresses],
                "subject": str(message["Subject"]),
                "content_type": message.get_content_type(),
                "charset": message.get_content_charset(),
                "body": message.get_content(),
                "defects": [repr(d) for d in message.defects],
            })
        json.dump(out, sys.stdout)

        """
}
