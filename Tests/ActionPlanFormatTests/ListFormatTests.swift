import ActionPlanFormat
import ActionPlanModel
import CSV
import Foundation
import Testing

/// A small plan with awkward text: a joint lead, a pound sign, curly quotes, a comma, a quote,
/// a line break and an escape sequence.
let awkwardPlan = Plan(title: "Test \u{1B}[31mplan", register: AgencyRegister([Agency(name: "Police")]), pillars: [
    Pillar(name: "Prevention", objectives: [Objective(id: "1", text: "Prevent", outputs: [
        Output(id: "1.1", text: "Fund “Caring Dads”, £2,000", leads: ["Police", "CPS"],
               due: Due(written: "April 2015", meaning: .by(Period(first: Day.first(ofMonth: 4, year: 2015), last: Day.last(ofMonth: 4, year: 2015)))),
               status: .onTrack),
        Output(id: "1.2", text: "Say \"no\"\nthen \u{1B}[2Jstop"),
    ])]),
    Pillar(name: "Provision"),
])

let june = Day.last(ofMonth: 6, year: 2015)

@Suite struct ListFormatTests {
    var rows: [Row] { awkwardPlan.rows(matching: Query(), asOf: june) }

    @Test func csvRoundTripsThroughACSVReader() throws {
        let text = DataText.csv(header: ListRecord.columns, rows: rows.map { ListRecord($0).fields })
        #expect(text.hasSuffix("\r\n"))
        #expect(text.hasPrefix("\u{FEFF}id,"), "the byte order mark Excel needs to read UTF-8")
        // Read as bytes, as from the file on disk: the reader takes the byte order mark as one.
        let reader = try CSVReader(stream: InputStream(data: Data(text.utf8)), hasHeaderRow: true)
        #expect(reader.headerRow == ListRecord.columns)
        var read: [[String]] = []
        while let row = reader.next() { read.append(row) }
        #expect(read.count == 2)
        #expect(read[0] == ["1.1", "Prevention", "1", "Fund “Caring Dads”, £2,000", "Police; CPS", "April 2015",
                            "2015-04-30", "on-track", "red", "overdue; unknown-lead; stale", "", "", "", "", "", "", "", "", "", ""])
        #expect(read[1][3] == "Say \"no\"\nthen \\e[2Jstop")
        #expect(read[1][6] == "" && read[1][7] == "" && read[1][8] == "grey" && read[1][9] == "unowned; undated; stale")
    }

    @Test func jsonHasTheDocumentedKeysAndNulls() throws {
        let text = DataText.json(rows.map(ListRecord.init))
        #expect(!text.contains("\u{1B}"))
        let decoded = try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]])
        #expect(decoded.count == 2)
        #expect(Set(decoded[0].keys) == ["id", "pillar", "objective", "output", "lead", "due", "deadline", "status", "rag", "flags",
                                         "original_due", "original_deadline", "revised_by", "revision_reason", "retired_on", "retired_reason", "group",
                                         "latest_note", "note_by", "note_at"])
        #expect(decoded[0]["original_due"] is NSNull)
        #expect(decoded[0]["lead"] as? [String] == ["Police", "CPS"])
        #expect(decoded[0]["deadline"] as? String == "2015-04-30")
        #expect(decoded[1]["deadline"] is NSNull)
        #expect(decoded[1]["status"] is NSNull)
        #expect(decoded[1]["flags"] as? [String] == ["unowned", "undated", "stale"])
    }

    @Test func theTableFitsTheWidthAndCarriesTheKey() {
        let lines = ListText.table(rows, plan: awkwardPlan, asOf: june, width: 80).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.allSatisfy { TerminalText.width($0) <= 80 })
        #expect(lines[0] == "Test \\e[31mplan — as of 2015-06-30 (Q1 2015/16)")
        // At 80 columns every column stays; long cells wrap within theirs.
        #expect(Array(lines[2...8]) == [
            "ID  RAG Output                Lead       Due       Deadline   Status   Flags",
            "[Prevention]",
            "1.1 R!  Fund “Caring Dads”,   Police;    April     2015-04-30 on-track overdue",
            "        £2,000                CPS        2015                          unknown-",
            "                                                                       lead",
            "                                                                       stale",
            "1.2 -   Say \"no\" then                                                  unowned",
        ])
        let wide = ListText.table(rows, plan: awkwardPlan, asOf: june, width: 140).split(separator: "\n")
        #expect(wide[1].split(separator: " ") == ["ID", "RAG", "Output", "Lead", "Due", "Deadline", "Status", "Flags"])
        #expect(lines.suffix(4) == ["2 outputs", "Key: B complete · G on track · A at risk",
                                    "     R off track or overdue (R! red because the deadline passed)", "     - not yet rated"])
        #expect(!lines.joined().contains("\u{1B}"))
    }

    /// Each form shows as the plan wrote it, with the deadline it works to that day: a recurring
    /// output the end of the period it missed (or of the current one), a met milestone none.
    @Test func everyDateFormShowsAsWrittenWithTheDeadlineOfTheDay() throws {
        let calendar = ReportingCalendar()
        let forms = ["Jan 2015 - March 2016", "2017/2018", "April 2015 and then ongoing", "Each quarter", "April 2015 and then ongoing"]
        let outputs = try forms.enumerated().map { index, written in
            Output(id: "1.\(index + 1)", text: "x", leads: ["Police"], due: try Due.parse(written, calendar: calendar).get(),
                   status: index == 4 ? .onTrack : nil)
        }
        let plan = Plan(title: "Forms", pillars: [Pillar(name: "Prevention", objectives: [Objective(id: "1", text: "x", outputs: outputs)])])
        let cells = plan.rows(matching: Query(), asOf: june).map { row in [ListColumn.due, .deadline, .flags].map { $0.cell(row) } }
        #expect(cells == [
            ["Jan 2015 - March 2016", "2016-03-31", "stale"],
            ["2017/2018", "2018-03-31", "stale"],
            ["April 2015 and then ongoing", "2015-04-30", "overdue stale"],
            // No `starts`: the quarter before June's passed unrecorded, so it is overdue by its end.
            ["Each quarter", "2015-03-31", "overdue stale"],
            ["April 2015 and then ongoing", "", "stale"],
        ])
        #expect(plan.rows(matching: Query(), asOf: june).map { ListRecord($0).deadline } == ["2016-03-31", "2018-03-31", "2015-04-30", "2015-03-31", nil])
    }

    @Test func aNarrowTableWrapsTheOutputTextInsteadOfCuttingIt() {
        let lines = ListText.table(rows, plan: awkwardPlan, asOf: june, width: 40).split(separator: "\n")
        #expect(lines.allSatisfy { TerminalText.width($0) <= 40 })
        #expect(!lines.contains { $0.contains("…") })
        #expect(lines.contains { $0.contains("£2,000") })
    }

    @Test func theSummaryCountsEachPillarAndTheWhole() {
        let text = SummaryText.table(awkwardPlan.summary(asOf: june), plan: awkwardPlan, asOf: june, width: nil)
        let lines = text.split(separator: "\n").map { $0.split(separator: " ").joined(separator: " ") }
        #expect(lines.contains("Pillar B G A R - Live Done% overdue due-soon unowned unknown-lead undated stale"))
        #expect(lines.contains("Prevention 0 0 0 1 1 2 0% 1 0 1 1 1 2"))
        #expect(lines.contains("Provision 0 0 0 0 0 0 – 0 0 0 0 0 0"))
        #expect(lines.contains("All pillars 0 0 0 1 1 2 0% 1 0 1 1 1 2"))
        #expect(text.contains(RAGKey.line))
    }

    @Test func aDiagnosticShowsItsLineWithACaret() {
        let diagnostic = Diagnostic(.error, at: SourceLocation(file: "plans/x.yaml", line: 12, column: 10),
                                    "bad \u{1B}[2J thing", excerpt: "    due: “Soon”\u{1B}")
        #expect(DiagnosticText.render(diagnostic) == """
            plans/x.yaml:12:10: error: bad \\e[2J thing
             12 |     due: “Soon”\\e
                |          ^
            """)
    }
}

/// A spreadsheet opening the tool's CSV runs nothing that a plan or an officer wrote.
@Suite struct CSVFormulaTests {
    @Test func cellsThatASpreadsheetWouldRunAsFormulasStartWithAQuote() throws {
        let hostile = ["=HYPERLINK(\"http://evil.example\",\"click\")", "+cmd|' /C calc'!A0", "@SUM(1+1)", "-1+1", "=1+1", "plain = fine"]
        let text = DataText.csv(header: ["cell"], rows: hostile.map { [$0] })
        let reader = try CSVReader(string: text, hasHeaderRow: true)
        var read: [String] = []
        while let row = reader.next() { read.append(row[0]) }
        #expect(read == ["'=HYPERLINK(\"http://evil.example\",\"click\")", "'+cmd|' /C calc'!A0", "'@SUM(1+1)", "'-1+1", "'=1+1", "plain = fine"])
    }
}

/// A diagnostic under a line of half a megabyte (a minified or generated file).
@Suite struct LongLineDiagnosticTests {
    @Test func onlyTheStretchAroundTheCaretIsShownAndTheCaretStaysUnderItsCharacter() throws {
        let line = String(repeating: "a", count: 250_000) + "X" + String(repeating: "b", count: 250_000)
        let diagnostic = Diagnostic(.error, at: SourceLocation(file: "p.yaml", line: 2, column: 250_001), "here", excerpt: line)
        let shown = DiagnosticText.render(diagnostic)
        #expect(shown.utf8.count < 300, "\(shown.utf8.count) bytes")
        let lines = shown.split(separator: "\n").map(String.init)
        try #require(lines.count == 3)
        #expect(lines[1].hasPrefix(" 2 | …a") && lines[1].hasSuffix("b…"))
        let caret = try #require(lines[2].firstIndex(of: "^"))
        let column = lines[2].distance(from: lines[2].startIndex, to: caret)
        #expect(Array(lines[1])[column] == "X")
    }
}
