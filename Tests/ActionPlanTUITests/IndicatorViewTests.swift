import ActionPlanFormat
import ActionPlanModel
@testable import ActionPlanTUI
import Testing

/// The indicators' trend, table and series drawn into a grid, read back as text.
@Suite struct IndicatorViewTests {
    @Test func aTrendIsEightBlocksScaledToItsValuesWithAGapForAMissingPeriod() {
        #expect(Trend.text([1, 2, 3, 4, 5, 6, 7, 8]) == "▁▂▃▄▅▆▇█")
        #expect(Trend.text([10, nil, 30, 20]) == "    ▁ █▅")
        // Only the last eight periods show.
        #expect(Trend.text([100, 0, 0, 0, 0, 0, 0, 0, 7]) == "▁▁▁▁▁▁▁█")
        // Nothing to compare with: the middle height.
        #expect(Trend.text([5, 5]) == "      ▄▄")
        #expect(Trend.text([nil, nil]) == "        ")
        #expect(Trend.text([]) == "        ")
    }

}

/// The indicator screens on the plan with indicators, rendered as a user sees them.
@Suite struct IndicatorScreenTests {
    @Test func eachPageShowsLatestTargetLetterArrowTrendAndFlagsAtEighty() {
        var state = Fixture.indicatorState()
        Fixture.press(.character("i"), on: &state)
        var lines = render(state).lines
        #expect(lines[1] == " Indicators · the whole plan · 1 of 3")
        #expect(lines[2] == "ID  Indicator                        Latest Period     Target RAG Trend    Flags")
        #expect(lines[3] == "REF Referrals to MARAC               190    Q4 2014/15 200    A ↓     ▁▆█▆")
        #expect(lines[21] == " G on target, A near, R off, - none · ↑↓ on last period · trend gap: no figure")
        #expect(lines[23] == " ? help  Esc back  Enter detail  f figure  → next")
        Fixture.press(.right, on: &state)
        lines = render(state).lines
        #expect(lines[1] == " Indicators · Prevention · 2 of 3")
        #expect(lines[2] == "ID   Indicator                        Latest  Target RAG Trend    Flags")
        #expect(lines[3] == "MALE RBKC · Male victims referred     7%      4–10%  G ↓     ▁▃█▅")
        #expect(lines[4] == "MALE LBHF · Male victims referred     2%      4–10%  R       ▄    missing-figure")
        #expect(lines[5] == "DAYS Days from referral to first con… 12 days        - ↑       ▁█")
        // The selection is reversed across the row; the letter keeps its colour.
        #expect(render(state)[0, 3].style == .selected)
        #expect(render(state)[53, 4].style == Style(colour: .red, bold: true))
        Fixture.press(.right, .right, on: &state)
        #expect(render(state).lines[1] == " Indicators · the whole plan · 1 of 3")
        Fixture.press(.left, on: &state)
        #expect(render(state).lines[3] == "REP Repeat victims       29 per 1,000 Q4 2014/15 25 per 1,000 R       █▁ ▆")
    }

    @Test func atOneHundredAndTwentyThePeriodAndFlagsBothShow() {
        var state = Fixture.indicatorState(width: 120, height: 40)
        Fixture.press(.character("i"), .right, on: &state)
        let lines = render(state).lines
        #expect(lines[2] == "ID   Indicator                                                     Latest  Period     Target RAG Trend    Flags")
        #expect(lines[4] == "MALE LBHF · Male victims referred                                  2%      Q1 2014/15 4–10%  R       ▄    missing-figure")
        #expect(lines[39] == " ? help  Esc back  Enter detail  f figure  → next")
    }

    @Test func theDetailShowsWhatItIsThenTheSeriesWithTheSupersededFigure() {
        var state = Fixture.indicatorState()
        Fixture.press(.character("i"), .left, .enter, on: &state)
        #expect(state.screen == .indicator(id: "REP", top: 0))
        let lines = render(state).lines
        #expect(lines[2] == " REP · Repeat victims")
        #expect(lines[3] == " Belongs to   objective 2 · Bring perpetrators to justice")
        #expect(lines[4] == " Measured     rate, lower is better, reported quarterly")
        #expect(lines[5] == " Supplied by  C&F")
        #expect(lines[6] == " Target       2014/15 25 per 1,000 · amber within 10%")
        #expect(lines[7] == " Latest       29 per 1,000 in Q4 2014/15")
        #expect(lines[9] == "Period       Value        Area           RAG Note")
        #expect(lines[10] == "Q1 2014/15   30 per 1,000                R   (analyst, line 4)")
        #expect(lines[11] == "Q2 2014/15   27 per 1,000                A   (analyst, line 7)")
        #expect(lines[12] == "Q4 2014/15   31 per 1,000                -   superseded by line 15 · (analyst, …")
        #expect(lines[13] == "Q4 2014/15   29 per 1,000                R   Corrected: duplicates removed (ana…")
        #expect(lines[23] == " ? help  Esc back  f figure")
    }

    @Test func aLongSeriesScrollsAndSaysWhereItIs() {
        let many = (0..<12).map { quarter in
            Fixture.figure(quarter + 1, "2014-07-10T09:00:00Z", "REF", "Q\(quarter % 4 + 1) \(2014 + quarter / 4)/\(15 + quarter / 4)", Double(100 + quarter))
        }
        var state = Fixture.indicatorState(height: 24, figures: many)
        Fixture.press(.character("i"), .enter, on: &state)
        var lines = render(state).lines
        #expect(lines[10] == "Period       Value Area           RAG Note")
        #expect(lines[11] == "Q1 2014/15   100                  R   (analyst, line 1)")
        #expect(lines[21] == " figures 1–10 of 12 · ↑/↓ scroll")
        Fixture.press(.pageDown, on: &state)
        lines = render(state).lines
        #expect(lines[11] == "Q3 2014/15   102                  R   (analyst, line 3)")
        #expect(lines[20] == "Q4 2016/17   111                  R   (analyst, line 12)")
        #expect(lines[21] == " figures 3–12 of 12 · ↑/↓ scroll")
        Fixture.press(.up, .up, .up, on: &state)
        #expect(render(state).lines[21] == " figures 1–10 of 12 · ↑/↓ scroll")
    }

    @Test func everyIndicatorScreenFitsTheWidthAtEverySize() {
        for (width, height) in [(60, 16), (80, 24), (120, 40)] {
            var state = Fixture.indicatorState(width: width, height: height)
            for keys in [[Key.character("i")], [.right], [.enter], [.character("f")], [.escape, .escape, .escape, .character("r")]] {
                Fixture.press(keys: keys, on: &state)
                #expect(render(state).lines.allSatisfy { TerminalText.width($0) <= width }, "\(width)x\(height) \(state.screen)")
            }
        }
    }
}
