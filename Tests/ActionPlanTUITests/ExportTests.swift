import ActionPlanModel
@testable import ActionPlanTUI
import Testing

/// `x`: the quarter's report from the overview or the list, saved by the runtime.
@Suite struct ExportTests {
    let quarter = ReportingCalendar().quarter(1, ofYearStartingIn: 2015)

    @Test func theKeyAsksWhichQuarterStartingOnTheOneOnScreen() {
        var state = Fixture.state()
        #expect(Fixture.press(.character("x"), on: &state) == [])
        #expect(render(state).lines[21] == " Save the report for ◀ Q1 2015/16 ▶ as HTML, in reports/ beside the plan")
        #expect(render(state).lines[23] == " ←/→ quarter  Enter save  Esc cancel")
        #expect(Fixture.press(.enter, on: &state) == [.export(quarter, asOf: Fixture.asOf, replacing: false)])
        // Esc saves nothing; from the list too.
        Fixture.press(.escape, on: &state)
        #expect(state.reportChoice == nil)
        #expect(Fixture.press(.tab, .character("x"), .enter, on: &state) == [.export(quarter, asOf: Fixture.asOf, replacing: false)])
        // Not from the detail: the report is about the whole plan.
        Fixture.press(.escape, on: &state)
        #expect(Fixture.press(.enter, .character("x"), on: &state) == [] && state.reportChoice == nil)
    }

    @Test func anEarlierQuarterIsJudgedOnItsLastDayAndNoneLaterThanTheOneOnScreen() {
        var state = Fixture.state()
        Fixture.press(.character("x"), .right, on: &state)
        #expect(state.reportChoice?.quarter == quarter)
        Fixture.press(.left, on: &state)
        let earlier = quarter.previous
        #expect(render(state).lines[21].contains("◀ Q4 2014/15 ▶"))
        #expect(Fixture.press(.enter, on: &state) == [.export(earlier, asOf: earlier.period.last, replacing: false)])
    }

    @Test func aReportSavedBeforeIsReplacedOnlyOnASecondEnter() {
        var state = Fixture.state()
        Fixture.press(.character("x"), on: &state)
        _ = update(&state, .reportExists(quarter, path: "plans/reports/test-2015-16-Q1.html"))
        // The message in full, over two lines, with the choice above it.
        let lines = render(state).lines
        #expect(lines[20].contains("◀ Q1 2015/16 ▶"))
        #expect(lines[21] == " A Q1 2015/16 report was saved before, at plans/reports/test-2015-16-Q1.html.")
        #expect(lines[22] == " Enter again replaces it; Esc keeps it.")
        #expect(state.message == "A Q1 2015/16 report was saved before, at plans/reports/test-2015-16-Q1.html. Enter again replaces it; Esc keeps it.")
        #expect(Fixture.press(.enter, on: &state) == [.export(quarter, asOf: Fixture.asOf, replacing: true)])
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
        #expect(render(state).lines.contains { $0.contains("Save a quarter's report") })
    }
}
