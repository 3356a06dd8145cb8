import Foundation
import Testing

/// Mistakes at the command line and in plan files, through the real binary: each gets a clear
/// message and the documented exit status (1 for a broken plan, 2 for a mistyped command).
@Suite struct CommandLineTests {
    @Test func aBrokenPlanIsLocatedAndExitsOne() throws {
        let folder = try Runner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try """
            plan: Broken
            pillars:
              - pillar: Prevention
                objectives:
                  - id: "1"
                    objective: Prevent
                    outputs:
                      - id: "1.1"
                        output: Train staff
                        due: Communications Plan completed October 2014
                        leed: Police

            """.write(to: folder.appendingPathComponent("broken.yaml"), atomically: true, encoding: .utf8)
        let check = try Runner.run(["check", "broken.yaml"], in: folder)
        #expect(check.status == 1)
        #expect(check.stdout.contains("broken.yaml:10:18: error: 'Communications Plan completed October 2014' is not a completion date; write 'due: October 2014' and move the words to 'note:'"))
        #expect(check.stdout.contains("broken.yaml:11:13: error: unknown key 'leed' in an output; did you mean 'lead'?"))
        #expect(check.stdout.contains(" 11 |             leed: Police\n    |             ^"))
        #expect(check.stdout.hasSuffix("2 errors, 0 warnings in 1 file\n"))

        let list = try Runner.run(["list", "broken.yaml"], in: folder)
        #expect(list.status == 1)
        #expect(list.stdout.isEmpty)
        #expect(list.stderr.contains("broken.yaml:11:13: error:"))
    }

    /// libyaml counts columns in characters, and the caret sits under that character.
    @Test func aYAMLSyntaxErrorAfterWideCharactersIsShownAtItsColumnWithACaret() throws {
        let folder = try Runner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try "plan: Test Plan\npillars:\n  - pillar: Pr\u{E9}vention \u{A3}: x\n"
            .write(to: folder.appendingPathComponent("colon.yaml"), atomically: true, encoding: .utf8)
        let check = try Runner.run(["check", "colon.yaml"], in: folder)
        #expect(check.status == 1)
        #expect(check.stdout == """
            colon.yaml:3:25: error: YAML syntax: mapping values are not allowed in this context; check the indentation, \
            and put text that holds ': ' or starts with a symbol in double quotes
             3 |   - pillar: Pr\u{E9}vention \u{A3}: x
               |                         ^
            1 error, 0 warnings in 1 file

            """)
    }

    @Test func aPlanNameWithNoPlansFolderIsRefusedNotACrash() throws {
        let folder = try Runner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for arguments in [["list", "harrow"], ["update", "2.2", "--plan", "harrow", "--status", "on-track"]] {
            let run = try Runner.run(arguments, in: folder)
            #expect(run.status == 2)
            #expect(run.stderr == "actionplan: no such file or folder: harrow\n")
        }
    }

    @Test func csvOnStandardOutputEndsWithItsLastRecord() throws {
        let run = try Runner.run(["list", "plans/harrow-vawg-2014-17.yaml", "--format", "csv", "--as-of", "2015-06-30"])
        #expect(run.status == 0)
        // The last bytes are the record's own CRLF, with no newline added after it.
        #expect(run.stdout.utf8.suffix(2).elementsEqual("\r\n".utf8))
    }

    @Test func hostileTextNeverReachesTheTerminalRaw() throws {
        let folder = try Runner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try """
            plan: "Owned \\e]0;title\\a\\e[2J"
            pillars:
              - pillar: "Prevention\\e[31m"
                objectives:
                  - id: "1"
                    objective: x
                    outputs:
                      - id: "1.1"
                        output: "Clear the screen \\e[2J\\e[H and \\u202Eevil"
                        lead: "Police\\e[5m"
                        due: "Nonsense \\e[2J"

            """.write(to: folder.appendingPathComponent("hostile.yaml"), atomically: true, encoding: .utf8)
        let check = try Runner.run(["check", "hostile.yaml"], in: folder)
        #expect(check.status == 1)
        #expect(check.stdout.contains("'Nonsense \\e[2J' is not a completion date"))
        #expect(check.stdout.contains("pillar 'Prevention\\e[31m'"))

        // With the bad date gone the plan loads, and its text is listed with the escapes shown.
        let path = folder.appendingPathComponent("hostile.yaml")
        try String(contentsOf: path, encoding: .utf8).replacingOccurrences(of: "Nonsense \\e[2J", with: "2015")
            .write(to: path, atomically: true, encoding: .utf8)
        let list = try Runner.run(["list", "hostile.yaml", "--format", "table"], in: folder)
        #expect(list.status == 0, "\(list.stderr)")
        #expect(list.stdout.hasPrefix("Owned \\e]0;title<U+0007>\\e[2J — as of"))
        #expect(list.stdout.contains("Clear the screen \\e[2J\\e[H and <U+202E>evil"))
        for run in [check, list] {
            #expect(!run.stdout.contains("\u{1B}") && !run.stderr.contains("\u{1B}"))
            #expect(!run.stdout.contains("\u{202E}") && !run.stdout.contains("\u{07}"))
        }
    }

    @Test func usageMistakesExitTwoWithTheRightWords() throws {
        let badFlag = try Runner.run(["list", "harrow", "--flag", "late"])
        #expect(badFlag.status == 2)
        #expect(badFlag.stderr.contains("overdue") && badFlag.stderr.contains("due-soon"))

        let badDate = try Runner.run(["list", "harrow", "--as-of", "30/13/2015"])
        #expect(badDate.status == 2)
        #expect(badDate.stderr.contains("--as-of"))

        let badPillar = try Runner.run(["list", "harrow", "--pillar", "Prevnetion"])
        #expect(badPillar.status == 2)
        #expect(badPillar.stderr.contains("did you mean 'Prevention'?"))

        let badLead = try Runner.run(["list", "harrow", "--lead", "Polise"])
        #expect(badLead.status == 2)
        #expect(badLead.stderr.contains("did you mean 'Police'?"))
        // Found while the command ran, they are said as every other failure is: one line, no usage.
        for run in [badPillar, badLead] {
            #expect(run.stderr.hasPrefix("actionplan: no ") && run.stderr.split(separator: "\n").count == 1, "\(run.stderr)")
        }

        let unknownCommand = try Runner.run(["lsit"])
        #expect(unknownCommand.status == 2)
    }

    @Test func severalPlansMustBeNamed() throws {
        let run = try Runner.run(["list"])
        #expect(run.status == 2)
        #expect(run.stderr == """
            actionplan: plans holds 4 plans; name one with --plan (or set a default: plans/default-plan, or ACTIONPLAN_PLAN):
              plans/barnet-vawg-2017-20.yaml
              plans/harrow-vawg-2014-17.yaml
              plans/hillingdon-da-2018-21.yaml
              plans/shared-services-vawg-2015-18.yaml

            """)
    }

    @Test func aMissingFileSaysSo() throws {
        let run = try Runner.run(["check", "plans/nowhere.yaml"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("no such file or folder: plans/nowhere.yaml"))
    }
}
