import Foundation
import Testing

/// A lead with a shell in the plans group plants links in the shared folder, and the chair runs
/// the tool: nothing of the chair's is written through them, and nothing private is printed.
///
/// Two real OS accounts (docs/security.md): `apt11f1` plants, `apt11f2` runs the tool. As root
/// they are made and removed by each test; otherwise the tests are skipped, and under CI they run.
@Suite(.serialized, .enabled(if: getuid() == 0 || ProcessInfo.processInfo.environment["CI"] != nil,
                             "planting links as one account against another needs two OS accounts, which needs root"))
struct PlantedLinkTests {
    /// The deploy layout of shape (a) with an attacker and a victim in its group.
    final class World {
        static let group = "apt11f"
        static let attacker = "apt11f1"
        static let victim = "apt11f2"
        let folder: URL
        let binary: URL
        var plans: URL { folder.appendingPathComponent("plans") }
        var journal: URL { plans.appendingPathComponent("harrow-vawg-2014-17.journal") }
        /// A file of the victim's own, outside the plans folder.
        var victimFile: URL { folder.appendingPathComponent("home/\(Self.victim)/.bashrc") }
        let victimText = "# the chair's own settings\nexport EDITOR=nano\n"
        private var made: [String] = []
        private var madeGroup = false

        init() throws {
            folder = try JournalCommandTests.copyOfPlans()
            binary = folder.appendingPathComponent("bin/actionplan")
            do {
                try setUp()
            } catch {
                close()
                throw error
            }
        }

        private func setUp() throws {
            try FileManager.default.createDirectory(at: binary.deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: Runner.binary, to: binary)
            // Left by an earlier run that was killed before it could clean up.
            for account in [Self.attacker, Self.victim] { _ = try? Self.system("/usr/sbin/userdel", [account]) }
            _ = try? Self.system("/usr/sbin/groupdel", [Self.group])
            try Self.system("/usr/sbin/groupadd", [Self.group])
            madeGroup = true
            for account in [Self.attacker, Self.victim] {
                let home = folder.appendingPathComponent("home/\(account)")
                try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
                try Self.system("/usr/sbin/useradd", ["--no-create-home", "--home-dir", home.path, "--gid", Self.group, "--shell", "/bin/sh", "--password", "*", account])
                made.append(account)
                try Self.system("/bin/chown", [account, home.path])
            }
            try victimText.write(to: victimFile, atomically: true, encoding: .utf8)
            try Self.system("/bin/chown", [Self.victim, victimFile.path])
            try """
                people:
                  - account: \(Self.victim)
                    role: chair
                  - account: \(Self.attacker)
                    role: lead
                    agencies: [Police]

                """.write(to: plans.appendingPathComponent("access.yaml"), atomically: true, encoding: .utf8)
            // docs/deploy-ssh.md: root owns the folder and the plan files; the group may add files.
            try Self.system("/bin/chgrp", ["-R", Self.group, plans.path])
            try Self.system("/bin/chmod", ["3775", plans.path])
            for name in try FileManager.default.contentsOfDirectory(atPath: plans.path) {
                try Self.system("/bin/chmod", ["644", plans.appendingPathComponent(name).path])
            }
            try Self.system("/bin/chmod", ["755", folder.path, binary.deletingLastPathComponent().path, binary.path, folder.appendingPathComponent("home").path])
        }

        /// Runs `arguments` as `account`, in the test's folder, with the forced command's umask 002.
        func run(as account: String, _ arguments: [String]) throws -> Run {
            try Runner.run(["--reuid=\(account)", "--regid=\(Self.group)", "--init-groups", "--", "/bin/sh", "-c", "umask 002; exec \"$0\" \"$@\""] + arguments,
                           in: folder, program: URL(fileURLWithPath: "/usr/bin/setpriv"), timeout: 30)
        }

        /// Runs the tool as the victim.
        func tool(_ arguments: [String]) throws -> Run { try run(as: Self.victim, [binary.path] + arguments) }

        /// Runs a shell command as the attacker, which must succeed.
        func plant(_ command: String) throws {
            let run = try run(as: Self.attacker, ["/bin/sh", "-c", command])
            #expect(run.status == 0, "planting failed: \(run.stderr)")
        }

        static func system(_ program: String, _ arguments: [String]) throws {
            let run = try Runner.run(arguments, program: URL(fileURLWithPath: program), timeout: 30)
            guard run.status == 0 else { throw PlantError(message: "\(program) \(arguments.joined(separator: " ")) failed: \(run.stderr)") }
        }

        func close() {
            for account in made { try? Self.system("/usr/sbin/userdel", [account]) }
            made.removeAll()
            if madeGroup { try? Self.system("/usr/sbin/groupdel", [Self.group]) }
            madeGroup = false
            try? FileManager.default.removeItem(at: folder)
        }
    }

    struct PlantError: Error {
        let message: String
    }

    @Test func aLinkPlantedAsTheTornFileIsNotWrittenThrough() throws {
        let world = try World()
        defer { world.close() }
        let first = try world.tool(["note", "1.1", "first", "--plan", "harrow"])
        #expect(first.status == 0, "\(first.stderr)")
        // The lead cuts a line short and points the side file at the chair's own file.
        try world.plant("printf '%s' 'echo attacker was here' >> plans/harrow-vawg-2014-17.journal && ln -s \(world.victimFile.path) plans/harrow-vawg-2014-17.journal.torn")
        let journal = try Data(contentsOf: world.journal)

        let note = try world.tool(["note", "1.1", "second", "--plan", "harrow"])
        #expect(note.status == 1)
        #expect(note.stderr.contains("plans/harrow-vawg-2014-17.journal.torn is a symbolic link, not a regular file"), "\(note.stderr)")
        #expect(try String(contentsOf: world.victimFile, encoding: .utf8) == world.victimText)
        #expect(try Data(contentsOf: world.journal) == journal)
    }

    @Test func aJournalThatIsALinkIsNeitherAppendedToNorPrinted() throws {
        let world = try World()
        defer { world.close() }
        let secret = world.folder.appendingPathComponent("home/\(World.victim)/secret")
        try "SECRET-LINE only the chair may read\n".write(to: secret, atomically: true, encoding: .utf8)
        try World.system("/bin/chown", [World.victim, secret.path])
        try World.system("/bin/chmod", ["600", secret.path])
        try world.plant("ln -s \(secret.path) plans/harrow-vawg-2014-17.journal")

        let note = try world.tool(["note", "1.1", "hello", "--plan", "harrow"])
        #expect(note.status == 1)
        #expect(note.stderr.contains("plans/harrow-vawg-2014-17.journal is a symbolic link, not a regular file"), "\(note.stderr)")
        #expect(try String(contentsOf: secret, encoding: .utf8) == "SECRET-LINE only the chair may read\n")
        let verify = try world.tool(["verify", "plans/harrow-vawg-2014-17.yaml"])
        #expect(verify.status == 1)
        #expect(verify.stdout.contains("is a symbolic link, not a regular file"), "\(verify.stdout)")
        #expect(!(verify.stdout + verify.stderr).contains("SECRET"))
    }

    @Test func linksPlantedAtEveryLikelyTemporaryNameAreNeverWrittenThrough() throws {
        let world = try World()
        defer { world.close() }
        // The process ids the next few hundred processes will get, at the names the old code used.
        let last = Int((try? String(contentsOfFile: "/proc/sys/kernel/ns_last_pid", encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "") ?? 0
        try #require(last > 0, "cannot read the last process id")
        let target = world.victimFile.path
        try world.plant("for n in $(seq \(last + 1) \(last + 300)); do ln -s \(target) plans/r.html.$n.tmp; ln -s \(target) plans/.harrow-vawg-2014-17.cache.$n.tmp; done")

        let report = try world.tool(["report", "harrow", "-o", "plans/r.html"])
        #expect(report.status == 0, "\(report.stderr)")
        #expect(try String(contentsOf: world.victimFile, encoding: .utf8) == world.victimText)
        var info = stat()
        #expect(lstat(world.plans.appendingPathComponent("r.html").path, &info) == 0 && info.st_mode & S_IFMT == S_IFREG)
        #expect(try String(contentsOf: world.plans.appendingPathComponent("r.html"), encoding: .utf8).hasPrefix("<!DOCTYPE html>"))
        let list = try world.tool(["list", "harrow"])
        #expect(list.status == 0, "\(list.stderr)")
        #expect(try String(contentsOf: world.victimFile, encoding: .utf8) == world.victimText)
    }
}
