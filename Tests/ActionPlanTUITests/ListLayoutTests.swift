import ActionPlanFormat
import ActionPlanModel
@testable import ActionPlanTUI
import Testing

/// The actions list laid out by the shared table engine, as the screen shows it.
@Suite struct ListLayoutTests {
    @Test func aWideTerminalWidensTheColumnsAndTheOutputTakesTheRest() {
        var state = Fixture.state(width: 120)
        Fixture.press(.tab, on: &state)
        let lines = render(state).lines
        #expect(lines[2] == "ID     RAG Output                                               Lead               Due              Flags")
        #expect(lines[5] == "1.1    R!  Run the “White Ribbon” campaign – £2,000             Police             April 2015       overdue stale")
        // The RAG letter is painted where the layout puts the RAG column.
        #expect(render(state)[7, 6].style == Style(colour: .amber, bold: true))
    }

    @Test func theColumnsStayPutWhateverTheRows() {
        for width in [60, 80, 99, 100, 140] {
            let list = listTable(width: width)
            let layout = list.table.layout([], width: width)
            #expect(list.index(of: .rag).flatMap(layout.x(of:)) == 7)
            #expect(layout.widths[2] == max(10, width - (width >= 100 ? 63 : 51) - 5), "width \(width)")
        }
    }
}
