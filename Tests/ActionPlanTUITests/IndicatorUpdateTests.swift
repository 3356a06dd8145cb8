import ActionPlanModel
@testable import ActionPlanTUI
import Testing

/// Keys driving the indicator screens, the figure form and the review, through `update`.
@Suite struct IndicatorUpdateTests {
    @Test func theKeyOpensThePageOfTheSelectedActionsPillarAndEnterItsFigures() {
        var state = Fixture.indicatorState()
        Fixture.press(.character("i"), on: &state)
        #expect(state.screen == .indicators(IndicatorPage(scope: .plan)))
        Fixture.press(.escape, .tab, .end, .character("i"), on: &state)
        #expect(state.screen == .indicators(IndicatorPage(scope: .pillar(1))))
        Fixture.press(.left, .down, .down, on: &state)
        #expect(state.screen == .indicators(IndicatorPage(scope: .pillar(0), selection: 2)))
        // Down stops at the last line.
        Fixture.press(.down, .enter, on: &state)
        #expect(state.screen == .indicator(id: "DAYS", top: 0))
        // Esc returns to the page as it was left.
        Fixture.press(.escape, on: &state)
        #expect(state.screen == .indicators(IndicatorPage(scope: .pillar(0), selection: 2)))
    }

    @Test func aPlanWithoutIndicatorsSaysSo() {
        var state = Fixture.state()
        Fixture.press(.character("i"), on: &state)
        #expect(render(state).lines[4] == " No indicators here; ←/→ shows the next.")
        #expect(Fixture.press(.enter, .character("f"), .right, on: &state).isEmpty)
    }

    @Test func theFigureFormStartsOnTheValueWithThePeriodThatNeedsOne() {
        var state = Fixture.indicatorState()
        Fixture.press(.character("i"), .right, .character("f"), on: &state)
        #expect(state.form?.subject == .indicator(id: "MALE"))
        #expect(state.form?.fields == [.period, .value, .area, .figureNote])
        // LBHF alone lacks a figure for Q4 2014/15: the form is for it.
        #expect(state.form?.texts[.period]?.text == "Q4 2014/15" && state.form?.texts[.area]?.text == "LBHF")
        let lines = render(state).lines
        #expect(lines[2] == " Figure: MALE  Male victims referred")
        #expect(lines[3] == " percentage, reported quarterly · latest: RBKC 7% in Q4 2014/15, LBHF 2% in Q1 …")
        #expect(lines[5] == "   Period         Q4 2014/15")
        #expect(lines[7] == " ▸ Value")
        #expect(lines[13] == " Enter records it · Tab next field · Esc cancels, writing nothing")
        // An indicator reported as a whole has no area field.
        Fixture.press(.escape, .left, .character("f"), on: &state)
        #expect(state.form?.fields == [.period, .value, .figureNote])
    }

    @Test func refusedInputShowsTheModelsMessageAndAsksForNoWrite() {
        var state = Fixture.indicatorState()
        Fixture.press(.character("i"), .right, .character("f"), on: &state)
        Fixture.type("lots", on: &state)
        #expect(Fixture.press(.enter, on: &state).isEmpty)
        #expect(render(state).lines[22] == " 'lots' is not a number; write it in digits, such as 187, 12.5, 1,200 or 10%")
        Fixture.press(.control("u"), on: &state)
        Fixture.type("120%", on: &state)
        #expect(Fixture.press(.enter, on: &state).isEmpty)
        #expect(state.form?.message == "a percentage is between 0 and 100, not 120")
        Fixture.press(.control("u"), on: &state)
        Fixture.type("6", on: &state)
        Fixture.press(.tab, on: &state)
        Fixture.press(.control("u"), on: &state)
        Fixture.type("Kensington", on: &state)
        #expect(Fixture.press(.enter, on: &state).isEmpty)
        #expect(state.form?.message == "indicator MALE has no area or comparator 'Kensington'; write one of: RBKC, LBHF")
        Fixture.press(.control("u"), .backTab, .backTab, .control("u"), on: &state)
        Fixture.type("Q2 2015/16", on: &state)
        #expect(Fixture.press(.enter, on: &state).isEmpty)
        #expect(state.form?.message == "Q2 2015/16 has not begun yet (today is 2015-06-30): record a figure once its period has begun")
    }

    @Test func aFigureIsARecordEffectAndTheResultIsShown() {
        var state = Fixture.indicatorState()
        Fixture.press(.character("i"), .character("f"), .backTab, .control("u"), on: &state)
        Fixture.type("Q1 2015/16", on: &state)
        Fixture.press(.tab, on: &state)
        Fixture.type("1,234", on: &state)
        Fixture.press(.tab, on: &state)
        Fixture.type("Early figure", on: &state)
        let effects = Fixture.press(.enter, on: &state)
        let figure = Figure(indicatorID: "REF", period: "Q1 2015/16", value: 1234, note: "Early figure")
        #expect(effects == [.recordFigure(figure)])
        _ = update(&state, .figureRecorded(.failure(WriteFailure(message: "pc.jones is a viewer of this plan and may not change it", isConflict: false))))
        #expect(render(state).lines[22] == " pc.jones is a viewer of this plan and may not change it")
        _ = update(&state, .figureRecorded(.success(FigureRecord(line: 16, at: Timestamp(day: Fixture.asOf, hour: 9, minute: 0, second: 0), by: "pc.jones", figure: figure))))
        #expect(state.screen == .indicators(IndicatorPage(scope: .plan)))
        #expect(render(state).lines[22] == " Recorded line 16: REF Q1 2015/16 1,234")
    }

    @Test func reviewTakesRedIndicatorsAndMissingFiguresAfterOverdueActions() {
        var state = Fixture.indicatorState(figures: Fixture.figures.filter { $0.line != 10 && $0.line != 14 }
            + [Fixture.figure(16, "2015-04-10T09:03:00Z", "DAYS", "Q2 2014/15", 12)])
        Fixture.press(.character("r"), on: &state)
        #expect(state.review?.items.map(\.id) == ["1.1", "MALE", "REP", "DAYS", "2.1", "1.2"])
        #expect(state.review?.items.map(\.reason) == [.action(.overdue), .redIndicator, .redIndicator, .missingFigure, .action(.unowned), .action(.stale)])
        Fixture.press(.right, on: &state)
        let lines = render(state).lines
        #expect(lines[2] == "  Review of all actions · item 2 of 6 · 4 left after this")
        #expect(lines[3] == "  On the agenda: 1 overdue, 2 red indicators, 1 missing figure, 1 unowned,")
        #expect(lines[4] == "  0 red, 1 stale")
        #expect(lines[8] == "    RED INDICATOR    MALE · Male victims referred")
        // A note is for actions; `f` records the missing figure, and Esc comes back to the item.
        #expect(Fixture.press(.character("n"), on: &state).isEmpty && state.form == nil)
        Fixture.press(.right, .right, .character("f"), on: &state)
        #expect(state.form?.subject == .indicator(id: "DAYS") && state.form?.texts[.period]?.text == "Q4 2014/15")
        Fixture.press(.escape, on: &state)
        #expect(state.review?.current?.id == "DAYS")
    }
}
