import Foundation
import Testing

/// Delivery groups through the real binary: rights, filters, rollups and the group's report.
@Suite struct GroupCommandTests {
    @Test func aGroupChairUpdatesTheirGroupsOutputsAndNoOthers() throws {
        let folder = try GroupPlan.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try """
            service_account: \(ProcessInfo.processInfo.userName)
            people:
              - account: og.chair
                role: group-chair
                groups: [HPOG]

            """.write(to: folder.appendingPathComponent("plans/access.yaml"), atomically: true, encoding: .utf8)
        // 2.3 is led by WISH, and sits under objective 2, which HPOG owns.
        let revise = try Runner.run(["update", "2.3", "--plan", "harrow", "--due", "March 2016", "--reason", "venue lost", "--as", "og.chair"], in: folder)
        #expect(revise.status == 0, "\(revise.stderr)")
        let own = try Runner.run(["update", "1.1", "--plan", "harrow", "--status", "on-track", "--as", "og.chair"], in: folder)
        #expect(own.status == 0, "\(own.stderr)")
        let other = try Runner.run(["note", "4.1", "hello", "--plan", "harrow", "--as", "og.chair"], in: folder)
        #expect(other.status == 1)
        #expect(other.stderr == "actionplan: not recorded: output 4.1 belongs to the Children's Operational Group, and og.chair updates for HPOG only\n")
        let lead = try Runner.run(["update", "2.3", "--plan", "harrow", "--lead", "Police", "--as", "og.chair"], in: folder)
        #expect(lead.status == 1 && lead.stderr.contains("only the chair or the coordinator may assign a lead"))
    }
}

/// `--group` on `list`, `summary` and `report`, and the reports for each audience, as text.
@Suite struct GroupReportCommandTests {
    /// The two-quarter Harrow journal (2.2 completed and 2.3 off track, both HPOG's; 4.2, CHOG's,
    /// and 3.1 revised) with the groups added.
    static func folder() throws -> URL {
        try GroupPlan.grouping(ReportCommandTests.plansWithTwoQuarters())
    }

    @Test func listAndSummaryFilterAndCountByGroup() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let list = try Runner.run(["list", "harrow", "--group", "hpog", "--as-of", "2015-09-30", "--format", "csv"], in: folder)
        #expect(list.status == 0, "\(list.stderr)")
        #expect(list.stdout.components(separatedBy: "\r\n").dropFirst().compactMap { $0.split(separator: ",").first.map(String.init) }
            == ["1.1", "2.1", "2.2", "2.3", "2.4"])
        #expect(list.stdout.contains(",Harmful Practices Operational Group,,,\r\n"))
        let summary = try Runner.run(["summary", "harrow", "--by", "group", "--as-of", "2015-09-30", "--width", "120"], in: folder)
        #expect(summary.status == 0, "\(summary.stderr)")
        let rows = summary.stdout.split(separator: "\n").map(String.init)
        // The group's whole name, never cut, then its counts.
        #expect(rows.contains { row in
            let words = row.split(separator: " ").joined(separator: " ")
            return words.hasPrefix("Harmful Practices Operational Group") && words.contains(" 1 0 0 3 1 5 ")
        }, "\(summary.stdout)")
        #expect(rows.contains { $0.hasPrefix("No group ") } && rows.contains { $0.hasPrefix("All groups ") })
        let wrong = try Runner.run(["summary", "harrow", "--group", "HPGO"], in: folder)
        #expect(wrong.status == 2)
        #expect(wrong.stderr.contains("no delivery group 'HPGO' in 'Harrow VAWG Strategy and Action Plan 2014-17'; did you mean 'HPOG'?"))
    }

    @Test func aGroupChairsQuarterlyReportIsOneCommand() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try Runner.run(["report", "harrow", "--group", "HPOG", "--quarter", "Q2 2015/16"], in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.hasPrefix("# Harmful Practices Operational Group: Q2 2015/16 report\n\nHarrow VAWG Strategy and Action Plan 2014-17\n\n"
            + "Chair: Head of Community Safety; Coordinator: VAWG Coordinator; reports quarterly\n\n"))
        #expect(run.stdout.contains("### Newly complete (1)\n"))
        #expect(run.stdout.contains("## The group's outputs\n"))
        #expect(!run.stdout.contains("| 4.2 |"), "4.2 is CHOG's")
        let csv = try Runner.run(["report", "harrow", "--group", "HPOG", "--quarter", "Q2 2015/16", "--format", "csv"], in: folder)
        let rows = csv.stdout.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(rows.filter { !$0.hasPrefix(",") }.count == 6, "the header and HPOG's five outputs")
        // The plan's twelve indicators sit on objectives HPOG does not own, so none is in its report.
        #expect(rows.filter { $0.hasPrefix(",") }.isEmpty)
        #expect(run.stdout.contains("## Indicators\n\nNo objective of the Harmful Practices Operational Group declares an indicator.\n"))
    }

    @Test func theExceptionReportHoldsOnlyWhatTheBoardMustSee() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try Runner.run(["report", "harrow", "--exceptions", "--group", "CHOG", "--quarter", "Q2 2015/16"], in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.hasPrefix("# Children's Operational Group: Q2 2015/16 exception report\n"))
        #expect(run.stdout.contains("\n2 open actions are overdue, unowned, red or stale, each listed once under the first that applies; "
            + "no deadline was revised in Q2 2015/16.\n"), "\(run.stdout)")
        #expect(!run.stdout.contains("## Summary") && !run.stdout.contains("## Movement"))
    }

    @Test func theAnnualReportIsTheYearsMovementAndWhatIsCarriedForward() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try Runner.run(["report", "harrow", "--year", "2015/16"], in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.hasPrefix("# Harrow VAWG Strategy and Action Plan 2014-17: annual report 2015/16\n\nSafer Harrow\n\n"
            + "2015/16: 1 April 2015 to 31 March 2016; as at 31 March 2016\n"))
        #expect(run.stdout.contains("## Movement since 2014/15\n"))
        #expect(run.stdout.contains("### Revised deadlines (2)\n"))
        #expect(run.stdout.contains("| 4.2 | "), "revised in May 2015, within the year")
        #expect(run.stdout.contains("## Carried forward (54)\n"), "every output but 2.2, completed in August")
        let both = try Runner.run(["report", "harrow", "--year", "2015/16", "--quarter", "Q2 2015/16"], in: folder)
        #expect(both.status == 64 || both.status == 2)
        #expect(both.stderr.contains("give --year or --quarter, not both"))
        let notAYear = try Runner.run(["report", "harrow", "--year", "2015"], in: folder)
        #expect(notAYear.stderr.contains("'2015' is not a reporting year; write one such as '2015/16'"))
    }
}
