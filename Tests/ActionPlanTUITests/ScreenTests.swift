import ActionPlanFormat
import ActionPlanModel
@testable import ActionPlanTUI
import Testing

/// Every screen rendered to text at fixed sizes, as a user would read it.
@Suite struct ScreenTests {
    @Test func theOverviewCountsEachPillarWithLetteredBars() {
        let lines = render(Fixture.state()).lines
        #expect(lines[0] == " Test VAWG plan        as of 2015-06-30 · Q1 2015/16 · pc.jones, no access file")
        #expect(lines[2] == " RAG by pillar (live actions)")
        #expect(lines[3] == "              B    G    A    R    -                                   Live  Done")
        #expect(lines[4] == " Prevention   0    0    1    1    0    AAAAAAAAAAAAAAARRRRRRRRRRRRRR  2     0%")
        #expect(lines[5] == " Perpetrators 1    0    0    0    1    BBBBBBBBBBBBBBB--------------  2     50%")
        #expect(lines[6] == " All pillars  1    0    1    1    1    BBBBBBBAAAAAAARRRRRRR--------  4     25%")
        #expect(lines[9] == "  1     overdue")
        #expect(lines[10] == "  1     no lead agency")
        #expect(lines[23] == " ? help  q quit  Tab actions  r review  i indicators  x report")
    }

    @Test func theListGroupsByPillarAndObjectiveWithRAGLettersAndFlags() {
        var state = Fixture.state()
        Fixture.press(.tab, on: &state)
        let lines = render(state).lines
        #expect(lines[1] == " Filter: all actions · 4 of 4")
        // Each column as wide as what is on screen; the output's text takes the rest.
        #expect(lines[2] == "ID  RAG Output                                   Lead   Due        Flags")
        #expect(lines[3] == "Prevention")
        #expect(lines[4] == "  1  Raise awareness")
        #expect(lines[5] == "1.1 R!  Run the “White Ribbon” campaign – £2,000 Police April 2015 overdue stale")
        #expect(lines[6] == "1.2 A   Train refuge staff                       C&F    2016       stale")
        #expect(lines[7] == "Perpetrators")
        #expect(lines[9] == "2.1 -   Agree the court protocol                        Ongoing    unowned stale")
        #expect(lines[10] == "2.2 B   Launch the programme                     Police")
        // The key line, too long for 80 columns, takes two rows rather than being cut.
        #expect(lines[22] == " ? help  q quit  v overview  r review  i indicators  Enter detail  u update")
        #expect(lines[23] == " / search  m mine  c clear  s sort")
        // The selection is drawn reversed across the row; the RAG letter keeps its colour.
        #expect(render(state)[0, 5].style == .selected)
        #expect(render(state)[4, 5].style == Style(colour: .red, bold: true, reverse: true))
        #expect(render(state)[4, 6].style == Style(colour: .amber, bold: true))
    }

    @Test func theActiveFilterIsAlwaysVisible() {
        var state = Fixture.state()
        Fixture.press(.tab, .character("S"), .character("m"), .character("/"), on: &state)
        Fixture.type("ribbon", on: &state)
        #expect(render(state).lines[1] == " Search: ribbon")
        Fixture.press(.enter, on: &state)
        #expect(render(state).lines[1] == " Filter: stale · mine (Police) · “ribbon” · 1 of 4")
        Fixture.press(.character("O"), .character("U"), on: &state)
        #expect(render(state).lines[4] == " Nothing matches this filter; c clears it.")
    }

    @Test func theDetailShowsEverythingIncludingARevisedDateAndHistory() {
        let journal = Journal([
            Fixture.record(1, Change(outputID: "1.2", due: "March 2017", reason: "new trainer"), by: "chair"),
            Fixture.record(2, Change(outputID: "1.2", note: "Venue booked"), by: "cf.ali", at: "2015-06-02T09:30:00Z"),
        ])
        var state = Fixture.state(journal: journal)
        Fixture.press(.tab, .down, .enter, on: &state)
        let lines = render(state).lines
        #expect(lines[2] == " A amber: at risk · status at risk")
        #expect(lines[3] == " Output        1.2 · Train refuge staff")
        #expect(lines[6] == " Lead          C&F")
        #expect(lines[7] == " Due           March 2017 (was 2016; revised by chair: new trainer) · deadline")
        #expect(lines[8] == "               2017-03-31")
        #expect(lines[9] == " Latest note   Venue booked (cf.ali, 2015-06-02 09:30 UTC)")
        #expect(lines[10] == " History")
        #expect(lines[11] == "   line 2 · 2015-06-02 09:30 UTC · cf.ali: note: Venue booked")
        #expect(lines[12] == "   line 1 · 2015-06-01 10:00 UTC · chair: due March 2017 (new trainer)")
    }

    @Test func theDetailHistoryRunsBackThroughThePlanYearsItFollows() {
        // Last year 1.2 was numbered 9.2; its records there come after this year's, newest first.
        var lastYear = Fixture.plan
        lastYear.pillars[0].objectives[0].outputs[1].id = "9.2"
        var plan = Fixture.plan
        plan.pillars[0].objectives[0].outputs[1].was = ["9.2"]
        let earlier = PlanYear(file: "plans/last-year.yaml", plan: lastYear, journal: Journal([
            Fixture.record(1, Change(outputID: "9.2", note: "Trainer found"), by: "cf.ali", at: "2014-06-02T09:30:00Z"),
        ]))
        var state = TUIState(plan: plan, journal: Journal([Fixture.record(1, Change(outputID: "1.2", note: "Venue booked"), by: "cf.ali")]),
                             earlierYears: [earlier], asOf: Fixture.asOf, foldThrough: Fixture.asOf, account: "pc.jones",
                             agencies: ["Police"], width: 80, height: 24)
        Fixture.press(.tab, .down, .enter, on: &state)
        let lines = render(state).lines
        let history = lines.firstIndex(of: " History") ?? 0
        #expect(history > 0)
        #expect(lines[history + 1] == "   line 1 · 2015-06-01 10:00 UTC · cf.ali: note: Venue booked")
        #expect(lines[history + 2] == "   plans/last-year.yaml line 1 · 2014-06-02 09:30 UTC · cf.ali (as 9.2): note:")
        #expect(lines[history + 3] == "   Trainer found")
    }

    @Test func hostileTextIsShownNotObeyed() {
        var state = Fixture.state()
        Fixture.press(.tab, .down, .enter, on: &state)
        let grid = render(state)
        #expect(grid.lines.contains(" Latest note   Trainer \\e[2J off sick"))
        #expect(!grid.cells.contains { $0.text.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) } })
    }

    @Test func theFormEditsUnicodeTextWithAVisibleCursor() {
        var state = Fixture.state()
        Fixture.press(.tab, .character("u"), .tab, on: &state)
        Fixture.type("Café – £5", on: &state)
        Fixture.press(.left, .left, on: &state)
        let grid = render(state)
        #expect(grid.lines[2] == " Update: 1.1  Run the “White Ribbon” campaign – £2,000")
        #expect(grid.lines[5] == "   Status         ◀ on track ▶")
        #expect(grid.lines[7] == " ▸ Progress note  Café – £5")
        #expect(grid.lines[13] == " Enter records it · Tab next field · Esc cancels, writing nothing")
        // The cursor sits on the £, two characters from the end.
        #expect(grid[25, 7].text == "£" && grid[25, 7].style.reverse)
    }

    @Test func reviewShowsOneItemLargeWithWhatIsLeft() {
        var state = Fixture.state()
        Fixture.press(.character("r"), .right, on: &state)
        let lines = render(state).lines
        #expect(lines[2] == "  Review of all actions · item 2 of 3 · 1 left after this")
        #expect(lines[3] == "  On the agenda: 1 overdue, 1 unowned, 0 red, 1 stale")
        #expect(lines[7] == "    UNOWNED    - grey: not yet rated · status not rated · unowned, stale")
        #expect(lines[9] == " Output        2.1 · Agree the court protocol")
        #expect(lines[10] == " Lead          none: unowned")
        #expect(lines[12] == " History       no updates recorded")
        #expect(lines[23] == " ? help  Esc back  u update  n note  → next  L assign lead  t revise date")
    }

    @Test func aTooSmallTerminalSaysHowLargeItMustBe() {
        let lines = render(Fixture.state(width: 50, height: 12)).lines
        #expect(lines[0] == "actionplan needs a terminal at least 60x16; this")
        #expect(lines[1] == "one is 50x12. Enlarge the window, or press q to")
        #expect(render(Fixture.state(width: 60, height: 16)).lines[2] == " RAG by pillar (live actions)")
    }

    @Test func everyRowFitsTheWidthAtEverySize() {
        for (width, height) in [(60, 16), (80, 24), (132, 43)] {
            var state = Fixture.state(width: width, height: height)
            for keys in [[Key](), [.tab], [.enter], [.character("u")], [.escape, .character("r")], [.character("?")]] {
                Fixture.press(keys: keys, on: &state)
                #expect(render(state).lines.allSatisfy { TerminalText.width($0) <= width }, "\(width)x\(height) \(state.screen)")
            }
        }
    }
}

extension Fixture {
    static func press(keys: [Key], on state: inout TUIState) {
        for key in keys { _ = update(&state, .key(key)) }
    }
}
