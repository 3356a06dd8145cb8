import ActionPlanModel
import Testing

/// A tracker's rows made into a plan: columns guessed from headers, refs kept or numbered,
/// leads merged only where a spelling is a slip, Excel dates read as days.
@Suite struct TrackerImportTests {
    private func table(_ rows: [[String]]) -> TrackerTable {
        TrackerTable(source: "t.csv", rows: rows.enumerated().map { TrackerRow(number: $0.offset + 1, cells: $0.element) })
    }

    private func imported(_ rows: [[String]], mappings: [TrackerColumns.Mapping] = []) throws -> (TrackerImport, TrackerColumns) {
        let table = table(rows)
        let columns = try TrackerColumns.find(in: table, mappings: mappings).get()
        return (TrackerImport.build(table, columns: columns, title: "T", calendar: ReportingCalendar()), columns)
    }

    @Test func headersAreFoundBelowATitleAndSaidBack() throws {
        let (_, columns) = try imported([["Tracker for Q4"], ["Theme", "Action ref", "Action", "Owner", "Target date", "RAG status", "Comments", "Budget"]])
        #expect(columns.headerRow.number == 2)
        #expect(columns.said == [
            "A \"Theme\" → pillar (guessed)", "B \"Action ref\" → id (guessed)", "C \"Action\" → action (guessed)",
            "D \"Owner\" → lead (guessed)", "E \"Target date\" → due (guessed)", "F \"RAG status\" → rag (guessed)",
            "G \"Comments\" → update (guessed)",
        ])
    }

    @Test func aMapOverridesTheGuessByLetterOrHeader() throws {
        let (plan, columns) = try imported([["What", "Who", "Action"], ["Train staff", "Police", "x"]], mappings: [("A", .action), ("Who", .lead), ("C", .skip)])
        #expect(columns.said.last == "C \"Action\" → skip (as told)")
        #expect(plan.plan.entries.map(\.output.text) == ["Train staff"])
        #expect(plan.plan.entries.map(\.output.leads) == [["Police"]])
    }

    @Test func noActionColumnSaysHowToNameOne() {
        let result = TrackerColumns.find(in: table([["Name", "Budget"], ["x", "y"]]), mappings: [])
        #expect(throws: TrackerProblem.self) { try result.get() }
        if case .failure(let problem) = result {
            #expect(problem.message.hasPrefix("no header row with an Action column in the first 20 rows of t.csv; name the columns, such as --map C=action"))
        }
    }

    @Test func refsAreKeptAndADuplicateIsNumberedWithAComment() throws {
        let (result, _) = try imported([
            ["Objective", "Ref", "Action"], ["Prevent", "3.1", "A"], ["", "3.1", "B"], ["", "", "C"], ["Protect", "", "D"],
        ])
        #expect(result.plan.entries.map(\.output.id) == ["3.1", "3.2", "3.3", "1.1"])
        #expect(result.plan.pillars.flatMap(\.objectives).map(\.id) == ["3", "1"])
        #expect(result.notes["3.2"] == ["t.csv, row 3: the ref '3.1' is row 2's already; numbered 3.2 instead"])
    }

    @Test func nearSpellingsOfALeadAreMergedAndShortOnesAreNot() throws {
        let (result, _) = try imported([["Action", "Lead"], ["a", "Police"], ["b", "Polce"], ["c", "AS"], ["d", "CPS"], ["e", "police"]])
        #expect(result.plan.register.agencies.map(\.name) == ["Police", "AS", "CPS"])
        #expect(result.plan.register.agencies.first?.aliases == ["Polce"])
        #expect(result.merges == ["'Polce' (row 3) is taken for 'Police' (row 2), as its alias; if it is another agency, give it its own entry under agencies:"])
    }

    @Test func theSpellingMoreRowsUseNamesTheAgency() throws {
        let (result, _) = try imported([["Action", "Lead"], ["a", "Harow Council"], ["b", "Harrow Council"], ["c", "Harrow Council"]])
        #expect(result.plan.register.agencies.map(\.name) == ["Harrow Council"])
        #expect(result.plan.register.agencies.first?.aliases == ["Harow Council"])
        #expect(result.merges == ["'Harow Council' (row 2) is taken for 'Harrow Council' (row 3), as its alias; if it is another agency, give it its own entry under agencies:"])
    }

    @Test func ragAndUpdateBecomeChangesWithTheNoteAStatusNeeds() throws {
        let (result, _) = try imported([["Action", "RAG", "Update"], ["a", "G", "Fine"], ["b", "Red", ""], ["c", "", "Just a note"], ["d", "", ""]])
        #expect(result.changes == [
            Change(outputID: "1.1", status: .onTrack, note: "Fine"),
            Change(outputID: "1.2", status: .offTrack, note: "Rated Red in the tracker, with no update"),
            Change(outputID: "1.3", note: "Just a note"),
        ])
    }

    @Test func excelSerialDatesAreDays() {
        #expect(Day(excelSerial: 42460)?.description == "2016-03-31")
        #expect(Day(excelSerial: 1)?.description == "1900-01-01")
        #expect(Day(excelSerial: 59)?.description == "1900-02-28")
        #expect(Day(excelSerial: 61)?.description == "1900-03-01")
        #expect(Day(excelSerial: 60) == nil)
        #expect(Day(excelSerial: 0) == nil)
        #expect(Day(excelSerial: 2_958_465)?.description == "9999-12-31")
    }
}
