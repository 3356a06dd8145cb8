import ActionPlanModel
@testable import ActionPlanTUI
import Testing

/// The overview's counts are a way in: arrows select a count, Enter opens the list it counts.
@Suite struct OverviewCursorTests {
    @Test func itStartsOnTheWholePlansOverdueCountAndEnterListsThem() {
        var state = Fixture.state()
        let lines = render(state).lines
        #expect(lines[8] == " Needs attention · All pillars")
        #expect(lines[9] == "  1     overdue")
        #expect(render(state)[2, 9].style == Style(colour: .red, bold: true, reverse: true))
        Fixture.press(.enter, on: &state)
        #expect(state.screen == .list && state.rows.map(\.output.id) == ["1.1"])
        #expect(render(state).lines[1] == " Filter: overdue · 1 of 4")
        // Esc clears the filter, and again goes back to the overview.
        Fixture.press(.escape, .escape, on: &state)
        #expect(state.screen == .overview)
    }

    @Test func arrowsReachAPillarsFlagsAndItsRAGCounts() {
        var state = Fixture.state()
        // Up from the flags into the table's "-" column of All pillars, up to Perpetrators.
        Fixture.press(.up, .up, on: &state)
        #expect(state.overviewCursor.row == 1 && state.overviewCursor.count == .rag(.grey))
        // The flags below are that pillar's.
        #expect(render(state).lines[8] == " Needs attention · Perpetrators")
        #expect(render(state).lines[10] == "  1     no lead agency")
        // → from the last colour goes to that pillar's flags: no lead agency in Perpetrators.
        Fixture.press(.right, .down, on: &state)
        #expect(state.overviewCursor.count == .flag(.unowned))
        Fixture.press(.enter, on: &state)
        #expect(render(state).lines[1] == " Filter: unowned · pillar Perpetrators · 1 of 4")
        #expect(state.rows.map(\.output.id) == ["2.1"])
    }

    @Test func aRAGCountOpensItsColourInItsPillarAndTheListAgreesWithTheCount() {
        var state = Fixture.state()
        // To Prevention's amber: up to the table, up twice to Prevention, left twice to A.
        Fixture.press(.up, .up, .up, .left, .left, on: &state)
        #expect(state.overviewCursor.row == 0 && state.overviewCursor.count == .rag(.amber))
        #expect(render(state)[24, 4].style.reverse && render(state)[24, 4].text == "1")
        Fixture.press(.enter, on: &state)
        #expect(state.rows.map(\.output.id) == ["1.2"])
        #expect(render(state).lines[1] == " Filter: pillar Prevention · RAG A at risk · 1 of 4")
        // Every count of the table opens a list of as many actions.
        for row in 0...2 {
            for colour in RAG.live {
                var state = Fixture.state()
                state.overviewCursor = OverviewCursor(row: row, count: .rag(colour))
                let tally = row < 2 ? state.summary.pillars[row] : state.summary.total
                Fixture.press(.enter, on: &state)
                #expect(state.rows.count == tally.count(colour), "\(row) \(colour)")
            }
        }
    }

    @Test func theKeysAreInHelpForTheOverview() {
        for action in [Action.up, .down, .next, .previous, .open] {
            #expect(Command.table(for: .overview).contains { $0.action == action }, "\(action)")
        }
    }
}

extension OverviewCursor {
    init(row: Int, count: Count) {
        self.init(pillars: 0)
        self.row = row
        self.count = count
    }
}
