import ActionPlanFormat
import ActionPlanModel
@testable import ActionPlanTUI
import Testing

/// The key line, a form's instructions and help, generated from each mode's command table and
/// read back from the rendered screen.
@Suite struct KeyLineTests {
    /// Keys that reach each mode from the start, and the key line it shows at 132 columns.
    static let modes: [(mode: Mode, keys: [Key], line: String)] = [
        (.overview, [], "? help  q quit  Tab actions  r review  i indicators  x report"),
        (.list, [.tab], "? help  q quit  v overview  r review  i indicators  Enter detail  u update  / search  m mine  c clear  s sort"),
        (.detail, [.tab, .enter], "? help  Esc back  u update  n note  → next"),
        (.form, [.tab, .character("u")], "Esc back  Enter save  Tab next field  ^X editor"),
        (.review, [.character("r")], "? help  Esc back  u update  n note  → next  L assign lead  t revise date"),
        (.search, [.tab, .character("/")], "type to search · Enter keep · Esc clear"),
        (.pick, [.tab, .character("A")], "type to pick · ↑/↓ choose · Enter pick · Esc cancel"),
        (.indicators, [.character("i")], "? help  Esc back  Enter detail  f figure  → next"),
        (.indicator, [.character("i"), .enter], "? help  Esc back  f figure"),
        (.help, [.character("?")], "Esc close  ↑ up  PgDn page down"),
        (.report, [.character("x")], "←/→ quarter  Enter save  Esc cancel"),
    ]

    @Test func everyModeShowsTheKeyLineItsTableGenerates() {
        #expect(Self.modes.map(\.mode) == Mode.allCases)
        for (mode, keys, line) in Self.modes {
            var state = Fixture.indicatorState(width: 132, height: 43)
            Fixture.press(keys: keys, on: &state)
            #expect(state.mode == mode)
            #expect(Command.keyLine(for: mode) == line)
            #expect(render(state).lines[42] == " " + line, "\(mode)")
        }
    }

    @Test func theFormsInstructionsAreWordedByItsCommands() {
        var state = Fixture.state()
        Fixture.press(.tab, .character("u"), on: &state)
        var lines = render(state).lines
        #expect(lines[5] == " ▸ Status         ◀ on track ▶  ←/→ change")
        #expect(lines[13] == " Enter records it · Tab next field · Esc cancels, writing nothing")
        // Off the status, its hint goes; the instructions stay.
        Fixture.press(.tab, on: &state)
        lines = render(state).lines
        #expect(lines[5] == "   Status         ◀ on track ▶")
        #expect(lines[13] == " Enter records it · Tab next field · Esc cancels, writing nothing")
    }

    @Test func keysGoWhereTheFocusedFieldOrTheSearchTakesThem() {
        var state = Fixture.state()
        Fixture.press(.tab, .character("u"), on: &state)
        // Space steps a choice on; ← steps it back.
        Fixture.press(.character(" "), on: &state)
        #expect(state.form?.status == .atRisk)
        Fixture.press(.left, .left, on: &state)
        #expect(state.form?.status == .notStarted)
        // In a text field every character is text, even those that are commands elsewhere.
        Fixture.press(.tab, on: &state)
        #expect(Fixture.press(.character("q"), .character(" "), .character("?"), on: &state).isEmpty)
        #expect(state.form?.texts[.note]?.text == "q ?" && !state.showHelp)
        // The same in the search: `c` is typed, not "clear every filter".
        Fixture.press(.escape, .escape, .character("O"), .character("/"), .character("c"), on: &state)
        #expect(state.searching?.text == "c" && state.filter.query.flags == [.overdue])
    }
}
