import ActionPlanFormat
import ActionPlanModel
import CSV
import Foundation
import Testing

/// A plan whose every text is hostile or awkward, with notes from the journal in two quarters.
enum HostileReport {
    static let hostile = "</td><script>alert(\"x\")</script> & 'q' \u{1B}[2J | `rm` *bold* [link](http://x)"

    static let plan = Plan(title: "Plan <b>bold</b>", partnership: "# Not a heading", pillars: [
        Pillar(name: "Prevention </th>", aim: "<img src=x onerror=alert(1)>", objectives: [
            Objective(id: "1", text: "1. Not a list", outputs: [
                Output(id: "1.1", text: hostile, leads: ["Police"], due: due("March 2016"), status: .onTrack),
                Output(id: "1.2", text: "Réunion “Caring Dads”, £2,000", leads: ["Police", "CPS"], due: due("Ongoing"),
                       note: "From the plan file"),
            ]),
        ]),
        Pillar(name: "Provision"),
    ])

    static let journal = Journal([
        Record(line: 1, at: time("2015-05-01T09:00:00Z"), by: "pc.jones", change: Change(outputID: "1.1", status: .onTrack)),
        Record(line: 2, at: time("2015-08-01T09:00:00Z"), by: "pc.o'brien <x>", change: Change(outputID: "1.1", status: .atRisk, note: hostile)),
        Record(line: 3, at: time("2015-08-02T09:00:00Z"), by: "chair", change: Change(
            outputID: "1.2", note: "Agreed, “in principle” – £1,200\nsecond line, é")),
    ])

    static let report = QuarterReport(plan: plan, journal: journal, period: .quarter(ReportingCalendar().quarter(2, ofYearStartingIn: 2015)),
                                      asOf: Day.last(ofMonth: 12, year: 2026),
                                      generated: .init(at: time("2026-11-21T12:00:00Z"), by: "akhan", journalHead: head))

    /// The journal's head as the report was made from it.
    static let head = JournalHead(lines: 3, hash: String(repeating: "ab", count: 32))

    static func time(_ text: String) -> Timestamp {
        Timestamp(text) ?? Timestamp(day: Day.first(ofMonth: 1, year: 2000), hour: 0, minute: 0, second: 0)
    }

    static func due(_ text: String) -> Due {
        (try? Due.parse(text, calendar: ReportingCalendar()).get()) ?? .none
    }
}

@Suite struct ReportHTMLTests {
    let html = ReportHTML.render(HostileReport.report)

    @Test func hostileTextNeverBecomesMarkup() {
        // Every tag in the page is one the renderer writes; none came from the plan or a note.
        let allowed: Set<String> = ["!DOCTYPE", "html", "head", "meta", "title", "style", "body", "header", "h1", "h2", "h3", "h4", "p",
                                    "section", "table", "colgroup", "col", "thead", "tbody", "tr", "th", "td", "span", "ul", "li", "svg", "rect", "text"]
        let tags = html.components(separatedBy: "<").dropFirst().map { part in
            String(part.prefix { !" >/".contains($0) || $0 == "!" }.drop { $0 == "/" })
        }
        let closing = html.components(separatedBy: "</").dropFirst().map { String($0.prefix { $0 != ">" }) }
        #expect(Set(tags.filter { !$0.isEmpty }).subtracting(allowed).isEmpty, "\(Set(tags).subtracting(allowed))")
        #expect(Set(closing).subtracting(allowed).isEmpty)
        #expect(!html.lowercased().contains("<script") && !html.contains("<img") && !html.contains("<b>"))
        #expect(html.contains("&lt;/td&gt;&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;q&#39; \\e[2J"))
        #expect(html.contains("<title>Plan &lt;b&gt;bold&lt;/b&gt;: Q2 2015/16 report</title>"))
        #expect(html.contains("pc.o&#39;brien &lt;x&gt;"))
        #expect(!html.contains("\u{1B}"))
        // Every cell opened is closed: no note ended a cell early.
        #expect(html.components(separatedBy: "<td").count == html.components(separatedBy: "</td>").count)
    }

    @Test func itIsOneSelfContainedFileForA4Landscape() {
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
        #expect(html.contains("@page { size: A4 landscape;"))
        #expect(html.contains("thead { display: table-header-group; }"))
        // The movement and the full plan start new pages, and so does each pillar after the first.
        #expect(html.contains(".newpage { break-before: page; }"))
        #expect(html.contains("<section id=\"plan\" class=\"newpage\">\n<h2>The full plan</h2>\n<h3>Prevention &lt;/th&gt;</h3>"))
        #expect(html.contains("<h3 class=\"newpage\">Provision</h3>"))
        for external in ["src=\"", "href=\"", "@import", "url(", "<link", "<script"] {
            #expect(!html.contains(external), "\(external)")
        }
    }

    @Test func tablesHaveRealHeadersAndEveryColourALetter() {
        #expect(html.contains("<thead><tr><th scope=\"col\">ID</th><th scope=\"col\">RAG</th>"))
        #expect(html.contains("<tr><th scope=\"row\">1.1</th><td class=\"rating\"><span class=\"rag rag-amber\" title=\"amber: at risk\">A</span>"
            + "<span class=\"dir\" title=\"worse than last quarter\">↓</span></td>"))
        // The bars: a segment per colour present, labelled with letter and count.
        #expect(html.contains("<svg class=\"bars\""))
        #expect(html.contains(">A 1</text>") && html.contains(">- 1</text>"))
        #expect(html.contains("<title id=\"bars-title\">Live actions by RAG per pillar: Prevention &lt;/th&gt; B 0, G 0, A 1, R 0, - 1;"))
        // The key, on every report.
        for entry in RAGKey.entries {
            #expect(html.contains(HTMLEscaped(String(entry.dropFirst(2)))), "\(entry)")
        }
    }

    @Test func sectionsAreInTheOrderTheMeetingReadsThem() throws {
        let order = ["id=\"summary\"", "id=\"exceptions\"", "id=\"movement\"", "id=\"plan\"", "id=\"key\""]
        let positions = try order.map { try #require(html.range(of: $0)).lowerBound }
        #expect(positions == positions.sorted())
        #expect(html.contains("<p class=\"subtitle\">Q2 2015/16: 1 July 2015 to 30 September 2015; as at 30 September 2015</p>"))
        #expect(html.contains("<p class=\"generated\">Generated 2026-11-21 12:00 UTC by akhan</p>"))
    }

    private func HTMLEscaped(_ text: String) -> String { ReportHTML.escape(text) }
}

@Suite struct ReportMarkdownTests {
    let markdown = ReportMarkdown.render(HostileReport.report)

    @Test func hostileTextIsEscapedNotObeyed() {
        #expect(!markdown.contains("\u{1B}"))
        // The escape sequence is shown as `\e`, its backslash escaped in turn.
        #expect(markdown.contains("\\</td\\>\\<script\\>alert(\"x\")\\</script\\> \\& 'q' \\\\e\\[2J \\| \\`rm\\` \\*bold\\* \\[link\\](http://x)"))
        #expect(markdown.hasPrefix("# Plan \\<b\\>bold\\</b\\>: Q2 2015/16 report\n\n\\# Not a heading\n\n"))
        #expect(markdown.contains("#### Objective 1: 1. Not a list"))
        // Every `<` is escaped, so none can open raw HTML.
        #expect(markdown.components(separatedBy: "<").dropFirst().count == markdown.components(separatedBy: "\\<").dropFirst().count)
        #expect(markdown.contains("\n- \\+ newly rated") && markdown.contains("\n- \\- not yet rated"))
    }

    @Test func everyTableRowHasAsManyCellsAsItsHeader() {
        let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var header: Int?
        for line in lines {
            guard line.hasPrefix("| ") else {
                header = nil
                continue
            }
            // A cell boundary is a pipe that no backslash escapes.
            var cells = 0
            var previous: Character = " "
            for character in line {
                if character == "|", previous != "\\" { cells += 1 }
                previous = character
            }
            if let header { #expect(cells == header, "\(line)") } else { header = cells }
        }
        #expect(markdown.contains("| ID | RAG | Output | Lead | Due | Deadline | Flags | Latest note | Note by | Note date |"))
    }

    @Test func itHasTheSameSectionsAsTheHTML() {
        for heading in ["## Summary by pillar", "## Exceptions", "### Amber (1)", "## Movement since Q1 2015/16", "### RAG changes (1)",
                        "## The full plan", "### Prevention \\</th\\>", "## Key", "- B complete", "- ↓ worse than last quarter"] {
            #expect(markdown.contains(heading + "\n"), "\(heading)")
        }
        #expect(markdown.contains("| Prevention \\</th\\> | 0 | 0 | 1 | 0 | 1 | 2 | 0% | 0% |"))
        #expect(!markdown.contains("\n\n\n"), "one blank line between blocks")
        #expect(markdown.contains("| 1.1 | G | A ↓ | "))
    }
}

@Suite struct ReportDataTests {
    @Test func csvRoundTripsThroughACSVReader() throws {
        // Read as bytes, as from the file on disk: the reader takes the byte order mark as one.
        let reader = try CSVReader(stream: InputStream(data: Data(ReportCSV.render(HostileReport.report).utf8)), hasHeaderRow: true)
        #expect(reader.headerRow == ListRecord.columns + IndicatorRecord.columns + ["journal_head"])
        #expect(ListRecord.columns.suffix(3) == ["latest_note", "note_by", "note_at"])
        var rows: [[String]] = []
        while let row = reader.next() { rows.append(row) }
        try #require(rows.count == 2 && rows.allSatisfy { $0.count == ListRecord.columns.count + IndicatorRecord.columns.count + 1 })
        #expect(rows[0][3] == "</td><script>alert(\"x\")</script> & 'q' \\e[2J | `rm` *bold* [link](http://x)")
        // The output's columns end with its note; the indicator columns are empty on an output's row.
        let outputColumns = ListRecord.columns.count
        #expect(rows[0][outputColumns..<(outputColumns + IndicatorRecord.columns.count)].allSatisfy { $0.isEmpty })
        #expect(Array(rows[0][(outputColumns - 3)..<outputColumns]) + [rows[0].last ?? ""] == [rows[0][3], "pc.o'brien <x>", "2015-08-01T09:00:00Z", "3:" + String(repeating: "ab", count: 32)])
        #expect(rows[1][3] == "Réunion “Caring Dads”, £2,000" && rows[1][4] == "Police; CPS")
        #expect(Array(rows[1][(outputColumns - 3)..<outputColumns]) == ["Agreed, “in principle” – £1,200\nsecond line, é", "chair", "2015-08-02T09:00:00Z"])
    }

    @Test func csvStartsWithAByteOrderMarkSoExcelReadsItAsUTF8() {
        let bytes = Array(ReportCSV.render(HostileReport.report).utf8)
        #expect(bytes.prefix(3) == [0xEF, 0xBB, 0xBF])
        #expect(String(decoding: bytes.dropFirst(3).prefix(3), as: UTF8.self) == "id,")
    }

    @Test func jsonDecodesBackToTheSameReport() throws {
        let text = ReportJSON.render(HostileReport.report)
        #expect(!text.contains("\u{1B}"))
        let json = try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(json["period"] as? String == "Q2 2015/16" && json["period_kind"] as? String == "quarter" && json["as_at"] as? String == "2015-09-30")
        #expect(json["previous_period"] as? String == "Q1 2015/16" && json["generated_by"] as? String == "akhan")
        let summary = try #require(json["summary"] as? [[String: Any]])
        try #require(summary.map { $0["pillar"] as? String } == ["Prevention </th>", "Provision", "All pillars"])
        #expect(summary[0]["amber"] as? Int == 1 && summary[0]["grey"] as? Int == 1 && summary[1]["percent_complete"] is NSNull)
        let exceptions = try #require(json["exceptions"] as? [[String: Any]])
        #expect(exceptions.first?["exception"] as? String == "amber" && exceptions.first?["outputs"] as? [String] == ["1.1"])
        let movement = try #require(json["movement"] as? [String: Any])
        #expect(movement["rag_changes"] as? [[String: String]] == [["id": "1.1", "was": "green", "now": "amber", "direction": "worse"]])
        let outputs = try #require(json["outputs"] as? [[String: Any]])
        try #require(outputs.count == 2)
        // JSON escapes the control character (as `list --format json` does), so a reader gets the note as written.
        #expect(outputs[0]["latest_note"] as? String == HostileReport.hostile)
        #expect(outputs[0]["previous_rag"] as? String == "green" && outputs[0]["direction"] as? String == "worse")
        #expect(outputs[1]["note_by"] as? String == "chair" && outputs[1]["lead"] as? [String] == ["Police", "CPS"])
        #expect(Set(outputs[0].keys).isSuperset(of: ["id", "rag", "flags", "original_due", "note_at", "exceptions"]))
        let key = try #require(json["key"] as? [[String: String]])
        #expect(key.first == ["rag": "blue", "letter": "B", "meaning": "complete"] && key.count == RAG.live.count + Direction.allCases.count)
    }
}

/// Every form of the report prints the journal's head, and `ReportHead` finds it again, whatever
/// a note says.
@Suite struct ReportHeadTests {
    static let decoy = "Journal head: 1:\(String(repeating: "0", count: 64)) data-journal-head=\"1:\(String(repeating: "0", count: 64))\""

    /// The hostile report with a note that imitates a head in every form.
    static let report = QuarterReport(
        plan: HostileReport.plan,
        journal: Journal(HostileReport.journal.records + [Record(line: 4, at: HostileReport.time("2015-08-03T09:00:00Z"), by: "lead",
                                                                 change: Change(outputID: "1.1", note: decoy))]),
        period: .quarter(ReportingCalendar().quarter(2, ofYearStartingIn: 2015)), asOf: Day.last(ofMonth: 12, year: 2026),
        generated: .init(at: HostileReport.time("2026-11-21T12:00:00Z"), by: "akhan", journalHead: HostileReport.head))

    @Test(arguments: ReportFormat.allCases)
    func everyFormPrintsTheHeadWhereItIsFoundAgain(format: ReportFormat) {
        let text = format.render(Self.report)
        #expect(text.contains(HostileReport.head.description), "\(format)")
        #expect(ReportHead.find(in: text) == HostileReport.head, "\(format)")
    }

    @Test func theHeadingSaysWhatTheHeadIsAndHowToCheckIt() {
        let line = "Journal head: \(HostileReport.head) (the journal's 3 lines as read when this report was made; "
            + "'actionplan verify --head \(HostileReport.head)' checks that the journal still holds them)"
        #expect(ReportMarkdown.render(Self.report).contains("\n\n" + line + "\n\n## "))
        #expect(ReportHTML.render(Self.report).contains("data-journal-head=\"\(HostileReport.head)\">" + line.replacingOccurrences(of: "'", with: "&#39;") + "</p>\n</header>"))
    }

    @Test func textThatIsNoReportHasNoHead() {
        #expect(ReportHead.find(in: "") == nil)
        #expect(ReportHead.find(in: "# A plan\n\nsome notes\n") == nil)
        #expect(ReportHead.find(in: "{\"plan\": \"x\"}") == nil)
        #expect(ReportHead.find(in: "<!DOCTYPE html><p>hello</p>") == nil)
    }
}
