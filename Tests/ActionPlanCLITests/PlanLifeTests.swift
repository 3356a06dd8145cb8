import Foundation
import Testing

/// A rolling plan through the real binary: a year of updates, a rollover, then next year's plan
/// edited (an output retired, one renumbered, one moved to another pillar, one removed), and
/// `history` showing each output's records from both years.
@Suite struct PlanLifeTests {
    static let firstYear = """
        plan: Life test plan 2015/16
        starts: April 2015
        ends: March 2016
        agencies: [Police, Harrow Council]
        pillars:
          - pillar: Prevention
            objectives:
              - id: "1"
                objective: Raise awareness
                outputs:
                  - id: "1.1"
                    output: Run a campaign
                    lead: Harrow Council
                    due: October 2015
                  - id: "1.2"
                    output: Train teachers
                    lead: Harrow Council
                    due: March 2016
                  - id: "1.3"
                    output: Write a leaflet
                    lead: Harrow Council
                    due: June 2015
          - pillar: Provision
            objectives:
              - id: "2"
                objective: Support victims
                outputs:
                  - id: "2.1"
                    output: Open a refuge
                    lead: Police
                    due: January 2016
                  - id: "2.2"
                    output: Fund an advocate
                    lead: Police
                    due: 2015/16

        """

    /// Year one's records, a rollover into 2016/17, and next year's plan as the coordinator edits it.
    static func rolledOver() throws -> URL {
        let folder = try Runner.temporaryFolder()
        let plans = folder.appendingPathComponent("plans")
        try FileManager.default.createDirectory(at: plans, withIntermediateDirectories: true)
        try firstYear.write(to: plans.appendingPathComponent("life-2015-16.yaml"), atomically: true, encoding: .utf8)
        for arguments in [
            ["update", "1.1", "--status", "at-risk", "--note", "Designer left"],
            ["note", "1.2", "First school booked"],
            ["update", "1.3", "--status", "complete", "--note", "Printed"],
            ["update", "2.1", "--due", "June 2016", "--reason", "Building work late"],
            ["note", "2.2", "Advocate recruited"],
        ] {
            let run = try Runner.run(arguments + ["--plan", "plans/life-2015-16.yaml"], in: folder)
            #expect(run.status == 0, "\(run.stderr)")
        }
        let rollover = try Runner.run(["rollover", "plans/life-2015-16.yaml", "--year", "2016/17", "-o", "plans/life-2016-17.yaml"], in: folder)
        #expect(rollover.status == 0, "\(rollover.stderr)")
        #expect(rollover.stdout == "plans/life-2016-17.yaml: 4 open outputs carried forward into 2016/17, 1 left behind (listed at the top of the file); it follows plans/life-2015-16.yaml\n")
        return folder
    }

    @Test func rolloverCarriesOpenOutputsAsTheyStandAndPassesCheck() throws {
        let folder = try Self.rolledOver()
        defer { try? FileManager.default.removeItem(at: folder) }
        let written = try String(contentsOf: folder.appendingPathComponent("plans/life-2016-17.yaml"), encoding: .utf8)
        #expect(written.hasPrefix("""
            # Rolled over from life-2015-16.yaml by 'actionplan rollover' for 2016/17.
            # Open outputs are carried forward with their lead, status, latest note and latest date; their
            # history stays in the old plan's journal and 'actionplan history ID' shows it.
            # Left behind (1):
            #   1.3 complete: Write a leaflet
            #
            plan: Life test plan 2015/16 (2016/17)
            follows: life-2015-16.yaml
            starts: 2016-04-01
            ends: 2017-03-31

            """))
        #expect(written.contains("""
                - id: "1.1"
                  output: Run a campaign
                  lead: Harrow Council
                  due: October 2015
                  status: at-risk
                  note: Designer left

            """))
        #expect(written.contains("""
                - id: "2.1"
                  output: Open a refuge
                  lead: Police
                  due: June 2016

            """))
        #expect(!written.contains("id: \"1.3\""))
        let check = try Runner.run(["check", "plans/life-2016-17.yaml"], in: folder)
        #expect(check.status == 0, "\(check.stdout)")
        // Carried over late, 1.1 is due before the new plan starts: check says what to do.
        #expect(check.stdout.contains("plans/life-2016-17.yaml:25:12: warning: output 1.1 is due 2015-10-31, before the plan starts (2016-04-01); if it was carried over late, revise its date ('actionplan update 1.1 --plan plans/life-2016-17.yaml --due DATE --reason TEXT'), otherwise check the year"), "\(check.stdout)")

        let again = try Runner.run(["rollover", "plans/life-2015-16.yaml", "--year", "2016/17", "-o", "plans/life-2016-17.yaml"], in: folder)
        #expect(again.status == 1)
        #expect(again.stderr.contains("actionplan: not written: cannot write the new plan: plans/life-2016-17.yaml: something is already there, and it is never replaced"))
        #expect(try String(contentsOf: folder.appendingPathComponent("plans/life-2016-17.yaml"), encoding: .utf8) == written)
        // The plan it follows must be there for the history to be: check says when it is not.
        try FileManager.default.moveItem(at: folder.appendingPathComponent("plans/life-2015-16.yaml"), to: folder.appendingPathComponent("plans/moved.yaml"))
        let lost = try Runner.run(["check", "plans/life-2016-17.yaml"], in: folder)
        #expect(lost.status == 0 && lost.stdout.contains("plans/life-2016-17.yaml:1:1: warning: 'follows: life-2015-16.yaml': plans/life-2015-16.yaml cannot be read as a plan"), "\(lost.stdout)")
        try FileManager.default.moveItem(at: folder.appendingPathComponent("plans/moved.yaml"), to: folder.appendingPathComponent("plans/life-2015-16.yaml"))
        let month = try Runner.run(["rollover", "plans/life-2015-16.yaml", "--year", "April 2016", "-o", "plans/other.yaml"], in: folder)
        #expect(month.status == 2 && month.stderr.contains("--year takes a reporting year, such as 2016/17; found 'April 2016'"))
    }

    /// The rolled-over plan as the coordinator edits it: 2.1 renumbered 2.5, 2.2 retired at the
    /// end of June, 1.2 moved to Provision.
    static func editedNextYear() throws -> URL {
        let folder = try rolledOver()
        let path = folder.appendingPathComponent("plans/life-2016-17.yaml")
        var plan = try String(contentsOf: path, encoding: .utf8)
        plan = plan.replacingOccurrences(of: "    - id: \"2.1\"\n", with: "    - id: \"2.5\"\n      was: \"2.1\"\n")
        plan = plan.replacingOccurrences(of: "    - id: \"2.2\"\n", with: "    - id: \"2.2\"\n      retired: {on: 2016-06-30, reason: Funded by the CCG now}\n")
        let moved = "    - id: \"1.2\"\n      output: Train teachers\n      lead: Harrow Council\n      due: March 2016\n      note: First school booked\n"
        #expect(plan.contains(moved))
        plan = plan.replacingOccurrences(of: moved, with: "").replacingOccurrences(of: "    - id: \"2.5\"\n", with: moved + "    - id: \"2.5\"\n")
        try plan.write(to: path, atomically: true, encoding: .utf8)
        return folder
    }

    @Test func historyFollowsEachOutputAcrossTwoPlanYears() throws {
        let folder = try Self.editedNextYear()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("plans/life-2016-17.yaml")
        let second = ["--plan", "plans/life-2016-17.yaml"]
        for arguments in [["note", "1.1", "New designer"], ["note", "2.5", "Keys handed over"], ["note", "1.2", "Second school"]] {
            let run = try Runner.run(arguments + second, in: folder)
            #expect(run.status == 0, "\(run.stderr)")
        }
        #expect(try Runner.run(["check"] + [second[1]], in: folder).status == 0)
        // Removed without a word: 1.1 leaves the plan file, though it has records in both years.
        let removed = "    - id: \"1.1\"\n      output: Run a campaign\n      lead: Harrow Council\n      due: October 2015\n      status: at-risk\n      note: Designer left\n"
        let plan = try String(contentsOf: path, encoding: .utf8)
        #expect(plan.contains(removed))
        try plan.replacingOccurrences(of: removed, with: "").write(to: path, atomically: true, encoding: .utf8)

        func history(_ id: String) throws -> [String] {
            let run = try Runner.run(["history", id] + second, in: folder)
            #expect(run.status == 0, "\(run.stderr)")
            // The time and the account vary: each becomes "…".
            return run.stdout.split(separator: "\n").map { String($0).replacing(/[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2} UTC  [^ :]+/, with: "…") }
        }
        #expect(try history("2.5") == [
            "2.5 Open a refuge",
            "  pillar Provision, objective 2",
            "  plan: lead Police, due June 2016",
            "  was:  2.1",
            "  now:  lead Police, due June 2016, status not rated",
            "  in plans/life-2015-16.yaml (Life test plan 2015/16):",
            "  line 4  … (as 2.1): due June 2016 (Building work late)",
            "  in plans/life-2016-17.yaml (Life test plan 2015/16 (2016/17)):",
            "  line 2  …: note: Keys handed over",
        ])
        #expect(try history("2.1").first == "2.1 is now 2.5 (its 'was:' in the plan)")
        let oldID = try Runner.run(["note", "2.1", "Under the old id"] + second, in: folder)
        #expect(oldID.status != 0 && oldID.stderr.contains("no output '2.1' in 'Life test plan 2015/16 (2016/17)'; it is 2.5 now (its 'was:' in the plan): give that id"), "\(oldID.stderr)")
        #expect(try history("1.2") == [
            "1.2 Train teachers",
            "  pillar Provision, objective 2",
            "  plan: lead Harrow Council, due March 2016",
            "  now:  lead Harrow Council, due March 2016, status not rated",
            "  in plans/life-2015-16.yaml (Life test plan 2015/16):",
            "  line 2  …: note: First school booked",
            "  in plans/life-2016-17.yaml (Life test plan 2015/16 (2016/17)):",
            "  line 3  …: note: Second school",
        ])
        #expect(try history("2.2") == [
            "2.2 Fund an advocate",
            "  pillar Provision, objective 2",
            "  plan: lead Police, due 2015/16",
            "  retired: 2016-06-30: Funded by the CCG now",
            "  now:  lead Police, due 2015/16, status not rated",
            "  in plans/life-2015-16.yaml (Life test plan 2015/16):",
            "  line 5  …: note: Advocate recruited",
        ])
        #expect(try history("1.1") == [
            "1.1: not in the plan: removed from plans/life-2016-17.yaml without 'retired:' or 'was:'; its records are kept",
            "  in plans/life-2015-16.yaml (Life test plan 2015/16):",
            "  line 1  …: status at-risk; note: Designer left",
            "  in plans/life-2016-17.yaml (Life test plan 2015/16 (2016/17)):",
            "  line 1  …: note: New designer",
        ])

        // Left behind at the rollover: its records are in the year before.
        #expect(try history("1.3") == [
            "1.3: not in plans/life-2016-17.yaml: left behind when the plan was rolled over (complete, dropped or retired), or removed before; its records in earlier plan years:",
            "  in plans/life-2015-16.yaml (Life test plan 2015/16):",
            "  line 3  …: status complete; note: Printed",
        ])

        // The removal is a warning naming the id, its records and what to write; never exit 1.
        let warning = "plans/life-2016-17.journal:1:1: warning: output '1.1' is not in the plan, but 1 record is about it (line 1); its history is kept ('actionplan history 1.1 --plan plans/life-2016-17.yaml'). In the plan file, keep the output with 'retired: {on: DATE, reason: TEXT}', or write 'was: \"1.1\"' under the output it became"
        let check = try Runner.run(["check", second[1]], in: folder)
        #expect(check.status == 0 && check.stdout.contains(warning), "\(check.stdout)")
        let verify = try Runner.run(["verify", second[1]], in: folder)
        #expect(verify.status == 0, "\(verify.stdout)")
        #expect(verify.stdout.hasPrefix(warning) && verify.stdout.hasSuffix("plans/life-2016-17.journal: intact: 3 records\n"), "\(verify.stdout)")

        // Retired at the end of June: counted and listed before, listed as retired after.
        let june = try Runner.run(["list", "--as-of", "2016-06-30", "--format", "json"] + [second[1]], in: folder)
        #expect(june.stdout.contains("\"id\":\"2.2\"") || june.stdout.contains("\"id\" : \"2.2\""))
        let july = try Runner.run(["list", "--as-of", "2016-07-01", "--width", "120"] + [second[1]], in: folder)
        #expect(!july.stdout.contains("Fund an advocate") && july.stdout.contains("\n2 outputs\n"), "\(july.stdout)")
        let retired = try Runner.run(["list", "--retired", "--as-of", "2016-07-01", "--width", "120"] + [second[1]], in: folder)
        #expect(retired.stdout.contains("retired 2016-06-30: Funded by the CCG") && retired.stdout.contains("\n1 output\n"), "\(retired.stdout)")
        let json = try Runner.run(["list", "--retired", "--as-of", "2016-07-01", "--format", "json"] + [second[1]], in: folder)
        let rows = try #require(JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(rows.count == 1 && rows.first?["retired_on"] as? String == "2016-06-30" && rows.first?["retired_reason"] as? String == "Funded by the CCG now")
    }

    @Test func theAnnualReportFollowsEachOutputBackToItsFirstPlanYear() throws {
        let folder = try Self.editedNextYear()
        defer { try? FileManager.default.removeItem(at: folder) }
        let second = ["--plan", "plans/life-2016-17.yaml"]
        let note = try Runner.run(["note", "2.5", "Keys handed over"] + second, in: folder)
        #expect(note.status == 0, "\(note.stderr)")
        let revise = try Runner.run(["update", "2.5", "--due", "December 2016", "--reason", "Builder went bust"] + second, in: folder)
        #expect(revise.status == 0, "\(revise.stderr)")

        // The year's report is as at 31 March 2017: the records of both years, made today, are
        // after it, so it stands on the plans as written, and comes out the same whenever it is run.
        // 2.5 was carried over with the date 2.1 was revised to in year one: it slipped there.
        // 1.2, moved to Provision, keeps its history; 2.2, retired within the year, its row.
        let md = try Runner.run(["report", "plans/life-2016-17.yaml", "--year", "2016/17"], in: folder)
        #expect(md.status == 0, "\(md.stderr)")
        let section = md.stdout.components(separatedBy: "## Earlier plan years").dropFirst().first?.components(separatedBy: "## Carried forward").first
        #expect(section == """
             (4)

            4 actions were in an earlier plan year, under the same id or the one it had then ('was:'): the plan year it first appeared in, \
            the deadline that plan gave it, how far it has slipped since over all the years, and the records about it in earlier years \
            up to 31 March 2017, with the latest note.

            | ID | Output | First plan year | ID then | Due then | Due now | Slipped by | Records | Latest earlier note |
            | --- | --- | --- | --- | --- | --- | --- | ---: | --- |
            | 1.1 | Run a campaign | 2015/16, life-2015-16.yaml | 1.1 | October 2015 | October 2015 | unchanged | 0 |  |
            | 1.2 | Train teachers | 2015/16, life-2015-16.yaml | 1.2 | March 2016 | March 2016 | unchanged | 0 |  |
            | 2.5 | Open a refuge | 2015/16, life-2015-16.yaml | 2.1 | January 2016 | June 2016 | 5 months later | 0 |  |
            | 2.2 | Fund an advocate (retired 2016-06-30: Funded by the CCG now) | 2015/16, life-2015-16.yaml | 2.2 | 2015/16 | 2015/16 | unchanged | 0 |  |


            """, "\(md.stdout)")
        #expect(md.stdout.contains("## Movement since 2015/16\n") && md.stdout.contains("## Carried forward (3)\n"))

        let json = try Runner.run(["report", "plans/life-2016-17.yaml", "--year", "2016/17", "--format", "json"], in: folder)
        let document = try #require(JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let rows = try #require(document["earlier_years"] as? [[String: Any]])
        #expect(rows.map { row in
            ["id", "first_id", "first_plan", "first_plan_year", "first_due", "due", "slipped_by", "retired_on"].map { row[$0] as? String ?? "null" }
                + ["\(row["earlier_records"] ?? "")"]
        } == [
            ["1.1", "1.1", "life-2015-16.yaml", "2015/16", "October 2015", "October 2015", "unchanged", "null", "0"],
            ["1.2", "1.2", "life-2015-16.yaml", "2015/16", "March 2016", "March 2016", "unchanged", "null", "0"],
            ["2.5", "2.1", "life-2015-16.yaml", "2015/16", "January 2016", "June 2016", "5 months later", "null", "0"],
            ["2.2", "2.2", "life-2015-16.yaml", "2015/16", "2015/16", "2015/16", "unchanged", "2016-06-30", "0"],
        ])

        // Judged on the day the records were made, the quarter shows them: 2.5's revision slipped it
        // 6 months past this plan's June 2016, and 11 past the January 2016 its first plan year set.
        let day = try revise.recordedDay()
        let quarter = try Runner.run(["report", "plans/life-2016-17.yaml", "--as-of", day], in: folder)
        #expect(quarter.status == 0, "\(quarter.stderr)")
        #expect(quarter.stdout.contains("| 2.5 | Open a refuge | June 2016 | December 2016 | 11 months later since 2015/16 (January 2016) | "), "\(quarter.stdout)")
        let quarterJSON = try Runner.run(["report", "plans/life-2016-17.yaml", "--as-of", day, "--format", "json"], in: folder)
        let movement = try #require((JSONSerialization.jsonObject(with: Data(quarterJSON.stdout.utf8)) as? [String: Any])?["movement"] as? [String: Any])
        #expect((movement["revised_deadlines"] as? [[String: String]])?.first?["slipped_by"] == "11 months later since 2015/16 (January 2016)")
    }
}
