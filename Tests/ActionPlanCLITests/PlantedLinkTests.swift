import Foundation
import Testing

/// A lead with a shell in the plans group plants links in the shared folder, and the chair runs
/// the tool: nothing of the chair's is written through them, and nothing private is printed.
///
/// Two real OS accounts (docs/security.md): `apt11f1-RUN` plants, `apt11f2-RUN` runs the tool. As root
/// they are made and removed by each test; otherwise the tests are skipped, and under CI they run.
@Suite(.serialized, .enabled(if: getuid() == 0 || ProcessInfo.processInfo.environment["CI"] != nil,
                             "planting links as one account against another needs two OS accounts, which needs root"))
struct PlantedLinkTests {
    /// The deploy layout of shape (a), with the attacker as a lead and the victim as chair.
    struct World {
        static let attacker = "apt11f1-\(OSAccounts.run)"
        static let victim = "apt11f2-\(OSAccounts.run)"
        let group: GroupFolder
        var folder: URL { group.folder }
        var plans: URL { group.plans }
        var journal: URL { group.journal }
        /// A file of the victim's own, outside the plans folder.
        var victimFile: URL { group.accounts.home(of: Self.victim).appendingPathComponent(".bashrc") }
        let victimText = "# the chair's own settings\nexport EDITOR=nano\n"

        init() throws {
            group = try GroupFolder(group: "apt11f-\(OSAccounts.run)", lead: Self.attacker, chair: Self.victim)
            do {
                try victimText.write(to: victimFile, atomically: true, encoding: .utf8)
                try OSAccounts.root("/bin/chown", [Self.victim, victimFile.path])
            } catch {
                group.close()
                throw error
            }
        }

        /// Runs the tool as the victim.
        func tool(_ arguments: [String]) throws -> Run { try group.tool(as: Self.victim, arguments) }

        /// Runs a shell command as the attacker, which must succeed.
        func plant(_ command: String) throws {
            let run = try group.shell(as: Self.attacker, command)
            #expect(run.status == 0, "planting failed: \(run.stderr)")
        }

        func close() { group.close() }
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
        let secret = world.group.accounts.home(of: World.victim).appendingPathComponent("secret")
        try "SECRET-LINE only the chair may read\n".write(to: secret, atomically: true, encoding: .utf8)
        try OSAccounts.root("/bin/chown", [World.victim, secret.path])
        try OSAccounts.root("/bin/chmod", ["600", secret.path])
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
