import ActionPlanModel
import ActionPlanStore
import Foundation
import Testing

/// `actionplan report` through the real binary, on a copy of the bundled Harrow plan with a
/// journal spanning Q1 and Q2 2015/16.
@Suite struct ReportCommandTests {
    static let hostile = "</td><script>alert(1)</script> £2,000 “grant” \u{1B}[2J"

    /// A copy of `plans/` whose Harrow journal has records in Q1 and Q2 2015/16, written with the
    /// journal's own encoding since the binary can only record today.
    static func plansWithTwoQuarters() throws -> URL {
        let folder = try JournalCommandTests.copyOfPlans()
        func record(_ line: Int, _ at: String, _ by: String, _ change: Change) throws -> Record {
            Record(line: line, at: try #require(Timestamp(at)), by: by, change: change)
        }
        let records = [
            try record(1, "2015-05-05T09:00:00Z", "officer", Change(outputID: "2.2", status: .onTrack)),
            try record(2, "2015-05-06T09:00:00Z", "officer", Change(outputID: "2.3", status: .atRisk, note: "Funding gap")),
            try record(3, "2015-05-07T09:00:00Z", "chair", Change(outputID: "4.2", due: "August 2015", reason: "trainer booked")),
            try record(4, "2015-08-10T09:00:00Z", "officer", Change(outputID: "2.2", status: .complete, note: "Launched at the Civic Centre")),
            try record(5, "2015-08-11T09:00:00Z", "officer", Change(outputID: "2.3", status: .offTrack, note: hostile)),
            try record(6, "2015-09-01T09:00:00Z", "chair", Change(outputID: "3.1", due: "March 2016", reason: "agreed at the Strategy Group")),
            try record(7, "2015-09-02T09:00:00Z", "chair", Change(outputID: "3.2", lead: ["Police"])),
        ]
        try JournalFile.encode(Journal(records)).write(to: folder.appendingPathComponent("plans/harrow-vawg-2014-17.journal"))
        // A journal by several accounts is written to only under an access file; whoever runs the tests chairs.
        try "people:\n  - account: \(ProcessInfo.processInfo.userName)\n    role: chair\n  - account: chair\n    role: chair\n"
            .write(to: folder.appendingPathComponent("plans/access.yaml"), atomically: true, encoding: .utf8)
        return folder
    }

    /// The report without its "generated" and journal head lines (in CSV, the head column), the
    /// parts that may differ between runs.
    static func withoutGenerated(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.contains("Generated ") && !$0.contains("\"generated_at\"") && !$0.contains("Journal head: ") && !$0.contains("\"journal_head\"") }
            .joined(separator: "\n")
            // CSV's rows end in "\r\n", one Character: matched scalar by scalar.
            .replacing(/,(journal_head|[0-9]+:[0-9a-f]{64})\r/.matchingSemantics(.unicodeScalar), with: "\r")
    }

    @Test func theMovementAcrossTwoQuartersIsShown() throws {
        let folder = try Self.plansWithTwoQuarters()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try Runner.run(["report", "harrow", "--quarter", "Q2 2015/16"], in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        let md = run.stdout
        #expect(md.hasPrefix("# Harrow VAWG Strategy and Action Plan 2014-17: Q2 2015/16 report\n\nSafer Harrow\n\n"
            + "Q2 2015/16: 1 July 2015 to 30 September 2015; as at 30 September 2015\n\nGenerated "))
        #expect(md.contains("## Movement since Q1 2015/16\n"))
        #expect(md.contains("### RAG changes (4)\n"))
        #expect(md.contains("\n| 2.2 | G | B ↑ | "))
        #expect(md.contains("\n| 2.3 | A | R ↓ | "))
        #expect(md.contains("\n| 4.2 | - | R! + | "))
        // Due in June 2015, so not overdue on 30 June but overdue by 30 September.
        #expect(md.contains("\n| 11.3 | - | R! + | "))
        #expect(md.contains("### Newly complete (1)\n\n| ID | Output | Lead | Latest note | Note by | Note date |\n| --- | --- | --- | --- | --- | --- |\n| 2.2 | "))
        #expect(md.contains("### Newly overdue (2)\n\n| ID | RAG | Output | Lead | Due | Deadline |\n| --- | --- | --- | --- | --- | --- |\n| 4.2 | R! + | "))
        #expect(md.contains("| March 2016 |  | chair, 2015-09-01 09:00 UTC | agreed at the Strategy Group |\n"), "3.1 had no date, so nothing slipped")
        #expect(md.contains("### Leads assigned (1)\n"))
        #expect(md.contains("| Policy Lead; MARAC Chair | Police |\n"))
        // The hostile note is text, escaped, with its escape sequence made visible.
        #expect(md.contains("\\</td\\>\\<script\\>alert(1)\\</script\\> £2,000 “grant” \\\\e\\[2J | officer | 2015-08-11 |"))
        #expect(!md.contains("\u{1B}"))

        let json = try #require(JSONSerialization.jsonObject(with: Data(try Runner.run(["report", "harrow", "--quarter", "q2 2015-16", "--format", "json"], in: folder).stdout.utf8)) as? [String: Any])
        let movement = try #require(json["movement"] as? [String: Any])
        #expect(movement["newly_completed"] as? [String] == ["2.2"] && movement["newly_overdue"] as? [String] == ["4.2", "11.3"])
        #expect((movement["revised_deadlines"] as? [[String: String]])?.first?["revised_due"] == "March 2016")
        #expect((json["outputs"] as? [Any])?.count == 55)
    }

    @Test func aPastQuarterComesOutTheSameAfterARecordWrittenToday() throws {
        let folder = try Self.plansWithTwoQuarters()
        defer { try? FileManager.default.removeItem(at: folder) }
        let formats = ["md", "html", "csv", "json"]
        let before = try formats.map { try Runner.run(["report", "harrow", "--quarter", "Q2 2015/16", "--format", $0], in: folder) }
        #expect(before.allSatisfy { $0.status == 0 })
        let note = try Runner.run(["update", "2.3", "--plan", "harrow", "--status", "complete", "--note", "Done today"], in: folder)
        #expect(note.status == 0, "\(note.stderr)")
        for (format, earlier) in zip(formats, before) {
            let again = try Runner.run(["report", "harrow", "--quarter", "Q2 2015/16", "--format", format], in: folder)
            #expect(Self.withoutGenerated(again.stdout) == Self.withoutGenerated(earlier.stdout), "\(format)")
            #expect(again.stdout != Self.withoutGenerated(again.stdout) || format == "csv", "\(format) has a generated line")
            // The quarter's last day as --as-of picks the same quarter, judged on the same day.
            let asOf = try Runner.run(["report", "harrow", "--as-of", "2015-09-30", "--format", format], in: folder)
            #expect(Self.withoutGenerated(asOf.stdout) == Self.withoutGenerated(earlier.stdout), "\(format)")
        }
        // The report as of the day of the record does see it.
        let now = try Runner.run(["report", "harrow", "--format", "csv", "--as-of", try note.recordedDay()], in: folder)
        #expect(now.stdout.contains(",Done today,"))
    }

    @Test func dashOWritesTheFileWholeAndSaysWhere() throws {
        let folder = try Self.plansWithTwoQuarters()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try Runner.run(["report", "plans/harrow-vawg-2014-17.yaml", "--quarter", "Q2 2015/16", "-o", "q2.html"], in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        let html = try String(contentsOf: folder.appendingPathComponent("q2.html"), encoding: .utf8)
        #expect(run.stdout == "actionplan: wrote the Q2 2015/16 report (html, \(html.utf8.count) bytes) to q2.html\n")
        #expect(html.hasPrefix("<!DOCTYPE html>") && html.hasSuffix("</html>\n"))
        #expect(html.contains("&lt;/td&gt;&lt;script&gt;alert(1)&lt;/script&gt; £2,000 “grant” \\e[2J"))
        #expect(!html.contains("<script"))
        // Nothing but the plans and the report: the temporary file was renamed into place.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["plans", "q2.html"])

        let csv = try Runner.run(["report", "harrow", "--quarter", "Q2 2015/16", "-o", "q2.csv"], in: folder)
        #expect(csv.stdout.hasPrefix("actionplan: wrote the Q2 2015/16 report (csv, "))
        let bytes = try Data(contentsOf: folder.appendingPathComponent("q2.csv"))
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        // Every record ends in CRLF, the last one too, and nothing follows it.
        #expect(Array(bytes.suffix(3)) != [13, 10, 10] && Array(bytes.suffix(2)) == [13, 10])
        // The note, who wrote it and when; then the indicator columns, empty on an output's row; then the head.
        #expect(String(decoding: bytes, as: UTF8.self).contains("\"</td><script>alert(1)</script> £2,000 “grant” \\e[2J\",officer,2015-08-11T09:00:00Z"
            + String(repeating: ",", count: 19) + "7:"))
    }

    @Test func badInputSaysWhatToWrite() throws {
        let folder = try Self.plansWithTwoQuarters()
        defer { try? FileManager.default.removeItem(at: folder) }
        let both = try Runner.run(["report", "harrow", "--quarter", "Q2 2015/16", "--as-of", "2015-09-30"], in: folder)
        #expect(both.status == 2)
        #expect(both.stderr.contains("give --quarter or --as-of, not both"))
        let year = try Runner.run(["report", "harrow", "--quarter", "Q2 2015"], in: folder)
        #expect(year.status == 2)
        #expect(year.stderr.contains("'Q2 2015' is not a quarter of the reporting year; did you mean 'Q2 2015/16'?"))
        let nonsense = try Runner.run(["report", "harrow", "--quarter", "autumn"], in: folder)
        #expect(nonsense.status == 2)
        #expect(nonsense.stderr.contains("'autumn' is not a quarter; write one such as 'Q2 2015/16' (Q1 is April to June"))
        let future = try Runner.run(["report", "harrow", "--quarter", "Q3 2099/00"], in: folder)
        #expect(future.status == 2)
        #expect(future.stderr.contains("Q3 2099/00 has not begun (today is "))
        let nowhere = try Runner.run(["report", "harrow", "-o", "missing/q2.html"], in: folder)
        #expect(nowhere.status == 1)
        #expect(nowhere.stderr == "actionplan: the report was not written: cannot write missing/q2.html: No such file or directory\n")
        let format = try Runner.run(["report", "harrow", "--format", "pdf"], in: folder)
        #expect(format.status == 2)
    }
}

/// `x` in the full-screen interface saves the same report the command writes.
@Suite(.serialized) struct ReportExportTests {
    @Test func theKeySavesTheQuarterOnScreenBesideThePlan() throws {
        let folder = try ReportCommandTests.plansWithTwoQuarters()
        defer { try? FileManager.default.removeItem(at: folder) }
        let tmux = try Tmux(["harrow", "--as-of", "2015-09-30"], in: folder)
        tmux.waitFor("RAG by pillar (live actions)")
        #expect(tmux.screen.contains("x report"))
        try tmux.send("x")
        tmux.waitFor("Save the report for ◀ Q2 2015/16 ▶")
        try tmux.send("Enter")
        let path = "plans/reports/harrow-vawg-2014-17-2015-16-Q2.html"
        tmux.waitFor("Saved the Q2 2015/16 report to \(path)")
        let saved = try String(contentsOf: folder.appendingPathComponent(path), encoding: .utf8)
        let written = try Runner.run(["report", "harrow", "--quarter", "Q2 2015/16", "--format", "html"], in: folder)
        #expect(ReportCommandTests.withoutGenerated(saved) == ReportCommandTests.withoutGenerated(written.stdout))
        // Saving it again asks first; Esc keeps the one there.
        try FileManager.default.removeItem(at: folder.appendingPathComponent(path))
        try Data("kept".utf8).write(to: folder.appendingPathComponent(path))
        try tmux.send("x")
        tmux.waitFor("Save the report for ◀ Q2 2015/16 ▶")
        try tmux.send("Enter")
        tmux.waitFor("replaces it; Esc keeps it.")
        try tmux.send("Escape")
        tmux.waitFor("x report")
        #expect(try String(contentsOf: folder.appendingPathComponent(path), encoding: .utf8) == "kept")
        // An earlier quarter is judged as at its last day, as `report --quarter` judges it.
        try tmux.send("x")
        tmux.waitFor("Save the report for ◀ Q2 2015/16 ▶")
        try tmux.send("Left", "Enter")
        let earlier = "plans/reports/harrow-vawg-2014-17-2015-16-Q1.html"
        tmux.waitFor("Saved the Q1 2015/16 report to \(earlier)")
        let first = try Runner.run(["report", "harrow", "--quarter", "Q1 2015/16", "--format", "html"], in: folder)
        let savedFirst = try String(contentsOf: folder.appendingPathComponent(earlier), encoding: .utf8)
        #expect(ReportCommandTests.withoutGenerated(savedFirst) == ReportCommandTests.withoutGenerated(first.stdout))
        try tmux.send("q")
        #expect(tmux.exitStatus() == 0)
    }
}

/// Whether a program the users open our files with is here; under CI it always must be (.ci/run
/// installs it), so these tests are never skipped there.
func openerIsInstalled(_ paths: [String]) -> Bool {
    ProcessInfo.processInfo.environment["CI"] != nil || paths.contains { FileManager.default.isExecutableFile(atPath: $0) }
}

/// The HTML as a browser prints it, where headless Chromium is installed (.ci/run installs it):
/// scripts/render-report makes an A4 landscape PDF of Harrow's report.
@Suite(.enabled(if: openerIsInstalled(["/usr/bin/chromium-headless-shell", "/usr/bin/chromium"]), "needs chromium-headless-shell or chromium"))
struct ReportRenderTests {
    @Test func chromiumPrintsTheHarrowReportOnA4Landscape() throws {
        let folder = try ReportCommandTests.plansWithTwoQuarters()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try Runner.run(["report", "harrow", "--quarter", "Q2 2015/16", "-o", "q2.html"], in: folder).status == 0)
        #expect(try Self.render(folder.appendingPathComponent("q2.html"), into: folder.appendingPathComponent("render")) == 0)
        let pdf = try Data(contentsOf: folder.appendingPathComponent("render/q2.pdf"))
        #expect(pdf.starts(with: Data("%PDF".utf8)) && pdf.count > 50_000)
        // A4 landscape in points: wider than it is tall.
        #expect(String(decoding: pdf, as: UTF8.self).contains("/MediaBox [0 0 841.91998 594.95996]"))
        let png = try Data(contentsOf: folder.appendingPathComponent("render/q2-screen.png"))
        #expect(png.starts(with: Data([0x89, 0x50, 0x4E, 0x47])))
    }

    /// Runs scripts/render-report on `html`, writing into `folder`; its exit status.
    static func render(_ html: URL, into folder: URL) throws -> Int32 {
        let script = Process()
        script.executableURL = Runner.root.appendingPathComponent("scripts/render-report")
        script.arguments = [html.path, folder.path]
        script.standardOutput = FileHandle.nullDevice
        try script.run()
        script.waitUntilExit()
        return script.terminationStatus
    }
}

/// The CSV as a spreadsheet opens it: LibreOffice converts the report's CSV to a workbook, in
/// which a note an officer wrote as a formula is text, and £ and curly quotes survive.
@Suite(.enabled(if: openerIsInstalled(["/usr/bin/soffice"]), "needs LibreOffice (apt-get install libreoffice-calc-nogui)"))
struct ReportSpreadsheetTests {
    @Test func libreOfficeOpensTheCSVWithFormulasAsTextAndPoundSignsIntact() throws {
        let folder = try JournalCommandTests.copyOfPlans()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try Runner.run(["note", "1.1", "=1+1", "--plan", "harrow"], in: folder).status == 0)
        #expect(try Runner.run(["note", "2.1", "@SUM(2+2) – £1,200 “agreed”", "--plan", "harrow"], in: folder).status == 0)
        #expect(try Runner.run(["report", "harrow", "-o", "r.csv"], in: folder).status == 0)
        // Back out to CSV as Calc computed it: a formula would come out as its value (2).
        let filter = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false"
        // Read as UTF-8, as Calc's import dialog offers for a file that starts with a byte order mark.
        let converted = try Runner.run(["--headless", "-env:UserInstallation=file://\(folder.path)/lo", "--infilter=CSV:44,34,76,1",
                                        "--convert-to", filter, "--outdir", "out", "r.csv"],
                                       in: folder, program: URL(fileURLWithPath: "/usr/bin/soffice"), timeout: 180)
        #expect(converted.status == 0, "\(converted.stderr)")
        let text = try String(contentsOf: folder.appendingPathComponent("out/r.csv"), encoding: .utf8)
        // Computed, the first would have come out as 2 and the second as an error.
        #expect(text.contains(",'=1+1,"), "the note is text, shown with its quote")
        #expect(text.contains("'@SUM(2+2) – £1,200 “agreed”"))
    }
}
