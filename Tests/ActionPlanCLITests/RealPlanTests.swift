import Foundation
import Testing

/// The bundled plans, through the real binary: what the steering group and coordinator see.
@Suite struct RealPlanTests {
    @Test func checkPassesOnBothBundledPlansAndPinsTheirCounts() throws {
        let run = try Runner.run(["check", "plans/"])
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout == """
            plans/harrow-vawg-2014-17.yaml: ok: 4 pillars, 21 objectives, 55 outputs
            plans/hillingdon-da-2018-21.yaml: ok: 4 pillars, 4 objectives, 50 outputs

            """)
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

    @Test func harrowSummaryCountsEveryPillar() throws {
        let run = try Runner.run(["summary", "harrow", "--as-of", "2015-06-30"])
        #expect(run.status == 0, "\(run.stderr)")
        let lines = run.stdout.split(separator: "\n").map { $0.split(separator: " ").joined(separator: " ") }
        #expect(lines.first == "Harrow VAWG Strategy and Action Plan 2014-17 — as of 2015-06-30 (Q1 2015/16)")
        #expect(Array(lines[1...7]) == [
            "Pillar B G A R - Live Done% overdue due-soon unowned unknown-lead undated stale",
            "Prevention 0 0 0 7 8 15 0% 7 0 0 0 5 15",
            "Provision 0 0 0 5 7 12 0% 5 1 2 0 0 12",
            "Partnership 0 0 0 11 7 18 0% 11 0 4 0 1 18",
            "Perpetrators 0 0 0 5 5 10 0% 5 0 3 0 0 10",
            String(repeating: "-", count: 100),
            "All pillars 0 0 0 28 27 55 0% 28 1 9 0 6 55",
        ])
    }

    @Test func hillingdonHasNoLeadsOrDatesAndSaysSo() throws {
        let run = try Runner.run(["list", "plans/hillingdon-da-2018-21.yaml", "--flag", "unowned", "--flag", "undated", "--format", "csv"])
        #expect(run.status == 0, "\(run.stderr)")
        let lines = run.stdout.components(separatedBy: "\r\n")
        #expect(lines.first == "id,pillar,objective,output,lead,due,deadline,status,rag,flags,original_due,original_deadline,revised_by,revision_reason,group")
        #expect(lines.count == 52) // header, 50 outputs, and the empty string after the last CRLF
        #expect(lines[1].hasPrefix("P1.1,Prevention,P1,"))
        #expect(lines[1].hasSuffix(",,,,,grey,unowned; undated; stale,,,,,"))
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
