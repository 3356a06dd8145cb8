import Foundation
import Testing

/// Officers over real OpenSSH, set up as `docs/deploy-ssh.md` tells an IT officer (one service
/// account, one forced-command key line per officer): real `ssh -tt` sessions in tmux against a
/// private sshd on 127.0.0.1.
///
/// Outside CI they are skipped where OpenSSH's server is not installed; in CI they always run.
@Suite(.serialized, .enabled(if: SSHServer.shouldRun, "/usr/sbin/sshd is not installed: apt-get install openssh-server (in CI these tests always run)"))
struct SSHTests {
    /// The plan's Police output, which officer A's agency leads.
    static let police = Action(id: "16.1", search: "identify those children", title: "To identify those children at risk of being sexually exploited.")
    /// The WISH Centre's output, which officer B's agency leads and officer A's does not.
    static let wish = Action(id: "2.3", search: "emerging trends", title: "Address emerging trends of increased sexual violence amongst young people")

    @Test func anOfficerUpdatesTheirAgencysActionAndTheChairSeesItLive() throws {
        let fixture = try SSHFixture(.serviceAccount)
        defer { fixture.close() }
        let chair = try fixture.session(fixture.chair)
        try fixture.open(Self.police, in: chair)
        chair.waitFor("History       no updates recorded")

        let officer = try fixture.record(Self.police, as: fixture.police, statusSteps: 2, note: "CSE screening in every custody suite",
                                         shown: "Recorded line 1: 16.1 status on track; note: CSE screening in every custody suite")
        #expect(fixture.records().map { $0.by } == [fixture.police])
        #expect(fixture.records().first?.output == Self.police.id)

        // The chair's own session follows the journal (the runtime checks it every 250 ms): no
        // key is sent to it, so the note can only appear that way.
        chair.waitFor("CSE screening in every custody suite")

        // Quitting the interface ends the connection: ssh exits with the tool's status (q on the
        // detail goes back to the list; there it quits).
        try officer.send("q", "q")
        #expect(officer.exitStatus() == 0)
    }

    @Test func anOfficerIsRefusedAnotherAgencysActionAndNothingIsWritten() throws {
        let fixture = try SSHFixture(.serviceAccount)
        defer { fixture.close() }
        let officer = try fixture.session(fixture.police)
        try fixture.open(Self.wish, in: officer)
        // Refused before any typing: no form opens.
        try officer.send("n")
        officer.waitFor("output 2.3 is led by WISH, and \(fixture.police) updates for Police only")
        #expect(!officer.screen.contains("Progress note"))
        #expect(!FileManager.default.fileExists(atPath: fixture.journal.path))

        // The officer whose agency leads it may: the other key line names the other officer.
        try fixture.record(Self.wish, as: fixture.wish, note: "Harrow Shield sessions booked for the spring term",
                           shown: "Recorded line 1: 2.3 note: Harrow Shield sessions booked for the spring term")
        #expect(fixture.records().map { $0.by } == [fixture.wish])
    }

    @Test func anOfficerCannotReachAShellAnotherCommandOrAForward() throws {
        let fixture = try SSHFixture(.serviceAccount)
        defer { fixture.close() }
        let proof = fixture.folder.appendingPathComponent("pwned")

        // A command without a terminal: the forced command runs instead, and finds no terminal.
        let command = try fixture.ssh(fixture.police, command: "sh -c \"id > \(proof.path)\"")
        #expect(command.status == 2, "\(command.stderr)")
        #expect(command.stderr.contains("actionplan: the full-screen interface needs a terminal"))
        #expect(!FileManager.default.fileExists(atPath: proof.path))

        // A shell asked for with a terminal: the interface opens instead, and quitting it ends
        // the connection.
        let shell = try fixture.session(fixture.police, command: "/bin/bash")
        // A lead officer starts on their own actions.
        shell.waitFor("Filter: mine (")
        #expect(!shell.screen.contains("\(fixture.serviceAccount)@"), "no shell prompt")
        try shell.send("q")
        #expect(shell.exitStatus() == 0)
        #expect(!FileManager.default.fileExists(atPath: proof.path))

        // Forwarding, local (-W) and remote (-R), is refused by the key line's `restrict` and the
        // guide's `DisableForwarding yes`.
        let local = try fixture.ssh(fixture.police, options: ["-W", "127.0.0.1:\(fixture.server.port)"])
        #expect(local.status == 255)
        #expect(local.stderr.contains("stdio forwarding failed"), "\(local.stderr)")
        #expect(fixture.server.logged("refused local port forward"), "\(fixture.server.logText)")
        let remote = try fixture.ssh(fixture.police, options: ["-N", "-o", "ExitOnForwardFailure=yes", "-R", "127.0.0.1:0:127.0.0.1:\(fixture.server.port)"])
        #expect(remote.status == 255)
        #expect(remote.stderr.contains("remote port forwarding failed"), "\(remote.stderr)")
    }

    /// KILL: the connection drops with no goodbye to the server (a crash, a pulled cable). HUP:
    /// the officer closes their terminal window, and the client says goodbye as it goes.
    @Test(arguments: ["KILL", "HUP"])
    func aConnectionDroppedInTheMiddleOfAnUpdateLeavesTheJournalWhole(clientSignal: String) throws {
        let fixture = try SSHFixture(.serviceAccount)
        defer { fixture.close() }
        // A journal with a record in it, so there is something to keep whole.
        let seeded = try Runner.run(["note", Self.police.id, "Protocol signed", "--plan", fixture.plan.path, "--as", fixture.police], in: fixture.folder)
        #expect(seeded.status == 0, "\(seeded.stderr)")
        let before = try Data(contentsOf: fixture.journal)

        let officer = try fixture.session(fixture.police)
        try fixture.open(Self.police, in: officer)
        try officer.fill(statusSteps: 1, note: "Half of a note about the")
        officer.waitFor("Half of a note about the")
        #expect(fixture.serverSessions(of: fixture.police).count == 1)

        try officer.signal(clientSignal, to: "ssh")
        #expect(officer.exitStatus() != nil)
        // Either way the server-side tool must exit, not linger on a terminal that is gone.
        #expect(fixture.waitUntilNoServerSession(of: fixture.police), "the server-side actionplan is still running")
        #expect(try Data(contentsOf: fixture.journal) == before)
        #expect(!FileManager.default.fileExists(atPath: fixture.journal.path + ".torn"))
        let verify = try Runner.run(["verify", fixture.plan.path], in: fixture.folder)
        #expect(verify.status == 0, "\(verify.stdout)\(verify.stderr)")
    }

    @Test(.enabled(if: getuid() == 0 || ProcessInfo.processInfo.environment["CI"] != nil, "shape (a) makes OS accounts, which needs root"))
    func officersWithTheirOwnAccountsShareTheJournalThroughTheirGroup() throws {
        let fixture = try SSHFixture(.accountPerOfficer)
        defer { fixture.close() }
        let officer = try fixture.record(Self.police, as: fixture.police, statusSteps: 2, note: "Custody suites screen for CSE",
                                         shown: "Recorded line 1: 16.1 status on track; note: Custody suites screen for CSE")
        try officer.send("q", "q")
        #expect(officer.exitStatus() == 0)

        // The first officer made the journal: it belongs to them and to the group (the folder's
        // setgid bit), and stays writable by the group (the forced command's umask 002).
        var journal = stat()
        #expect(stat(fixture.journal.path, &journal) == 0)
        #expect(journal.st_uid == getpwnam(fixture.police)?.pointee.pw_uid)
        #expect(journal.st_gid == getgrnam(fixture.group)?.pointee.gr_gid)
        #expect(journal.st_mode & 0o777 == 0o664)

        try fixture.record(Self.wish, as: fixture.wish, note: "Shield sessions booked", shown: "Recorded line 2: 2.3 note: Shield sessions booked")
        #expect(fixture.records().map { $0.by } == [fixture.police, fixture.wish])

        // ForceCommand runs whatever the officer asks for, even where they could write.
        let proof = fixture.plan.deletingLastPathComponent().appendingPathComponent("pwned")
        let command = try fixture.ssh(fixture.police, command: "sh -c \"id > \(proof.path)\"")
        #expect(command.status == 2, "\(command.stderr)")
        #expect(command.stderr.contains("actionplan: the full-screen interface needs a terminal"))
        #expect(!FileManager.default.fileExists(atPath: proof.path))
    }
}

/// An output of the bundled Harrow plan, and how to find it in the interface.
struct Action {
    let id: String
    /// Text that the search (`/`) matches in this output alone.
    let search: String
    let title: String
}

/// One scenario's world: a copy of the bundled plans with access rules for two officers of
/// different agencies (and in shape (b) a chair), a key pair each, the guide's sshd settings for the
/// shape, and a private sshd. `close` stops every session and the server, removes any account the
/// fixture made, and removes the folder.
final class SSHFixture {
    /// The deployment guide's two shapes.
    enum Shape {
        /// (b) One service account, one forced-command key line per officer.
        case serviceAccount
        /// (a) One OS account per officer, in a group that sshd forces the tool on.
        case accountPerOfficer
    }

    let shape: Shape
    let police: String
    let wish: String
    let chair: String
    /// The running account, which shape (b) logs everyone in as.
    let serviceAccount: String
    /// Shape (a)'s group, made for the test, which owns the plans folder.
    let group: String
    let folder: URL
    let plan: URL
    /// The tool that sshd forces: in shape (a) a copy beside the plans, so that the officers'
    /// accounts can run it wherever the checkout is (a home folder that only root may enter).
    let binary: URL
    let server: SSHServer
    /// Shape (a)'s officers' accounts, once made.
    private var accounts: OSAccounts?
    private var sessions: [Tmux] = []

    var journal: URL { plan.deletingPathExtension().appendingPathExtension("journal") }

    init(_ shape: Shape) throws {
        self.shape = shape
        guard let entry = getpwuid(geteuid()), let name = entry.pointee.pw_name else {
            throw SSHError.failed("the running account has no entry in the password database")
        }
        serviceAccount = String(cString: name)
        // Shape (a)'s accounts are real ones on this machine: a fresh name each run, never a person's.
        let tag = "aptest-" + UUID().uuidString.prefix(6).lowercased()
        group = tag
        (police, wish, chair) = shape == .serviceAccount ? ("pc.jones", "wish.okafor", "chair.morgan") : ("\(tag)-police", "\(tag)-wish", "\(tag)-chair")
        folder = try JournalCommandTests.copyOfPlans()
        plan = folder.appendingPathComponent("plans/harrow-vawg-2014-17.yaml")
        binary = shape == .serviceAccount ? Runner.binary : folder.appendingPathComponent("bin/actionplan")
        do {
            if shape == .accountPerOfficer {
                try FileManager.default.createDirectory(at: binary.deletingLastPathComponent(), withIntermediateDirectories: true)
                try FileManager.default.copyItem(at: Runner.binary, to: binary)
            }
            let settings = shape == .serviceAccount
                ? try DeployGuide.serviceAccountConfig(account: serviceAccount)
                : try DeployGuide.officerAccountsConfig(group: group, binary: binary.path, plan: plan.path)
            server = try SSHServer(in: folder.appendingPathComponent("sshd"), settings: settings)
        } catch {
            try? FileManager.default.removeItem(at: folder)
            throw error
        }
        do {
            try setUp()
        } catch {
            close()
            throw error
        }
    }

    /// The access rules, the accounts and folder rights of the shape, and everyone's keys.
    private func setUp() throws {
        let people = shape == .serviceAccount ? [chair, police, wish] : [police, wish]
        try """
            \(shape == .serviceAccount ? "service_account: \(serviceAccount)" : "# one OS account per officer: nobody passes --as")
            people:
              - account: \(chair)
                role: chair
              - account: \(police)
                role: lead
                agencies: [Police]
              - account: \(wish)
                role: lead
                agencies: [The WISH Centre]

            """.write(to: folder.appendingPathComponent("plans/access.yaml"), atomically: true, encoding: .utf8)
        if shape == .accountPerOfficer { try makeAccounts(people) }
        var serviceKeys = ""
        for person in people {
            try SSHServer.keygen(key(person), comment: person)
            let publicKey = try String(contentsOf: key(person).appendingPathExtension("pub"), encoding: .utf8)
            switch shape {
            case .serviceAccount:
                serviceKeys += try DeployGuide.keyLine(binary: binary.path, officer: person, plan: plan.path, publicKey: publicKey) + "\n"
            case .accountPerOfficer:
                try publicKey.write(to: server.authorizedKeys(of: person), atomically: true, encoding: .utf8)
                // sshd reads an account's keys as that account.
                try Self.permit(0o644, [server.authorizedKeys(of: person)])
            }
        }
        if shape == .serviceAccount {
            try serviceKeys.write(to: server.authorizedKeys(of: serviceAccount), atomically: true, encoding: .utf8)
        }
    }

    /// Shape (a): the group, an account in it for each officer (a shell for ForceCommand, a
    /// password of "*" that nobody can type), and the plans folder and files laid out as the
    /// guide's step 2 says: owned by root and the group, the folder setgid and sticky.
    private func makeAccounts(_ people: [String]) throws {
        accounts = try OSAccounts(people, group: group, homesIn: folder.appendingPathComponent("home"))
        let plans = plan.deletingLastPathComponent()
        let layout = try DeployGuide.layout()
        let files = try FileManager.default.contentsOfDirectory(at: plans, includingPropertiesForKeys: nil)
        try Self.system("/bin/chown", ["root:\(group)", plans.path] + files.map(\.path))
        try Self.system("/bin/chmod", [layout.folder, plans.path])
        try Self.system("/bin/chmod", [layout.files] + files.map(\.path))
        // Whatever the umask that made them, the officers' accounts must reach the plans, the
        // tool and their keys (the private keys and the host key stay root's alone).
        try Self.permit(0o755, [folder, binary.deletingLastPathComponent(), binary, server.folder, server.keys])
    }

    private static func permit(_ mode: Int, _ paths: [URL]) throws {
        for path in paths {
            try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: path.path)
        }
    }

    private static func system(_ program: String, _ arguments: [String]) throws {
        let run = try Runner.run(arguments, program: URL(fileURLWithPath: program), timeout: 30)
        guard run.status == 0 else { throw SSHError.failed("\(program) \(arguments.joined(separator: " ")) failed: \(run.stderr)") }
    }

    /// Ends every ssh session, then the server, removes the accounts and group it made, then the folder.
    func close() {
        for session in sessions { _ = try? session.run(["kill-server"]) }
        sessions.removeAll()
        server.stop()
        accounts?.remove()
        accounts = nil
        try? FileManager.default.removeItem(at: folder)
    }

    private func key(_ person: String) -> URL {
        folder.appendingPathComponent("sshd/\(person)")
    }

    /// The account `person` logs in as.
    private func login(_ person: String) -> String {
        shape == .serviceAccount ? serviceAccount : person
    }

    /// `ssh -tt` as `person` in its own tmux server, asking for `command` (which the forced
    /// command overrides); waits for the interface to open when no command is asked for.
    func session(_ person: String, command: String? = nil) throws -> Tmux {
        let home = folder.appendingPathComponent("sessions/\(person)-\(sessions.count)")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        let tmux = try Tmux(command: server.ssh(login(person), key: key(person), ["-tt"]) + (command.map { [$0] } ?? []), in: home)
        sessions.append(tmux)
        if command == nil { tmux.waitFor("? help") }
        return tmux
    }

    /// `ssh` as `person` without a terminal, with more `options`, asking the server to run `command`.
    func ssh(_ person: String, options: [String] = [], command: String? = nil) throws -> Run {
        let argv = server.ssh(login(person), key: key(person), options) + (command.map { [$0] } ?? [])
        return try Runner.run(Array(argv.dropFirst()), in: folder, program: URL(fileURLWithPath: argv[0]), timeout: 30)
    }

    /// Finds an output by its text in the interface and opens its detail: on the list (where an
    /// officer starts), its filters cleared first, so other agencies' outputs are found too.
    func open(_ output: Action, in tmux: Tmux, sourceLocation: SourceLocation = #_sourceLocation) throws {
        try tmux.send("Tab", "c", "/")
        try tmux.send(output.search, literal: true)
        try tmux.send("Enter")
        tmux.waitFor("· 1 of 55", sourceLocation: sourceLocation)
        try tmux.send("Enter")
        tmux.waitFor(output.title, sourceLocation: sourceLocation)
    }

    /// Logs in as `person`, opens `output`, and records a note, with a status `statusSteps` to the
    /// right when given; returns the session once it shows `shown`.
    @discardableResult
    func record(_ output: Action, as person: String, statusSteps: Int? = nil, note: String,
                shown: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> Tmux {
        let tmux = try session(person)
        tmux.waitFor(person, sourceLocation: sourceLocation)
        try open(output, in: tmux, sourceLocation: sourceLocation)
        try tmux.fill(statusSteps: statusSteps, note: note, sourceLocation: sourceLocation)
        try tmux.send("Enter")
        tmux.waitFor(shown, sourceLocation: sourceLocation)
        return tmux
    }

    /// Who wrote each journal line, about which output.
    func records() -> [(by: String, output: String)] {
        guard let text = try? String(contentsOf: journal, encoding: .utf8) else { return [] }
        return text.split(separator: "\n").compactMap { line in
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                  let by = object["by"] as? String, let output = object["output"] as? String else { return nil }
            return (by, output)
        }
    }

    /// The server-side `actionplan` processes acting for `person` on this fixture's plan, found by
    /// their command lines (the key line's forced command).
    func serverSessions(of person: String) -> [Int] {
        let wanted = [binary.path, "--as", person, plan.path]
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap { entry in
            guard let pid = Int(entry), let data = FileManager.default.contents(atPath: "/proc/\(entry)/cmdline") else { return nil }
            let arguments = data.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
            return arguments == wanted ? pid : nil
        }
    }

    /// Polls until no server-side session acts for `person`, for up to 10 s.
    func waitUntilNoServerSession(of person: String) -> Bool {
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline {
            if serverSessions(of: person).isEmpty { return true }
            usleep(100_000)
        }
        return false
    }
}
