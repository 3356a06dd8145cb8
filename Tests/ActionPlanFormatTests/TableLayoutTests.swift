import ActionPlanFormat
import ActionPlanModel
import Testing

/// The one table layout engine, rendered to text: the CLI's natural and flexible columns, the
/// interface's fixed and filling ones, and the outputs list laid out both ways.
@Suite struct TableLayoutTests {
    /// A CLI-style table: a natural column, a flexible one and an optional one.
    let cli = Table(columns: [
        .init("A", .natural),
        .init("Text", .flexible(minimum: 8)),
        .init("B", .flexible(minimum: 4), dropRank: 1),
    ])
    let rows = [["abcdef", "the quick brown fox", "xyzw"], ["a", "b", "c"]]

    @Test func withNoWidthEveryColumnTakesItsWidestCellAndNothingIsCut() {
        let (header, lines) = cli.render(rows, width: nil)
        #expect(header == ["A       Text                 B"])
        #expect(lines == [["abcdef  the quick brown fox  xyzw"], ["a       b                    c"]])
    }

    @Test func aShortWidthWrapsTheGivingColumnsInsteadOfCuttingThem() {
        let (header, lines) = cli.render(rows, width: 24)
        // Short of room, the gap closes to one space and the text column takes what is left.
        #expect(header == ["A      Text         B"])
        #expect(lines == [["abcdef the quick    xyzw", "       brown fox"], ["a      b            c"]])
        #expect(lines.joined().allSatisfy { TerminalText.width($0) <= 24 })
        #expect(!lines.joined().joined().contains("…"))
    }

    @Test func optionalColumnsGiveWayOnlyWhenTheNarrowestColumnsDoNotFit() {
        // 6 + 8 + 4 and two gaps of 1 is 20; at 19 B gives way.
        #expect(cli.layout(rows, width: 20).widths == [6, 8, 4])
        #expect(cli.layout(rows, width: 20).shown == [0, 1, 2])
        #expect(cli.layout(rows, width: 19).shown == [0, 1])
        let (header, lines) = cli.render(rows, width: 16)
        #expect(header == ["A      Text"])
        #expect(lines == [["abcdef the quick", "       brown fox"], ["a      b"]])
    }

    @Test func aWordWiderThanItsColumnIsBrokenAndAHyphenIsAPlaceToBreak() {
        #expect(TerminalText.wrap("unknown-lead overdue", to: 8).map(\.text) == ["unknown-", "lead", "overdue"])
        #expect(TerminalText.wrap("Multi-Agency Risk Assessment", to: 6).map(\.text) == ["Multi-", "Agency", "Risk", "Assess", "ment"])
        #expect(TerminalText.wrap("家庭暴力 ok", to: 5).map(\.width) == [4, 4, 2])
        #expect(TerminalText.wrap("", to: 5).map(\.text) == [""])
    }

    @Test func curlyQuotesPoundsAndDashesWrapAsOneColumnEachAndCombiningMarksStayOnTheirLetters() {
        let wrapped = TerminalText.wrap("Fund “Caring Dads”, £2,000 – now", to: 10)
        #expect(wrapped.map(\.text) == ["Fund", "“Caring", "Dads”,", "£2,000 –", "now"])
        #expect(wrapped.map(\.width) == [4, 7, 6, 8, 3])
        let accented = TerminalText.wrap("e\u{301}e\u{301}e\u{301}e\u{301}e\u{301}", to: 2)
        #expect(accented.map(\.text) == ["e\u{301}e\u{301}", "e\u{301}e\u{301}", "e\u{301}"])
        #expect(accented.map(\.width) == [2, 2, 1])
    }

    /// An interface-style table: fixed columns, one gap, and text filling what is left.
    let tui = Table(columns: [.init("ID", .fixed(4)), .init("Text", .filling(minimum: 5)), .init("Flags", .fixed(6))], gap: 1)

    @Test func aFillingColumnTakesAllTheRoomAndAOneLineRowIsCut() {
        let layout = tui.layout([], width: 20)
        #expect(layout.widths == [4, 8, 6])
        #expect(layout.header == "ID   Text     Flags")
        #expect(layout.line(["1.1", "short", "overdue stale"]) == "1.1  short    overd…")
        // The last column is cut but never padded.
        #expect(layout.line(["1.2", "a much longer output", ""]) == "1.2  a much … ")
        #expect(layout.x(of: 0) == 0 && layout.x(of: 1) == 5 && layout.x(of: 2) == 14)
    }

    @Test func aShortRowReadsAsBlankCellsAndAHiddenColumnHasNoPlace() {
        #expect(tui.layout([], width: 20).line(["9"]) == "9             ")
        #expect(cli.layout(rows, width: 16).x(of: 2) == nil)
    }

    /// The same outputs, laid out by `actionplan list` and by the interface's list.
    @Test func theListTableLaysOutTheSameCellsForTheCLIAndTheInterface() {
        let rows = awkwardPlan.rows(matching: Query(), asOf: june)
        let cli = ListTable([.init(.id, .natural), .init(.rag, .natural), .init(.output, .flexible(minimum: 8)),
                             .init(.lead, .flexible(minimum: 8)), .init(.flags, .flexible(minimum: 8))])
        let tui = ListTable([.init(.id, .fixed(6)), .init(.rag, .fixed(3)), .init(.output, .filling(minimum: 10)),
                             .init(.lead, .fixed(14)), .init(.due, .fixed(13)), .init(.flags, .fixed(15))], gap: 1)
        #expect(cli.cells(rows[0]) == ["1.1", "R!", "Fund “Caring Dads”, £2,000", "Police; CPS", "overdue unknown-lead stale"])
        #expect(cli.cells(rows[0], leads: ["CPS", "Police"])[3] == "CPS; Police")
        #expect(cli.table.render(rows.map { cli.cells($0) }, width: 70).rows == [
            ["1.1 R!  Fund “Caring Dads”,       Police; CPS overdue unknown-lead", "        £2,000                                stale"],
            ["1.2 -   Say \"no\" then \\e[2Jstop               unowned undated stale"],
        ])
        let layout = tui.table.layout([], width: 80)
        #expect(layout.header == "ID     RAG Output                   Lead           Due           Flags")
        #expect(layout.line(tui.cells(rows[0])) == "1.1    R!  Fund “Caring Dads”, £2,… Police; CPS    April 2015    overdue unknow…")
        #expect(tui.index(of: .rag).flatMap(layout.x(of:)) == 7)
        #expect(tui.index(of: .status) == nil)
    }
}
