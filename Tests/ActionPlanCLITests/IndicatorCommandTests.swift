import Foundation
import Testing

/// Indicators through the real binary, on the Shared Services MARAC table (seed 003, "MARAC
/// October 2013-September 2014", "As of 30/09/2014"): real figures for the reporting year
/// 2013/14 of a plan whose year starts in October (Tests/Fixtures/shared-services-marac-2014.yaml).
@Suite struct IndicatorCommandTests {
    /// The table as the source gives it: indicator, area or comparator, figure. Left out, as the
    /// source gives no number: the national figure for cases as a share of SafeLives's
    /// recommended volume ("N/A") and for LGBT referrals ("<1%").
    static let marac: [(String, String, String)] = [
        ("MARAC-CASES", "RBKC", "187"), ("MARAC-CASES", "LBHF", "253"), ("MARAC-CASES", "Westminster", "261"),
        ("MARAC-VOLUME", "RBKC", "69%"), ("MARAC-VOLUME", "LBHF", "79%"), ("MARAC-VOLUME", "Westminster", "70.5%"),
        ("MARAC-VOLUME", "Met Police average", "67.5%"),
        ("MARAC-CHILDREN", "RBKC", "143"), ("MARAC-CHILDREN", "LBHF", "233"), ("MARAC-CHILDREN", "Westminster", "286"),
        ("MARAC-CHILDREN", "Met Police average", "10,253"), ("MARAC-CHILDREN", "National average", "93,759"),
        ("MARAC-LGBT", "RBKC", "2%"), ("MARAC-LGBT", "LBHF", "3%"), ("MARAC-LGBT", "Westminster", "2%"),
        ("MARAC-LGBT", "Met Police average", "1%"),
        ("MARAC-DISABILITY", "RBKC", "25%"), ("MARAC-DISABILITY", "LBHF", "11%"), ("MARAC-DISABILITY", "Westminster", "4%"),
        ("MARAC-DISABILITY", "Met Police average", "7%"), ("MARAC-DISABILITY", "National average", "4%"),
        ("MARAC-MALE", "RBKC", "5%"), ("MARAC-MALE", "LBHF", "3%"), ("MARAC-MALE", "Westminster", "2%"),
        ("MARAC-MALE", "Met Police average", "4%"), ("MARAC-MALE", "National average", "4%"),
    ]

    /// A folder holding the MARAC fixture plan with every figure of the table recorded.
    static func maracPlan() throws -> URL {
        let folder = try Runner.temporaryFolder()
        try FileManager.default.copyItem(at: Runner.root.appendingPathComponent("Tests/Fixtures/shared-services-marac-2014.yaml"),
                                         to: folder.appendingPathComponent("marac.yaml"))
        for (id, area, value) in marac {
            let run = try Runner.run(["figure", id, "--plan", "marac.yaml", "--period", "2013/14", "--value", value, "--area", area], in: folder)
            #expect(run.status == 0, "\(id) \(area): \(run.stderr)")
        }
        return folder
    }

    @Test func theMARACTableIsRecordedRatedAndListed() throws {
        let folder = try Self.maracPlan()
        defer { try? FileManager.default.removeItem(at: folder) }
        let table = try Runner.run(["indicators", "marac.yaml", "--width", "160"], in: folder)
        #expect(table.status == 0)
        #expect(table.stdout.contains("Indicators: G 1, A 0, R 5, - 12; missing-figure 18"))
        let lines = table.stdout.split(separator: "\n")
        #expect(lines.contains { $0.hasPrefix("MARAC-MALE") && $0.contains("(RBKC)") && $0.contains("2013/14  5%") && $0.contains("4–10%   G") })
        #expect(lines.contains { $0.hasPrefix("MARAC-LGBT") && $0.contains("(LBHF)") && $0.contains("3%     5%      R") })

        let csv = try Runner.run(["list", "marac.yaml", "--indicators", "--format", "csv"], in: folder)
        #expect(csv.stdout.contains("MARAC-CHILDREN,Number of children discussed at MARAC,plan,National average,yes,count,2013/14,2013-10-01,2014-09-30,93759,"))
        let history = try Runner.run(["history", "marac-male", "--plan", "marac.yaml"], in: folder)
        #expect(history.stdout.contains("percentage, range is better, reported annually, expected 4–10%"))
        #expect(history.stdout.contains(": 2013/14 National average = 4%"))
        let summary = try Runner.run(["summary", "marac.yaml"], in: folder)
        #expect(summary.stdout.hasSuffix("Indicators: G 1, A 0, R 5, - 12; missing-figure 18\n"))
    }

    /// An indicator taken out of the plan file keeps its figures: `verify` warns and passes, and
    /// putting it back shows them again.
    @Test func figuresOutliveTheirIndicatorLeavingThePlan() throws {
        let folder = try Self.maracPlan()
        defer { try? FileManager.default.removeItem(at: folder) }
        let plan = folder.appendingPathComponent("marac.yaml")
        let written = try String(contentsOf: plan, encoding: .utf8)
        try written.replacingOccurrences(of: "id: MARAC-MALE", with: "id: MARAC-MEN").write(to: plan, atomically: true, encoding: .utf8)
        let verify = try Runner.run(["verify", "marac.yaml"], in: folder)
        #expect(verify.status == 0, "\(verify.stdout)\(verify.stderr)")
        #expect(verify.stdout.contains("marac.journal:22:1: warning: indicator 'MARAC-MALE' is not in the plan, but 5 records are about it "
            + "(lines 22, 23, 24, 25, 26); its figures are kept in the journal."), "\(verify.stdout)")
        #expect(verify.stdout.hasSuffix("marac.journal: intact: 26 records\n"), "\(verify.stdout)")
        try written.write(to: plan, atomically: true, encoding: .utf8)
        let history = try Runner.run(["history", "MARAC-MALE", "--plan", "marac.yaml"], in: folder)
        #expect(history.stdout.contains(": 2013/14 National average = 4%"), "\(history.stdout)")
    }

    @Test func aFigureThatCannotBeIsRefusedWithWhatToWriteInstead() throws {
        let folder = try Runner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.copyItem(at: Runner.root.appendingPathComponent("Tests/Fixtures/shared-services-marac-2014.yaml"),
                                         to: folder.appendingPathComponent("marac.yaml"))
        func refusal(_ arguments: [String]) throws -> (Int32, String) {
            let run = try Runner.run(["figure"] + arguments + ["--plan", "marac.yaml"], in: folder)
            // The last line: the first may be the note that the plan has no access file yet.
            return (run.status, run.stderr.split(separator: "\n").last.map(String.init) ?? "")
        }
        #expect(try refusal(["MARAC-MALE", "--period", "2013/14", "--value", "five", "--area", "RBKC"])
            == (2, "actionplan: --value 'five' is not a number; write the figure in digits, such as 187, 12.5, 1,200 or 10%"))
        #expect(try refusal(["MARAC-MALE", "--period", "2013/14", "--value", "120%", "--area", "RBKC"])
            == (1, "actionplan: not recorded: a percentage is between 0 and 100, not 120"))
        #expect(try refusal(["MARAC-MALE", "--period", "2010/11", "--value", "5", "--area", "RBKC"])
            == (1, "actionplan: not recorded: 2010/11 ended before the plan began (2013-10-01): it is outside the plan"))
        #expect(try refusal(["MARAC-MALE", "--period", "Q1 2013/14", "--value", "5"])
            == (1, "actionplan: not recorded: indicator MARAC-MALE is reported each reporting year: 'Q1 2013/14' is not a reporting year; write one such as '2015/16'"))
        #expect(try refusal(["MARAC-MLAE", "--period", "2013/14", "--value", "5"])
            == (2, "actionplan: not recorded: no indicator 'MARAC-MLAE' in 'Shared Services VAWG Strategy - MARAC indicators (fixture)'; did you mean 'MARAC-MALE'?"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("marac.journal").path))
    }
}

/// The indicators section as a browser prints it: headless Chromium renders the MARAC report's
/// charts (scripts/render-report), on A4 landscape.
@Suite(.enabled(if: openerIsInstalled(["/usr/bin/chromium-headless-shell", "/usr/bin/chromium"]), "needs chromium-headless-shell or chromium"))
struct IndicatorRenderTests {
    @Test func chromiumPrintsTheMARACChartsOnA4Landscape() throws {
        let folder = try IndicatorCommandTests.maracPlan()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try Runner.run(["report", "marac.yaml", "-o", "marac.html"], in: folder).status == 0)
        let html = try String(contentsOf: folder.appendingPathComponent("marac.html"), encoding: .utf8)
        #expect(html.components(separatedBy: "<svg class=\"chart\"").count - 1 == 18)
        #expect(try ReportRenderTests.render(folder.appendingPathComponent("marac.html"), into: folder.appendingPathComponent("render")) == 0)
        let pdf = try Data(contentsOf: folder.appendingPathComponent("render/marac.pdf"))
        #expect(pdf.starts(with: Data("%PDF".utf8)))
        #expect(String(decoding: pdf, as: UTF8.self).contains("/MediaBox [0 0 841.91998 594.95996]"))
    }
}
