import Foundation
import Testing

/// A coordinator's habits at the command line, through the real binary: a mistyped command is said
/// as one, the plan is named the same way everywhere (or set once), writes check names as reads
/// do, `--as-of` takes what people say in the meeting, and data comes out for other tools.
@Suite struct CommandHabitsTests {
    /// A fresh folder whose `plans/` holds two of the bundled plans, Harrow and Shared Services.
    static func twoPlans() throws -> URL {
        let folder = try Runner.temporaryFolder()
        let plans = folder.appendingPathComponent("plans")
        try FileManager.default.createDirectory(at: plans, withIntermediateDirectories: true)
        for name in ["harrow-vawg-2014-17.yaml", "shared-services-vawg-2015-18.yaml"] {
            try FileManager.default.copyItem(at: Runner.root.appendingPathComponent("plans/\(name)"), to: plans.appendingPathComponent(name))
        }
        return folder
    }

    @Test func aMistypedCommandIsSaidAsOneWithTheNearest() throws {
        let misspelt = try Runner.run(["lsit", "harrow"])
        #expect(misspelt.status == 2)
        #expect(misspelt.stderr == "actionplan: unknown command 'lsit'; did you mean 'list'?\n")
        // Without a terminal too: it is not taken for a plan the interface should open.
        let report = try Runner.run(["reprot"])
        #expect(report.status == 2)
        #expect(report.stderr == "actionplan: unknown command 'reprot'; did you mean 'report'?\n")
        let nothing = try Runner.run(["zzzzzz"])
        #expect(nothing.status == 2)
        // Every command by the name it answers to, each named where it is declared.
        #expect(nothing.stderr == "actionplan: unknown command 'zzzzzz', and no plan by that name; the commands are: tui, check, list, "
            + "summary, report, update, note, history, verify, figure, indicators, rollover, digest, import, help (see 'actionplan --help')\n")
        // A plan's name is still the interface's plan: off a terminal it says so, not "unknown command".
        let plan = try Runner.run(["harrow"])
        #expect(plan.status == 2)
        #expect(plan.stderr.contains("needs a terminal"))
    }

    @Test func aMistypedOptionIsSaidInTheSameStyleWithItsUsage() throws {
        let run = try Runner.run(["update", "1.1", "--plan", "harrow", "--staus", "on-track"])
        #expect(run.status == 2)
        #expect(run.stderr.hasPrefix("actionplan: unknown option '--staus'. Did you mean '--status'?\nUsage: actionplan update <id>"), "\(run.stderr)")
    }

    @Test func theVersionComesFromOnePlace() throws {
        let run = try Runner.run(["--version"])
        #expect(run.status == 0)
        #expect(run.stdout.wholeMatch(of: /[0-9]+\.[0-9]+\.[0-9]+\n/) != nil, "\(run.stdout)")
    }

    @Test func everyCommandTakesThePlanAsPlanOption() throws {
        let folder = try Self.twoPlans()
        defer { try? FileManager.default.removeItem(at: folder) }
        let commands: [[String]] = [
            ["list"], ["summary"], ["report", "--quarter", "Q1 2015/16"], ["check"], ["verify"], ["indicators"],
            ["history", "1.1"], ["digest", "--as-of", "2015-06-20"], ["tui"],
        ]
        for command in commands {
            let run = try Runner.run(command + ["--plan", "harrow"], in: folder)
            // The interface opens only on a terminal: that it got as far as asking for one shows the plan was taken.
            if command == ["tui"] {
                #expect(run.stderr.contains("needs a terminal"), "\(run.stderr)")
                continue
            }
            #expect(run.status == 0, "\(command): \(run.stderr)")
        }
        let unnamed = try Runner.run(["list"], in: folder)
        #expect(unnamed.status == 2)
        #expect(unnamed.stderr.hasPrefix("actionplan: plans holds 2 plans; name one with --plan (or set a default: plans/default-plan, or ACTIONPLAN_PLAN):"))
        let twice = try Runner.run(["list", "harrow", "--plan", "shared"], in: folder)
        #expect(twice.status == 2)
        #expect(twice.stderr == "actionplan: the plan is named twice, as 'harrow' and as --plan 'shared'; name it once\n")
    }

    @Test func thePlanIsSetOnceByTheEnvironmentOrTheFolder() throws {
        let folder = try Self.twoPlans()
        defer { try? FileManager.default.removeItem(at: folder) }
        let byName = try Runner.run(["list", "--plan", "harrow", "--as-of", "2015-06-30"], in: folder)
        let fromEnvironment = try Runner.run(["list", "--as-of", "2015-06-30"], in: folder, environment: ["ACTIONPLAN_PLAN": "harrow"])
        #expect(fromEnvironment.status == 0 && fromEnvironment.stdout == byName.stdout)

        let setting = folder.appendingPathComponent("plans/default-plan")
        try "# the plan this office works on\nharrow\n".write(to: setting, atomically: true, encoding: .utf8)
        let fromFolder = try Runner.run(["list", "--as-of", "2015-06-30"], in: folder)
        #expect(fromFolder.status == 0 && fromFolder.stdout == byName.stdout)
        // The environment wins over the folder's default.
        let shared = try Runner.run(["summary", "--as-of", "2015-06-30"], in: folder, environment: ["ACTIONPLAN_PLAN": "shared"])
        #expect(shared.stdout.hasPrefix("Shared Services"), "\(shared.stdout)")
        let note = try Runner.run(["note", "1.1", "Interim cover agreed"], in: folder)
        #expect(note.status == 0, "\(note.stderr)")
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("plans/harrow-vawg-2014-17.journal").path))

        try "harow\n".write(to: setting, atomically: true, encoding: .utf8)
        let wrong = try Runner.run(["list"], in: folder)
        #expect(wrong.status == 2)
        #expect(wrong.stderr == "actionplan: plans/default-plan:1:1: error: 'harow' names no plan in plans/; write one of: harrow-vawg-2014-17.yaml, shared-services-vawg-2015-18.yaml\n")
    }

    /// The hint after a refused update is a command to run: with two plans and no default it
    /// must name the plan, and with a default it need not.
    @Test func theHintAfterAConflictWorksAsPrinted() throws {
        let folder = try Self.twoPlans()
        defer { try? FileManager.default.removeItem(at: folder) }
        let first = try Runner.run(["update", "1.1", "--plan", "harrow", "--status", "on-track"], in: folder)
        #expect(first.status == 0, "\(first.stderr)")
        for defaulted in [false, true] {
            if defaulted { try "harrow\n".write(to: folder.appendingPathComponent("plans/default-plan"), atomically: true, encoding: .utf8) }
            let late = try Runner.run(["update", "1.1", "--plan", "harrow", "--status", "complete", "--seen", "0"], in: folder)
            #expect(late.status == 1)
            let hint = try #require(late.stderr.firstMatch(of: /check it with '(actionplan [^']+)'/)?.1, "\(late.stderr)")
            #expect(hint == (defaulted ? "actionplan history 1.1" : "actionplan history 1.1 --plan plans/harrow-vawg-2014-17.yaml"))
            let run = try Runner.run(hint.split(separator: " ").dropFirst().map(String.init), in: folder)
            #expect(run.status == 0, "\(run.stderr)")
            #expect(run.stdout.contains("status on-track"))
        }
    }

    @Test func aWriteChecksNamesAsStrictlyAsARead() throws {
        let folder = try Self.twoPlans()
        defer { try? FileManager.default.removeItem(at: folder) }
        let read = try Runner.run(["list", "--plan", "harrow", "--lead", "Polce"], in: folder)
        #expect(read.status == 2 && read.stderr.contains("did you mean 'Police'?"))
        let lead = try Runner.run(["update", "1.1", "--plan", "harrow", "--lead", "Polce"], in: folder)
        #expect(lead.status == 2)
        #expect(lead.stderr == "actionplan: not recorded: no agency 'Polce' in the agency register of 'Harrow VAWG Strategy and Action Plan 2014-17'; did you mean 'Police'?\n")
        let output = try Runner.run(["update", "1.9", "--plan", "harrow", "--status", "on-track"], in: folder)
        #expect(output.status == 2)
        #expect(output.stderr.hasSuffix("did you mean '1.1'?\n"), "\(output.stderr)")
        let note = try Runner.run(["note", "1.9", "x", "--plan", "harrow"], in: folder)
        #expect(note.status == 2 && note.stderr == output.stderr)
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("plans/harrow-vawg-2014-17.journal").path))
        // Found by a lookup, said as one line with the nearest name, and no usage.
        let history = try Runner.run(["history", "1.9", "--plan", "harrow"], in: folder)
        #expect(history.status == 2)
        #expect(history.stderr.hasPrefix("actionplan: no output or indicator '1.9' in plans/harrow-vawg-2014-17.yaml; did you mean '1.1'?"))
        #expect(history.stderr.split(separator: "\n").count == 1 && !history.stderr.contains("USAGE"))
        // A known agency is recorded.
        let police = try Runner.run(["update", "1.1", "--plan", "harrow", "--lead", "police"], in: folder)
        #expect(police.status == 0, "\(police.stderr)")
        // Without a register, a lead one letter off one the plan names is a slip; a new agency is taken as written.
        let slip = try Runner.run(["update", "1.1", "--plan", "shared", "--lead", "Partnership inspector"], in: folder)
        #expect(slip.status == 2)
        #expect(slip.stderr.hasSuffix("; did you mean 'Partnership inspectors'?\n"), "\(slip.stderr)")
        let new = try Runner.run(["update", "1.1", "--plan", "shared", "--lead", "RBKC Housing"], in: folder)
        #expect(new.status == 0, "\(new.stderr)")
    }

    @Test func aWordyRevisedDateIsAdvisedInTheCommandsOwnTerms() throws {
        let folder = try Self.twoPlans()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try Runner.run(["update", "1.1", "--plan", "harrow", "--due", "Communications Plan completed October 2014", "--reason", "x"], in: folder)
        #expect(run.status == 1)
        #expect(run.stderr == "actionplan: not recorded: 'Communications Plan completed October 2014' is not a completion date; give the date alone (--due 'October 2014') and the words as --note\n")
    }

    @Test(arguments: ["Q1 2015/16", "end of June 2015", "2015-06", "30/06/2015", "June 2015"])
    func asOfTakesWhatPeopleSayInTheMeeting(said: String) throws {
        let exact = try Runner.run(["list", "harrow", "--as-of", "2015-06-30"])
        let run = try Runner.run(["list", "harrow", "--as-of", said])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout == exact.stdout)
        #expect(run.stdout.contains("as of 2015-06-30"))
    }

    @Test func anAsOfThatNamesNoDaySaysWhatToWrite() throws {
        let run = try Runner.run(["summary", "harrow", "--as-of", "next Tuesday"])
        #expect(run.status == 2)
        #expect(run.stderr == "actionplan: --as-of 'next Tuesday' names no day; write 2016-03-31 or 31/03/2016, or a month or quarter for its last day: 'March 2016', 'end of March 2016', 2016-03 or 'Q4 2015/16'\n")
    }

    @Test func anAsOfWithOneDateInsideItOffersThatDate() throws {
        let quarter = try Runner.run(["list", "harrow", "--as-of", "Q2 2015"])
        #expect(quarter.status == 2)
        #expect(quarter.stderr == "actionplan: --as-of 'Q2 2015' names no day; did you mean 'Q2 2015/16'?\n")
        let meeting = try Runner.run(["list", "harrow", "--as-of", "the March 2016 meeting"])
        #expect(meeting.stderr == "actionplan: --as-of 'the March 2016 meeting' names no day; did you mean 'March 2016'?\n")
    }

    @Test func checkReadsTheAccessFileToo() throws {
        let folder = try Self.twoPlans()
        defer { try? FileManager.default.removeItem(at: folder) }
        let access = folder.appendingPathComponent("plans/access.yaml")
        try "people:\n  - account: a.chair\n    role: boss\n".write(to: access, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: access.path)
        let role = try Runner.run(["check"], in: folder)
        #expect(role.status == 1)
        #expect(role.stdout.contains("plans/access.yaml:3:11: error: unknown role 'boss'; a role is one of: chair, coordinator"), "\(role.stdout)")
        #expect(role.stdout.hasSuffix("1 error, 4 warnings in 3 files\n"), "\(role.stdout)")

        try "people:\n  - account: a.chair\n    role: chair\n  - account: pc.jones\n    role: lead\n    agencies: [Polce]\n"
            .write(to: access, atomically: true, encoding: .utf8)
        let agency = try Runner.run(["check", "--plan", "harrow"], in: folder)
        #expect(agency.status == 1)
        #expect(agency.stdout.contains("plans/access.yaml:6:15: error: no agency 'Polce' leads anything in"), "\(agency.stdout)")
        #expect(agency.stdout.contains("did you mean 'Police'?"))

        // Writable by everyone, it would not be obeyed: check says so, naming the file.
        try "people:\n  - account: a.chair\n    role: chair\n".write(to: access, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o666], ofItemAtPath: access.path)
        let trust = try Runner.run(["check"], in: folder)
        #expect(trust.status == 1)
        #expect(trust.stdout.contains("plans/access.yaml:1:1: error: "), "\(trust.stdout)")

        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: access.path)
        let sound = try Runner.run(["check"], in: folder)
        #expect(sound.status == 0, "\(sound.stdout)")
    }

    @Test func summaryAndListGiveDataForOtherTools() throws {
        let folder = try Self.twoPlans()
        defer { try? FileManager.default.removeItem(at: folder) }
        let csv = try Runner.run(["summary", "harrow", "--as-of", "2015-06-30", "--format", "csv"], in: folder)
        #expect(csv.status == 0)
        let lines = csv.stdout.split(separator: "\r\n").map(String.init)
        #expect(lines.first == "\u{FEFF}pillar,blue,green,amber,red,grey,live,dropped,percent_complete,overdue,due-soon,unowned,unknown-lead,undated,stale")
        #expect(lines.last?.hasPrefix("All pillars,") == true)

        let json = try Runner.run(["summary", "shared", "--as-of", "2016-06-30", "--format", "json", "--by", "group"], in: folder)
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(rows.last?["group"] as? String == "All groups")
        let overdue = try Runner.run(["list", "shared", "--as-of", "2016-06-30", "--flag", "overdue", "--format", "json"], in: folder)
        let listed = try #require(try JSONSerialization.jsonObject(with: Data(overdue.stdout.utf8)) as? [[String: Any]])
        #expect(rows.last?["overdue"] as? Int == listed.count && !listed.isEmpty)

        let note = try Runner.run(["note", "1.1", "=1+1 – NHS – NPH agreed", "--plan", "harrow"], in: folder)
        #expect(note.status == 0, "\(note.stderr)")
        let list = try Runner.run(["list", "harrow", "--format", "csv", "--pillar", "1", "--as-of", try note.recordedDay()], in: folder)
        #expect(list.stdout.hasPrefix("\u{FEFF}id,pillar,"))
        let header = try #require(list.stdout.split(separator: "\r\n").first)
        #expect(header.hasSuffix(",group,latest_note,note_by,note_at"))
        let first = try #require(list.stdout.split(separator: "\r\n").dropFirst().first)
        #expect(first.contains(",'=1+1 – NHS – NPH agreed,\(ProcessInfo.processInfo.userName),\(try note.recordedDay())T"), "\(first)")
    }
}
