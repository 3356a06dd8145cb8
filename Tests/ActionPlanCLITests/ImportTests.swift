import ActionPlanModel
import ActionPlanStore
import Foundation
import Testing

/// `actionplan import` on workbooks LibreOffice made in the test, as a partnership's would be:
/// a header below a title, merged cells, blank rows, a second sheet, dates as dates.
@Suite(.enabled(if: openerIsInstalled(["/usr/bin/soffice"]), "needs LibreOffice (apt-get install libreoffice-calc-nogui); scripts/test-libreoffice runs these"))
struct ImportTests {
    /// Converts `file` in `folder` with LibreOffice to `format` (`xlsx`, or a filter such as
    /// `csv:…`), with a profile of its own in the folder; the converted file's URL.
    static func convert(_ file: String, to format: String, in folder: URL, infilter: String? = nil) throws -> URL {
        let run = try Runner.run(["--headless", "-env:UserInstallation=file://\(folder.path)/lo"] + (infilter.map { ["--infilter=\($0)"] } ?? [])
                                 + ["--convert-to", format, "--outdir", "out", file],
                                 in: folder, program: URL(fileURLWithPath: "/usr/bin/soffice"), timeout: 180)
        #expect(run.status == 0, "\(run.stderr)")
        let stem = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
        let ext = String(format.prefix { $0 != ":" })
        return folder.appendingPathComponent("out/\(stem).\(ext)")
    }

    /// A workbook as trackers are laid out: a notes sheet first; then a title, a blank row and
    /// the headers on row 3; the pillar merged down its rows; a blank row between pillars; a
    /// date cell; a misspelt lead, a wordy date and an unknown RAG; a row with no action.
    static let tracker = """
        <?xml version="1.0" encoding="UTF-8"?>
        <office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" \
        xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" \
        office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
        <office:body><office:spreadsheet>
        <table:table table:name="Notes">
        <table:table-row>\(cells(["Read me: one row per action"]))</table:table-row>
        </table:table>
        <table:table table:name="Actions">
        <table:table-row>\(cells(["Harrow VAWG tracker, Q4 2015/16 – £ & <fine>"]))</table:table-row>
        <table:table-row><table:table-cell/></table:table-row>
        <table:table-row>\(cells(["Pillar", "Objective", "Ref", "Action", "Lead agency", "Deadline", "RAG", "Progress update"]))</table:table-row>
        <table:table-row><table:table-cell table:number-rows-spanned="3" office:value-type="string"><text:p>Prevention</text:p></table:table-cell>\
        \(cells(["Raise awareness", "1.1", "Run campaigns", "Harrow Council", "March 2016", "G", "Two campaigns run"]))</table:table-row>
        <table:table-row><table:covered-table-cell/>\(cells(["Raise awareness", "1.2", "Train staff", "Police"]))\
        <table:table-cell office:value-type="date" office:date-value="2016-03-31"><text:p>31/03/16</text:p></table:table-cell>\
        \(cells(["A", "Trainer off sick"]))</table:table-row>
        <table:table-row><table:covered-table-cell/>\(cells(["", "1.3", "Print leaflets", "Polce", "Soonish", "Purple"]))</table:table-row>
        <table:table-row><table:table-cell/></table:table-row>
        <table:table-row>\(cells(["Provision", "Support victims", "2.1", "Fund the refuge", "Harrow Council, Police", "Q4 2015/16", "R", "Contract delayed"]))</table:table-row>
        <table:table-row>\(cells(["", "", "", "", "Police"]))</table:table-row>
        </table:table>
        </office:spreadsheet></office:body></office:document>
        """

    /// Text cells, escaped for XML; an empty string is an empty cell.
    static func cells(_ texts: [String]) -> String {
        texts.map { text in
            guard !text.isEmpty else { return "<table:table-cell/>" }
            let escaped = text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
            return "<table:table-cell office:value-type=\"string\"><text:p>\(escaped)</text:p></table:table-cell>"
        }.joined()
    }

    @Test func aLibreOfficeWorkbookWithMergedCellsBlankRowsAndTwoSheetsBecomesAPlanThatChecks() throws {
        let folder = try Runner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Self.tracker.write(to: folder.appendingPathComponent("tracker.fods"), atomically: true, encoding: .utf8)
        let workbook = try Self.convert("tracker.fods", to: "xlsx", in: folder)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("plans"), withIntermediateDirectories: true)

        let run = try Runner.run(["import", workbook.path, "--dated", "Q4 2015/16", "-o", "plans/new.yaml", "--title", "Harrow tracker"], in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        // It says which sheet it read, where the headers are, and what it took each column for.
        #expect(run.stdout.contains("read \(workbook.path), sheet Actions (of sheets Notes, Actions; --sheet for another): headers on row 3; columns:"))
        #expect(run.stdout.contains("  E \"Lead agency\" → lead (guessed)"))
        #expect(run.stdout.contains("  F \"Deadline\" → due (guessed)"))
        #expect(run.stdout.contains("  H \"Progress update\" → update (guessed)"))
        #expect(run.stdout.contains("lead 'Polce' (row 6) is taken for 'Police' (row 5), as its alias"))
        #expect(run.stdout.contains("sheet Actions, row 9: no action (column D is empty); not imported"))
        #expect(run.stdout.contains("recorded 3 ratings and updates from the tracker as lines 1 to 3 of plans/new.journal"))
        #expect(run.stdout.contains("for 2016-03-31"))

        let loaded = PlanLoader.load(path: folder.appendingPathComponent("plans/new.yaml").path)
        let plan = try #require(loaded.plan)
        #expect(plan.pillars.map(\.name) == ["Prevention", "Provision"])
        #expect(plan.pillars.flatMap(\.objectives).map(\.id) == ["1", "2"])
        let outputs = plan.entries.map(\.output)
        #expect(outputs.map(\.id) == ["1.1", "1.2", "1.3", "2.1"])
        #expect(outputs.map(\.leads) == [["Harrow Council"], ["Police"], ["Polce"], ["Harrow Council", "Police"]])
        // A date cell is its day; a wordy date the plan cannot read is left out, with a comment.
        #expect(outputs.map(\.due.written) == ["March 2016", "2016-03-31", "", "Q4 2015/16"])
        #expect(plan.register.agency(named: "Polce")?.name == "Police")
        let text = try String(contentsOf: folder.appendingPathComponent("plans/new.yaml"), encoding: .utf8)
        #expect(text.contains("# \(workbook.path), sheet Actions, row 6, column F: due left out:"))
        #expect(text.contains("# \(workbook.path), sheet Actions, row 6, column G: RAG 'Purple' is not R, A, G, complete or a status"))

        let check = try Runner.run(["check", "plans/new.yaml"], in: folder)
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        let history = try Runner.run(["history", "1.2", "--plan", "plans/new.yaml"], in: folder)
        #expect(history.stdout.contains("for 31 March 2016"))
        #expect(history.stdout.contains("status at-risk; note: Trainer off sick"))
        // As of the tracker's day the ratings stand; the day before, nothing was rated.
        let asAt = try Runner.run(["list", "plans/new.yaml", "--as-of", "2016-03-31", "--format", "csv"], in: folder)
        #expect(asAt.stdout.contains("off-track"))
        let before = try Runner.run(["list", "plans/new.yaml", "--as-of", "2016-03-30", "--format", "csv"], in: folder)
        #expect(!before.stdout.contains("off-track"))

        // Never over an existing file.
        let again = try Runner.run(["import", workbook.path, "--dated", "Q4 2015/16", "-o", "plans/new.yaml"], in: folder)
        #expect(again.status == 1)
        #expect(again.stderr.contains("something is already there, and it is never replaced"))
        // A sheet that is not there is named with a suggestion; one with no headers says so, with its row.
        let misspelt = try Runner.run(["import", workbook.path, "--sheet", "Actons", "-o", "plans/b.yaml"], in: folder)
        #expect(misspelt.status == 1)
        #expect(misspelt.stderr.contains("--sheet Actons: \(workbook.path) has no such sheet (it has 'Notes', 'Actions'); did you mean 'Actions'?"))
        let notes = try Runner.run(["import", workbook.path, "--sheet", "Notes", "-o", "plans/c.yaml"], in: folder)
        #expect(notes.status == 1)
        #expect(notes.stderr.contains("\(workbook.path), sheet Notes, row 1: no header row with an Action column in the first 20 rows"))
    }

    @Test func aTrackerOfHarrowsFirstTwoPillarsGivesTheBundledPlansOutputsLeadsAndDeadlines() throws {
        let folder = try Runner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let bundled = try #require(PlanLoader.load(path: Runner.root.appendingPathComponent("plans/harrow-vawg-2014-17.yaml").path).plan)
        let pillars = Array(bundled.pillars.prefix(2))
        // The tracker a coordinator keeps: one row per action, leads joined with commas.
        var rows = [["Pillar", "Objective", "Ref", "Action", "Lead", "Due"]]
        for pillar in pillars {
            for objective in pillar.objectives {
                for output in objective.outputs {
                    rows.append([pillar.name, objective.text, output.id, output.text, output.leads.joined(separator: ", "), output.due.written])
                }
            }
        }
        let csv = rows.map { $0.map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }.joined(separator: ",") }.joined(separator: "\n")
        try csv.write(to: folder.appendingPathComponent("harrow.csv"), atomically: true, encoding: .utf8)
        // Every column text, as a coordinator's sheet holds "2017" and "1.10".
        let workbook = try Self.convert("harrow.csv", to: "xlsx", in: folder, infilter: "CSV:44,34,76,1,1/2/2/2/3/2/4/2/5/2/6/2")

        let run = try Runner.run(["import", workbook.path, "-o", "harrow.yaml", "--dated", "2016-03-31"], in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        let imported = try #require(PlanLoader.load(path: folder.appendingPathComponent("harrow.yaml").path).plan)
        func described(_ plan: Plan) -> [String] {
            plan.entries.map { "\($0.output.id) | \($0.output.text) | \($0.output.leads.joined(separator: ", ")) | \($0.output.due.written)" }
        }
        let expected = described(Plan(title: bundled.title, pillars: pillars))
        #expect(expected.count > 20)
        #expect(described(imported) == expected)
        #expect(imported.pillars.map(\.name) == pillars.map(\.name))
        #expect(imported.pillars.flatMap(\.objectives).map(\.id) == pillars.flatMap(\.objectives).map(\.id))
        #expect(try Runner.run(["check", "harrow.yaml"], in: folder).status == 0)
    }
}

/// `report --format xlsx` opened by LibreOffice and converted back to CSV: every sheet's text
/// survives, with the RAG letters in their cells and markup in notes left as text.
@Suite(.enabled(if: openerIsInstalled(["/usr/bin/soffice"]), "needs LibreOffice (apt-get install libreoffice-calc-nogui); scripts/test-libreoffice runs these"))
struct ReportWorkbookTests {
    @Test func libreOfficeOpensTheWorkbookWithASummaryAndASheetPerPillar() throws {
        let folder = try JournalCommandTests.copyOfPlans()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try Runner.run(["update", "1.1", "--plan", "harrow", "--status", "off-track", "--note", "=1+1 <b>£1,200</b> & “agreed”"], in: folder).status == 0)
        // The quarter holding today, so that the note just written is in it.
        let written = try Runner.run(["report", "harrow", "-o", "q2.xlsx"], in: folder)
        #expect(written.status == 0, "\(written.stderr)")
        #expect(written.stdout.contains("(xlsx, "))
        // Each sheet back out as CSV: the filter's last field picks the sheet (-1: every sheet, one file each).
        let out = try ImportTests.convert("q2.xlsx", to: "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1", in: folder)
        let sheets = try FileManager.default.contentsOfDirectory(atPath: out.deletingLastPathComponent().path).sorted()
        #expect(sheets == ["q2-Partnership.csv", "q2-Perpetrators.csv", "q2-Prevention.csv", "q2-Provision.csv", "q2-Summary.csv"])
        let summary = try String(contentsOf: out.deletingLastPathComponent().appendingPathComponent("q2-Summary.csv"), encoding: .utf8)
        #expect(summary.hasPrefix("Harrow VAWG Strategy and Action Plan 2014-17: Q"))
        #expect(summary.contains("Summary by pillar"))
        let prevention = try String(contentsOf: out.deletingLastPathComponent().appendingPathComponent("q2-Prevention.csv"), encoding: .utf8)
        #expect(prevention.contains("Objective 1:"))
        // The note as text: not computed, not markup; the rating's letter in its cell.
        #expect(prevention.contains(",\"=1+1 <b>£1,200</b> & “agreed”\","))
        #expect(prevention.contains("\n1.1,R"))
        // As Calc shows it: the red cell filled red, its letter in white, as the HTML report has it.
        let html = try String(contentsOf: ImportTests.convert("q2.xlsx", to: "html", in: folder), encoding: .utf8)
        #expect(html.contains(##"bgcolor="#B21F24"><b><font face="Calibri" color="#FFFFFF">R"##))
    }
}
