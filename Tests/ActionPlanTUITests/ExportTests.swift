import ActionPlanModel
@testable import ActionPlanTUI
import Testing

/// `x`: the quarter's report from the overview or the list, saved by the runtime.
@Suite struct ExportTests {
    let quarter = ReportingCalendar().quarter(1, ofYearStartingIn: 2015)

    @Test func theKeyAsksForTheQuarterOnScreen() {
        var state = Fixture.state()
        #expect(Fixture.press(.character("x"), on: &state) == [.export(quarter, asOf: Fixture.asOf)])
        #expect(Fixture.press(.tab, .character("x"), on: &state) == [.export(quarter, asOf: Fixture.asOf)])
        // Not from the detail: the report is about the whole plan.
        #expect(Fixture.press(.enter, .character("x"), on: &state) == [])
    }

    @Test func theResultSaysWhereTheFileWentOrWhyNot() {
        var state = Fixture.state()
        _ = update(&state, .exported(quarter, .success("plans/reports/test-2015-16-Q1.html")))
        #expect(state.message == "Saved the Q1 2015/16 report to plans/reports/test-2015-16-Q1.html")
        #expect(render(state).lines[22] == " Saved the Q1 2015/16 report to plans/reports/test-2015-16-Q1.html")
        _ = update(&state, .exported(quarter, .failure(ExportFailure(message: "cannot write plans/reports/x.html: Permission denied"))))
        #expect(state.message == "The Q1 2015/16 report was not saved: cannot write plans/reports/x.html: Permission denied")
    }

    @Test func helpAndTheOverviewStatusLineShowTheKey() {
        // A projector's size: at 80x24 help's three columns cut its sentences short.
        var state = Fixture.state(width: 132, height: 43)
        #expect(render(state).lines[42].hasSuffix("  x report"))
        Fixture.press(.character("?"), on: &state)
        #expect(render(state).lines.contains { $0.contains("Save this quarter") })
    }
}
