import ActionPlanModel
import Foundation
import Testing

/// Issue 11, items 3 to 5: the load cache is the account's own and never decides what is shown,
/// and a journal cut short or rewritten is caught against the reports made from it.
@Suite struct CacheAndHeadTests {
    static let journal = "plans/harrow-vawg-2014-17.journal"

    /// Cache and state folders of a test's own, as an account's home would give.
    static func account(in folder: URL, _ name: String) -> [String: String] {
        ["XDG_CACHE_HOME": folder.appendingPathComponent("\(name)/cache").path, "XDG_STATE_HOME": folder.appendingPathComponent("\(name)/state").path]
    }

    @Test func aPlanNamedWithOneLetterInTheCurrentFolderOpens() throws {
        let folder = try Runner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.copyItem(at: Runner.root.appendingPathComponent("plans/harrow-vawg-2014-17.yaml"), to: folder.appendingPathComponent("a.yaml"))
        for arguments in [["list", "a.yaml", "--as-of", "2015-06-30"], ["summary", "a.yaml", "--as-of", "2015-06-30"], ["note", "1.1", "Opened", "--plan", "a.yaml"],
                          ["history", "1.1", "--plan", "a.yaml"]] {
            let run = try Runner.run(arguments, in: folder)
            #expect(run.status == 0, "\(arguments): \(run.stderr)")
        }
        #expect(try Runner.run(["history", "1.1", "--plan", "a.yaml"], in: folder).stdout.contains(": note: Opened"))
        // Nothing but the plan and its journal in the folder: the cache went to the account's own.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["a.journal", "a.yaml"])
    }

    @Test func aPlanFileNamedWithOneLetterAndNoExtensionTakesANote() throws {
        let folder = try Runner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // Foundation's path code traps on a one-character path such as this ("a"), and the
        // access file's place was once worked out with it.
        try FileManager.default.copyItem(at: Runner.root.appendingPathComponent("plans/harrow-vawg-2014-17.yaml"), to: folder.appendingPathComponent("a"))
        let note = try Runner.run(["note", "1.1", "Opened", "--plan", "a"], in: folder)
        #expect(note.status == 0, "\(note.stderr)")
        #expect(note.stdout.hasPrefix("recorded line 1: 1.1 note: Opened"))
        #expect(try String(contentsOf: folder.appendingPathComponent("a.journal"), encoding: .utf8).contains(#""note":"Opened""#))
    }

    @Test func aForgedCacheBesideThePlanChangesNothingAnyCommandShows() throws {
        let folder = try JournalCommandTests.copyOfPlans()
        defer { try? FileManager.default.removeItem(at: folder) }
        let victim = Self.account(in: folder, "victim")
        let update = try Runner.run(["update", "2.2", "--plan", "harrow", "--status", "on-track", "--note", "Launch booked"], in: folder, environment: victim)
        #expect(update.status == 0, "\(update.stderr)")
        // The update's own start cached the plan before its record; start afresh, so that the
        // cache the first command below makes holds it.
        let caches = try #require(victim["XDG_CACHE_HOME"]) + "/actionplan"
        try FileManager.default.removeItem(atPath: caches)
        let day = try update.recordedDay()
        let commands = [["list", "harrow", "--format", "csv", "--as-of", day], ["history", "2.2", "--plan", "harrow"],
                        ["report", "harrow", "--format", "json", "--as-of", day], ["summary", "harrow", "--as-of", day]]
        let truth = try commands.map { try Runner.run($0, in: folder, environment: victim) }
        #expect(truth.allSatisfy { $0.status == 0 })
        #expect(truth[0].stdout.contains(",on-track,") && truth[1].stdout.contains("status on-track"))

        // The victim's own cache, forged as the issue's attacker forged `.NAME.cache`, and put
        // where the tool used to read it.
        let names = try FileManager.default.contentsOfDirectory(atPath: caches)
        try #require(names.count == 1)
        let genuine = try Data(contentsOf: URL(fileURLWithPath: caches + "/" + names[0]))
        let forged = genuine.replacing(Data("on-track".utf8), with: Data("complete".utf8))
        try #require(forged != genuine)
        try forged.write(to: folder.appendingPathComponent("plans/.harrow-vawg-2014-17.cache"))

        for account in [victim, Self.account(in: folder, "newcomer")] {
            for (command, expected) in zip(commands, truth) {
                let run = try Runner.run(command, in: folder, environment: account)
                #expect(run.status == 0)
                #expect(ReportCommandTests.withoutGenerated(run.stdout) == ReportCommandTests.withoutGenerated(expected.stdout), "\(command)")
            }
        }
    }

    /// A copy of the plans with a two-quarter journal, and the Q2 report written in every form.
    private func plansWithReports() throws -> (folder: URL, reports: [String]) {
        let folder = try ReportCommandTests.plansWithTwoQuarters()
        let reports = ["q2.md", "q2.html", "q2.csv", "q2.json"]
        for report in reports {
            let run = try Runner.run(["report", "harrow", "--quarter", "Q2 2015/16", "-o", report], in: folder)
            #expect(run.status == 0, "\(run.stderr)")
        }
        return (folder, reports)
    }

    @Test func verifyHeadProvesTheJournalStillHoldsWhatEachReportWasMadeFrom() throws {
        let (folder, reports) = try plansWithReports()
        defer { try? FileManager.default.removeItem(at: folder) }
        let note = try Runner.run(["note", "2.3", "Still growing", "--plan", "harrow"], in: folder)
        #expect(note.status == 0 && !note.stderr.contains("warning"), "\(note.stderr)")
        var heads: Set<String> = []
        for report in reports {
            let run = try Runner.run(["verify", "harrow", "--head", report], in: folder)
            #expect(run.status == 0, "\(report): \(run.stdout)")
            let said = try #require(run.stdout.split(separator: "\n").last)
            #expect(said.contains(": holds the head 7:") && said.hasSuffix("(8 lines now)"), "\(said)")
            heads.insert(String(said))
        }
        // Every form carries the same head.
        #expect(heads.count == 1)
    }

    @Test func aRecordDeletedAndWrittenOverIsCaughtByVerifyHeadAndByTheRememberedHead() throws {
        let (folder, reports) = try plansWithReports()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent(Self.journal)
        let lines = try String(contentsOf: path, encoding: .utf8).split(separator: "\n")
        try (lines.dropLast().joined(separator: "\n") + "\n").write(to: path, atomically: true, encoding: .utf8)

        // Written over by another account (which had seen nothing of this journal)...
        let attacker = Self.account(in: folder, "attacker")
        let note = try Runner.run(["note", "2.3", "Written over", "--plan", "harrow"], in: folder, environment: attacker)
        #expect(note.status == 0 && !note.stderr.contains("since you last read it"), "\(note.stderr)")
        // ...the next command of the account that made the reports (it remembered line 7) says so...
        let list = try Runner.run(["list", "harrow"], in: folder)
        #expect(list.status == 0)
        #expect(list.stderr.contains("(you saw 7:"), "\(list.stderr)")
        #expect(list.stderr.contains("line 7 is no longer the line you saw"))
        // ...once: then the account has seen the new head.
        #expect(!(try Runner.run(["list", "harrow"], in: folder).stderr.contains("since you last read it")))
        // Line 7 is a new record that chains to line 6, so a plain verify is satisfied...
        let plain = try Runner.run(["verify", "harrow"], in: folder)
        #expect(plain.status == 0 && plain.stdout.contains("intact: 7 records"), "\(plain.stdout)")
        // ...but not against any of the reports.
        for report in reports {
            let run = try Runner.run(["verify", "harrow", "--head", report], in: folder)
            #expect(run.status == 1, "\(report)")
            #expect(run.stdout.contains("does NOT hold the head 7:") && run.stdout.contains("line 7 now hashes to"), "\(report): \(run.stdout)")
        }
    }

    @Test func aJournalCutInHalfIsCaughtByVerifyHeadAndByTheRememberedHead() throws {
        let (folder, reports) = try plansWithReports()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent(Self.journal)
        let bytes = try Data(contentsOf: path)
        try bytes.prefix(bytes.count / 2).write(to: path)
        let note = try Runner.run(["note", "2.3", "After the cut", "--plan", "harrow"], in: folder)
        #expect(note.status == 0)
        #expect(note.stderr.contains("records were removed from plans/harrow-vawg-2014-17.journal since you last read it"), "\(note.stderr)")
        // The command it suggests names the plan, so it works as printed however many plans the folder holds.
        #expect(note.stderr.contains("actionplan verify --plan plans/harrow-vawg-2014-17.yaml --head REPORT-FILE"), "\(note.stderr)")

        let json = try Runner.run(["verify", "--plan", "plans/harrow-vawg-2014-17.yaml", "--head", reports[3]], in: folder)
        #expect(json.status == 1)
        #expect(json.stdout.contains("does NOT hold the head 7:") && json.stdout.contains("lines were removed"), "\(json.stdout)")
        // Given as the report prints it, too.
        let head = try #require(try String(contentsOf: folder.appendingPathComponent("q2.md"), encoding: .utf8)
            .split(separator: "\n").first { $0.hasPrefix("Journal head: ") }?.split(separator: " ")[2])
        let typed = try Runner.run(["verify", "harrow", "--head", String(head)], in: folder)
        #expect(typed.status == 1 && typed.stdout == json.stdout)
    }

    @Test func verifyHeadSaysWhatItTakes() throws {
        let folder = try ReportCommandTests.plansWithTwoQuarters()
        defer { try? FileManager.default.removeItem(at: folder) }
        let missing = try Runner.run(["verify", "harrow", "--head", "7:abc"], in: folder)
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("--head takes LINE:HASH (as a report prints it) or a report file"))
        let noHead = try Runner.run(["verify", "harrow", "--head", "plans/harrow-vawg-2014-17.yaml"], in: folder)
        #expect(noHead.status == 2)
        #expect(noHead.stderr.contains("no journal head in plans/harrow-vawg-2014-17.yaml"))
        let fifo = folder.appendingPathComponent("fifo").path
        #expect(mkfifo(fifo, 0o644) == 0)
        let blocked = try Runner.run(["verify", "harrow", "--head", "fifo"], in: folder, timeout: 10)
        #expect(blocked.status == 2 && blocked.stderr.contains("fifo is a FIFO, not a regular file"))
    }
}
