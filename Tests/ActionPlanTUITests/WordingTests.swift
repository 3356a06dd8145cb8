import ActionPlanFormat
@testable import ActionPlanModel
@testable import ActionPlanTUI
import Testing

/// The interface speaks in its own words: statuses as the screen says them, forms' fields by
/// their labels rather than the command line's options, and percentages rounded.
@Suite struct WordingTests {
    @Test func statusesAreWordsAndNoStatusIsNotRated() {
        #expect(Status.allCases.map(\.words) == ["not started", "on track", "at risk", "off track", "complete", "dropped"])
        #expect(Status.words(nil) == "not rated")
        var state = Fixture.state()
        Fixture.press(.tab, .character("T"), on: &state)
        #expect(render(state).lines[1].hasPrefix(" Filter: status not started · "))
        // The history and what was recorded say it the same way.
        let change = Change(outputID: "2.1", status: .offTrack, note: "No venue")
        state = Fixture.state(journal: Journal([Fixture.record(1, change)]))
        Fixture.press(.tab, .down, .down, .enter, on: &state)
        #expect(render(state).lines.contains { $0.hasSuffix("pc.smith: status off track; note: No venue") })
        _ = update(&state, .written(.success(Fixture.record(2, change))))
        #expect(state.message == "Recorded line 2: 2.1 status off track; note: No venue")
    }

    @Test func aFormsRefusalNamesItsFieldsNotTheCommandLinesOptions() {
        var state = Fixture.state()
        Fixture.press(.tab, .down, .character("u"), .character(" "), .enter, on: &state)
        #expect(state.form?.message == "a status of off track needs a progress note saying why (type it under Progress note)")
        Fixture.press(.escape, .escape, .character("u"), .tab, .tab, on: &state)
        Fixture.type("2016", on: &state)
        Fixture.press(.enter, on: &state)
        #expect(state.form?.message == "a revised date needs its reason (type it under Reason), which the report shows beside it")
        Fixture.press(.escape, .escape, .character("u"), .tab, on: &state)
        Fixture.type("Trainer found", on: &state)
        Fixture.press(.tab, .tab, on: &state)
        Fixture.type("staff", on: &state)
        Fixture.press(.enter, on: &state)
        #expect(state.form?.message == "a reason goes with a revised date (fill in Revised date too, or clear Reason)")
        #expect(!render(state).lines.joined().contains("--"))
        // The command line keeps its own wording.
        #expect(Change(outputID: "1.2", status: .atRisk).problem(calendar: ReportingCalendar())
            == "a status of at-risk needs a progress note saying why (--note TEXT)")
    }

    @Test func donePercentagesAreRoundedNotCut() {
        var tally = Tally(name: "Prevention")
        func percent(_ done: Int, of live: Int) -> String {
            var tally = Tally(name: "Prevention")
            for index in 0..<live { tally.add(Assessment(rating: Rating(rag: index < done ? .blue : .green), flags: [])) }
            return tally.percentCompleteText
        }
        #expect(percent(1, of: 15) == "7%")
        #expect(percent(2, of: 3) == "67%")
        #expect(percent(1, of: 3) == "33%")
        // Only all of them is 100%, and none 0%.
        #expect(percent(199, of: 200) == "99%" && percent(1, of: 300) == "1%" && percent(0, of: 3) == "0%" && percent(3, of: 3) == "100%")
        tally = Tally(name: "None")
        #expect(tally.percentCompleteText == "–")
    }

    @Test func anOfficerStartsOnTheirOwnActionsWithTheOverviewOneEscAway() {
        var state = Fixture.state(agencies: ["C&F"])
        state.openOwnActions()
        #expect(state.screen == .list && state.rows.map(\.output.id) == ["1.2"])
        #expect(render(state).lines[1] == " Filter: mine (C&F) · 1 of 4")
        Fixture.press(.character("m"), .escape, on: &state)
        #expect(state.screen == .overview)
    }
}
