import ActionPlanFormat
import ActionPlanModel
import Testing

/// The one table layout engine, rendered to text: the CLI's natural and flexible columns, the
/// interface's fixed and filling ones, and the outputs list laid out both ways.
@Suite struct TableLayoutTests {
    /// A CLI-style table: a capped column, a flexible one and an optional one.
    let cli = Table(columns: [
        .init("A", .natural(cap: 3)),
        .init("Text", .flexible(minimum: 8)),
        .init("B", .natural(cap: 4), dropRank: 1),
    ])
    let rows = [["abcdef", "the quick brown fox", "xyzw"], ["a", "b", "c"]]

    @Test func naturalColumnsTakeTheirWidestCellUpToTheirCap() {
        let (header, lines) = cli.render(rows, width: nil)
        #expect(header == "A    Text                 B")
        #expect(lines == ["ab…  the quick brown fox  xyzw", "a    b                    c"])
    }

    @Test func optionalColumnsGiveWayBeforeTheFlexibleOneIsSqueezed() {
        #expect(cli.render(rows, width: 30).lines == ["ab…  the quick brown fox  xyzw", "a    b                    c"])
        let (header, lines) = cli.render(rows, width: 25)
        #expect(header == "A    Text")
        #expect(lines == ["ab…  the quick brown fox", "a    b"])
    }

    @Test func theFlexibleColumnKeepsItsMinimumAndTheLineIsCutToTheWidth() {
        let lines = cli.render(rows, width: 12).lines
        #expect(lines == ["ab…  the qu…", "a    b"])
        #expect(lines.allSatisfy { TerminalText.width($0) <= 12 })
    }

    /// An interface-style table: fixed columns, one gap, and text filling what is left.
    let tui = Table(columns: [.init("ID", .fixed(4)), .init("Text", .filling(minimum: 5)), .init("Flags", .fixed(6))], gap: 1)

    @Test func aFillingColumnTakesAllTheRoomSoTheColumnsAfterItStayPut() {
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
        #expect(cli.layout(rows, width: 25).x(of: 2) == nil)
    }

    /// The same outputs, laid out by `actionplan list` and by the interface's list.
    @Test func theListTableLaysOutTheSameCellsForTheCLIAndTheInterface() {
        let rows = awkwardPlan.rows(matching: Query(), asOf: june)
        let cli = ListTable([.init(.id, .natural(cap: 10)), .init(.rag, .natural(cap: 3)), .init(.output, .flexible(minimum: 8)),
                             .init(.lead, .natural(cap: 22)), .init(.flags, .natural(cap: 40))])
        let tui = ListTable([.init(.id, .fixed(6)), .init(.rag, .fixed(3)), .init(.output, .filling(minimum: 10)),
                             .init(.lead, .fixed(14)), .init(.due, .fixed(13)), .init(.flags, .fixed(15))], gap: 1)
        #expect(cli.cells(rows[0]) == ["1.1", "R!", "Fund “Caring Dads”, £2,000", "Police; CPS", "overdue unknown-lead stale"])
        #expect(cli.table.render(rows.map(cli.cells), width: 70).lines == [
            "1.1  R!   Fund “Caring Dads”…  Police; CPS  overdue unknown-lead stale",
            "1.2  -    Say \"no\" then \\e[2…               unowned undated stale",
        ])
        let layout = tui.table.layout([], width: 80)
        #expect(layout.header == "ID     RAG Output                   Lead           Due           Flags")
        #expect(layout.line(tui.cells(rows[0])) == "1.1    R!  Fund “Caring Dads”, £2,… Police; CPS    April 2015    overdue unknow…")
        #expect(tui.index(of: .rag).flatMap(layout.x(of:)) == 7)
        #expect(tui.index(of: .status) == nil)
    }
}
