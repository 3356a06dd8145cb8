import ActionPlanModel
@testable import ActionPlanTUI
import Testing

/// The detail scrolls when an output's history is longer than the screen, says how much more
/// there is, and steps to the list's next and previous actions.
@Suite struct DetailScrollTests {
    /// Output 1.2 with twenty notes: far more than 80x24 shows.
    static func longHistory() -> TUIState {
        let records = (1...20).map { Fixture.record($0, Change(outputID: "1.2", note: "Note number \($0)"), at: "2015-06-\(10 + $0 / 2)T10:00:00Z") }
        var state = Fixture.state(journal: Journal(records))
        Fixture.press(.tab, .down, .enter, on: &state)
        return state
    }

    @Test func theDetailSaysHowManyLinesAreBelowAndScrollsToThem() {
        var state = Self.longHistory()
        var lines = render(state).lines
        #expect(lines[2] == " A amber: at risk · status at risk · stale" || lines[2].hasPrefix(" A amber: at risk · status at risk"))
        #expect(lines[21].hasPrefix(" ↓ ") && lines[21].hasSuffix(" more lines"), "\(lines[21])")
        // The oldest note is off screen until the detail is scrolled to its end.
        #expect(!lines.contains { $0.contains("Note number 1 ") || $0.hasSuffix("Note number 1") })
        let below = Int(lines[21].dropFirst(3).prefix { $0.isNumber }) ?? 0
        Fixture.press(.pageDown, .pageDown, .pageDown, .down, .down, .down, on: &state)
        lines = render(state).lines
        #expect(lines.contains { $0.hasSuffix("note: Note number 1") })
        #expect(lines[21] == " ↑ \(below) lines above")
        // It stops at the end: ↑ scrolls back at once.
        Fixture.press(.up, on: &state)
        #expect(render(state).lines[21] == " ↑ \(below - 1) lines above · ↓ 1 more line")
        Fixture.press(.pageUp, .pageUp, .pageUp, .pageUp, on: &state)
        #expect(render(state).lines == Self.longHistory().render())
    }

    @Test func aWordLongerThanTheScreenIsWrappedWhole() {
        // A link pasted into a note: wider than 80 columns, it goes on over the next line rather
        // than being cut with "…".
        let link = "https://example.org/" + String(repeating: "panel-minutes/", count: 6) + "q2.pdf"
        var state = Fixture.state(journal: Journal([Fixture.record(1, Change(outputID: "1.1", note: "Minutes: " + link))]))
        Fixture.press(.tab, .enter, on: &state)
        let text = render(state).lines.map { $0.trimmingCharacters(in: .whitespaces) }.joined()
        #expect(text.contains(link), "\(render(state).lines)")
        #expect(!render(state).lines.contains { $0.contains("…") })
    }

    @Test func arrowsStepToTheListsNextAndPreviousActions() {
        var state = Fixture.state()
        Fixture.press(.tab, .enter, on: &state)
        #expect(state.detailID == "1.1")
        Fixture.press(.right, on: &state)
        #expect(state.detailID == "1.2" && render(state).lines.contains(" Output        1.2 · Train refuge staff"))
        Fixture.press(.right, .right, .right, on: &state)
        #expect(state.detailID == "2.2")
        Fixture.press(.left, on: &state)
        #expect(state.detailID == "2.1")
        // The list follows, and one Esc goes back to it.
        Fixture.press(.escape, on: &state)
        #expect(state.screen == .list && state.selected?.output.id == "2.1")
        // Stepping keeps to the filtered list.
        Fixture.press(.character("m"), .enter, .right, on: &state)
        #expect(state.detailID == "2.2")
        Fixture.press(.left, .left, on: &state)
        #expect(state.detailID == "1.1")
    }

    @Test func theDetailKeyLineAndHelpSayHowToStepAndScroll() {
        var state = Fixture.state()
        Fixture.press(.tab, .enter, on: &state)
        #expect(render(state).lines[23] == " ? help  Esc back  u update  n note  → next")
        #expect(Command.command(for: .pageDown, in: .detail)?.action == .pageDown)
        #expect(Command.command(for: .up, in: .detail)?.action == .up)
    }
}

extension TUIState {
    func render() -> [String] { ActionPlanTUI.render(self).lines }
}
