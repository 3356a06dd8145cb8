import Foundation
import Testing

/// The bundled plans, through the real binary: what the steering group and coordinator see.
@Suite struct RealPlanTests {
    @Test func checkPassesOnEveryBundledPlanAndPinsTheirCounts() throws {
        let run = try Runner.run(["check", "plans/"])
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout == """
            plans/barnet-vawg-2017-20.yaml: ok: 4 pillars, 4 objectives, 34 outputs
            plans/harrow-vawg-2014-17.yaml:173:18: warning: output 2.2 is due 2018-03-31, after the plan ends (2017-03-31); check the year, or carry it into the next plan with 'actionplan rollover'
            plans/harrow-vawg-2014-17.yaml:181:18: warning: output 2.3 is due 2017-12-31, after the plan ends (2017-03-31); check the year, or carry it into the next plan with 'actionplan rollover'
            plans/harrow-vawg-2014-17.yaml:188:18: warning: output 2.4 is due 2017-12-31, after the plan ends (2017-03-31); check the year, or carry it into the next plan with 'actionplan rollover'
            plans/harrow-vawg-2014-17.yaml:767:18: warning: output 19.2 is due 2017-07-31, after the plan ends (2017-03-31); check the year, or carry it into the next plan with 'actionplan rollover'
            plans/hillingdon-da-2018-21.yaml: ok: 4 pillars, 4 objectives, 50 outputs, 2 indicators
            plans/shared-services-vawg-2015-18.yaml: ok: 7 pillars, 7 objectives, 35 outputs, 6 indicators
            0 errors, 4 warnings in 4 files

            """)
        #expect(run.stderr.isEmpty, "\(run.stderr)")
    }

    /// Each bundled plan's indicators as its source states them, the day after the plan ends: the
    /// id, where it belongs, and the target of the plan's last period ("" where the source sets
    /// none; Harrow's six campaigns are a target for 2016/17 alone).
    /// Barnet's strategy promises indicators but names none.
    @Test(arguments: [
        ("plans/barnet-vawg-2017-20.yaml", "2020-04-01", [String]()),
        ("plans/harrow-vawg-2014-17.yaml", "2017-04-01", [
            "CAMPAIGNS objective 1 6", "TRAIN-MARAC objective 3 4", "TRAIN-DV objective 3 2", "TRAIN-ADULTS objective 3 2",
            "TRAIN-SV objective 3 2", "CGP-GROUPS objective 10 2", "SG-MEETINGS objective 13 4", "DSV-FORUMS objective 13 4",
            "MARAC-IDVA objective 15 100%", "CSE-RESPONSE objective 16 100%", "CARING-DADS objective 19 2",
            "YOUNG-PERPS objective 20 10",
        ]),
        ("plans/hillingdon-da-2018-21.yaml", "2021-04-01", ["DA-CASES pillar Prevention ", "CLARES-LAW pillar Prevention "]),
        ("plans/shared-services-vawg-2015-18.yaml", "2018-04-01", [
            "MARAC-CASES plan ", "MARAC-VOLUME plan 100%", "MARAC-CHILD plan ", "MARAC-LGBT plan 5%", "MARAC-DISAB plan ",
            "MARAC-MALE plan 4–10%",
        ]),
    ])
    func indicatorsAsTheSourcesStateThem(plan: String, asOf day: String, indicators: [String]) throws {
        let run = try Runner.run(["indicators", plan, "--as-of", day, "--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        let rows = try #require(JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]])
        var lastTarget: [String: String] = [:]
        var order: [String] = []
        for row in rows {
            let id = try #require(row["indicator"] as? String)
            let scope = try #require(row["scope"] as? String)
            if lastTarget["\(id) \(scope)"] == nil { order.append("\(id) \(scope)") }
            lastTarget["\(id) \(scope)"] = row["target"] as? String ?? "?"
        }
        #expect(order.map { "\($0) \(lastTarget[$0] ?? "?")" } == indicators)
        // No bundled plan records a figure: the sources' figures are baselines or comments.
        #expect(rows.allSatisfy { $0["value"] is NSNull })
    }

    /// The MARAC table's figures for the year to 30/09/2014 are baselines, each the sum of the
    /// three boroughs' counts; the percentages, which cannot be summed, have none.
    @Test func sharedServicesMARACBaselines() throws {
        let plan = "plans/shared-services-vawg-2015-18.yaml"
        let cases = try Runner.run(["history", "MARAC-CASES", "--plan", plan])
        #expect(cases.stdout.contains("  baseline: 701 in October 2013 - September 2014\n"), "\(cases.stdout)\(cases.stderr)")
        let children = try Runner.run(["history", "MARAC-CHILD", "--plan", plan])
        #expect(children.stdout.contains("  baseline: 662 in October 2013 - September 2014\n"), "\(children.stdout)")
        let male = try Runner.run(["history", "MARAC-MALE", "--plan", plan])
        #expect(male.status == 0 && !male.stdout.contains("baseline"), "\(male.stdout)")
    }

    /// The ids of a plan's outputs that carry `flag` as of `day`, and the deadline each worked to.
    private func flagged(_ plan: String, _ flag: String, asOf day: String) throws -> [String: String] {
        let run = try Runner.run(["list", plan, "--as-of", day, "--flag", flag, "--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        let rows = try #require(JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]])
        return Dictionary(uniqueKeysWithValues: rows.compactMap { row in
            (row["id"] as? String).map { ($0, row["deadline"] as? String ?? "") }
        })
    }

    @Test func harrowOverdueAtTheEndOfJune2015() throws {
        let run = try Runner.run(["list", "plans/harrow-vawg-2014-17.yaml", "--as-of", "2015-06-30", "--flag", "overdue", "--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        let rows = try #require(JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]])
        let ids = rows.compactMap { $0["id"] as? String }
        #expect(ids == ["1.1", "2.1", "4.1", "4.2", "5.1", "5.2", "5.3", "6.1", "9.1", "9.2", "11.1", "12.1",
                        "13.1", "13.2", "13.3", "13.4", "13.5", "15.1", "15.3", "15.4", "16.3", "16.5", "17.1",
                        "18.1", "18.2", "18.4", "19.1", "20.1"])
        for row in rows {
            let deadline = try #require(row["deadline"] as? String)
            #expect(deadline < "2015-06-30")
            #expect(row["rag"] as? String == "red")
            #expect((row["flags"] as? [String])?.contains("overdue") == true)
        }
    }

    /// Each plan's counts per pillar as of a day its flags have something to say: the rows of
    /// `summary` under its header, runs of spaces folded to one.
    @Test(arguments: [
        ("harrow", "2015-06-30", [
            "Prevention 0 0 0 7 8 15 0% 7 0 0 0 5 15",
            "Provision 0 0 0 5 7 12 0% 5 1 2 0 0 12",
            "Partnership 0 0 0 11 7 18 0% 11 0 4 0 1 18",
            "Perpetrators 0 0 0 5 5 10 0% 5 0 3 0 0 10",
            "All pillars 0 0 0 28 27 55 0% 28 1 9 0 6 55",
        ]),
        // Seven priorities of its own, one lead (7.4).
        ("plans/shared-services-vawg-2015-18.yaml", "2016-06-30", [
            "Access 0 0 0 0 8 8 0% 0 0 8 0 8 8",
            "Response 0 0 0 2 9 11 0% 2 0 11 0 8 11",
            "Community 0 0 0 0 3 3 0% 0 0 3 0 3 3",
            "Practitioners 0 0 0 1 2 3 0% 1 0 3 0 2 3",
            "Children and Young People 0 0 0 0 4 4 0% 0 0 4 0 4 4",
            "Perpetrators 0 0 0 0 2 2 0% 0 0 2 0 2 2",
            "Justice and Protection 0 0 0 0 4 4 0% 0 0 3 0 4 4",
            "All pillars 0 0 0 3 32 35 0% 3 0 34 0 31 35",
        ]),
        // No action table: outputs only from its "we will"s; two leads named.
        ("plans/barnet-vawg-2017-20.yaml", "2018-06-30", [
            "Prevention 0 0 0 1 17 18 0% 1 0 17 0 17 18",
            "Provision 0 0 0 0 4 4 0% 0 0 4 0 4 4",
            "Perpetrators 0 0 0 0 2 2 0% 0 0 1 0 2 2",
            "Partnership 0 0 0 1 9 10 0% 1 0 10 0 9 10",
            "All pillars 0 0 0 2 32 34 0% 2 0 32 0 32 34",
        ]),
        // Its priorities in the source's order: Perpetrators (3) before Partnership (4).
        ("plans/hillingdon-da-2018-21.yaml", "2019-01-15", [
            "Prevention 0 0 0 0 19 19 0% 0 0 19 0 19 19",
            "Provision 0 0 0 0 13 13 0% 0 0 13 0 13 13",
            "Perpetrators 0 0 0 0 10 10 0% 0 0 10 0 10 10",
            "Partnership 0 0 0 1 7 8 0% 1 1 8 0 6 8",
            "All pillars 0 0 0 1 49 50 0% 1 1 50 0 48 50",
        ]),
    ])
    func summaryCountsEveryPillar(plan: String, asOf day: String, rows: [String]) throws {
        let run = try Runner.run(["summary", plan, "--as-of", day])
        #expect(run.status == 0, "\(run.stderr)")
        let lines = run.stdout.split(separator: "\n").map { $0.split(separator: " ").joined(separator: " ") }
        #expect(lines.first?.contains(" — as of \(day) (Q") == true)
        #expect(lines.dropFirst().first == "Pillar B G A R - Live Done% overdue due-soon unowned unknown-lead undated stale")
        // The rule line between the pillars and the total is left out: its length is the table's.
        #expect(Array(lines.dropFirst(2).prefix(rows.count + 1)).filter { !$0.hasPrefix("---") } == rows)
    }

    @Test func harrowSummaryNamesThePlanAndTheQuarter() throws {
        let run = try Runner.run(["summary", "harrow", "--as-of", "2015-06-30"])
        #expect(run.stdout.hasPrefix("Harrow VAWG Strategy and Action Plan 2014-17 — as of 2015-06-30 (Q1 2015/16)\n"))
    }

    /// The pilot (Jan 2015-March 2016) and the two actions due every year with no record of
    /// 2015/16 are overdue by June 2016; a year earlier 2014/15, before the plan, owed nothing.
    @Test func sharedServicesFlagsWhatPassed() throws {
        let plan = "plans/shared-services-vawg-2015-18.yaml"
        #expect(try flagged(plan, "overdue", asOf: "2016-06-30") == ["2.6": "2016-03-31", "2.11": "2016-03-31", "4.1": "2016-03-31"])
        #expect(try flagged(plan, "overdue", asOf: "2015-06-30") == [:])
        #expect(try flagged(plan, "due-soon", asOf: "2016-01-15") == ["2.6": "2016-03-31", "2.11": "2016-03-31", "4.1": "2016-03-31"])
    }

    /// IRIS, due in 2017/2018, and the annual delivery plan are overdue by mid-2018.
    @Test func barnetFlagsWhatPassed() throws {
        let plan = "plans/barnet-vawg-2017-20.yaml"
        #expect(try flagged(plan, "overdue", asOf: "2018-06-30") == ["1.11": "2018-03-31", "4.9": "2018-03-31"])
        #expect(try flagged(plan, "due-soon", asOf: "2018-01-15") == ["1.11": "2018-03-31", "4.9": "2018-03-31"])
    }

    /// The quarterly reviews are overdue once a quarter passes unrecorded; the annual report is
    /// due soon as its first year ends.
    @Test func hillingdonFlagsItsRecurringWork() throws {
        let plan = "plans/hillingdon-da-2018-21.yaml"
        #expect(try flagged(plan, "overdue", asOf: "2019-01-15") == ["P4.1": "2018-12-31"])
        #expect(try flagged(plan, "due-soon", asOf: "2019-01-15") == ["P4.4": "2019-03-31"])
        #expect(try flagged(plan, "overdue", asOf: "2018-06-30") == [:])
    }

    @Test func hillingdonHasNoLeadsAndFewDatesAndSaysSo() throws {
        let run = try Runner.run(["list", "plans/hillingdon-da-2018-21.yaml", "--as-of", "2018-06-30", "--flag", "unowned", "--flag", "undated",
                                  "--format", "csv"])
        #expect(run.status == 0, "\(run.stderr)")
        let lines = run.stdout.components(separatedBy: "\r\n")
        #expect(lines.first == "\u{FEFF}id,pillar,objective,output,lead,due,deadline,status,rag,flags,original_due,original_deadline,revised_by,revision_reason,retired_on,retired_reason,group,latest_note,note_by,note_at")
        // Header, 48 outputs (all but the quarterly reviews and the annual report), and the empty
        // string after the last CRLF.
        #expect(lines.count == 50)
        #expect(lines[1].hasPrefix("P1.1,Prevention,P1,"))
        #expect(lines[1].hasSuffix(",,,,,grey,unowned; undated; stale,,,,,,,,,,"))
    }

    @Test func anOfficerFindsTheirAgencysActionsByAnySpelling() throws {
        let byShort = try Runner.run(["list", "harrow", "--lead", "LSCB", "--format", "json"])
        let byTypo = try Runner.run(["list", "harrow", "--lead", "lcsb", "--format", "json"])
        #expect(byShort.status == 0 && byTypo.status == 0)
        #expect(byShort.stdout == byTypo.stdout)
        let rows = try #require(JSONSerialization.jsonObject(with: Data(byShort.stdout.utf8)) as? [[String: Any]])
        #expect(rows.compactMap { $0["id"] as? String } == ["4.1", "4.2", "5.1", "5.2", "5.3", "8.1"])
    }

    @Test func theTableFitsEightyColumnsWithItsKey() throws {
        let run = try Runner.run(["list", "harrow", "--as-of", "2015-06-30", "--pillar", "perp", "--width", "80"])
        #expect(run.status == 0, "\(run.stderr)")
        let lines = run.stdout.split(separator: "\n")
        #expect(lines.allSatisfy { $0.count <= 80 })
        #expect(lines.contains("[Perpetrators]"))
        #expect(!lines.contains("[Prevention]"))
        #expect(lines.contains { $0.hasPrefix("Key: B complete") })
    }
}
