import ActionPlanModel
@testable import ActionPlanTUI
import Testing

/// The indicators' trend, table and series drawn into a grid, read back as text.
@Suite struct IndicatorViewTests {
    @Test func aTrendIsEightBlocksScaledToItsValuesWithAGapForAMissingPeriod() {
        #expect(Trend.text([1, 2, 3, 4, 5, 6, 7, 8]) == "▁▂▃▄▅▆▇█")
        #expect(Trend.text([10, nil, 30, 20]) == "    ▁ █▄")
        // Only the last eight periods show.
        #expect(Trend.text([100, 0, 0, 0, 0, 0, 0, 0, 7]) == "▁▁▁▁▁▁▁█")
        // Nothing to compare with: the middle height.
        #expect(Trend.text([5, 5]) == "      ▄▄")
        #expect(Trend.text([nil, nil]) == "        ")
        #expect(Trend.text([]) == "        ")
    }

    static let lines = [
        IndicatorLine(id: "I1", name: "Domestic abuse cases referred to MARAC", latest: "187", period: "Q4 2014/15", target: "≥ 200",
                      rating: .amber, arrow: "↑", trend: [120, 150, nil, 187]),
        IndicatorLine(id: "I2", name: "LGBT referrals", latest: "missing", period: "Q4 2014/15", target: "5%",
                      rating: .grey, arrow: "", trend: [3, 4, 5, nil]),
        IndicatorLine(id: "I3", name: "Days from referral to first contact", latest: "12 days", period: "Q4 2014/15", target: "≤ 7 days",
                      rating: .red, arrow: "↓", trend: [6, 9, 12]),
    ]

    @Test func theTableShowsLatestTargetLetterArrowAndTrendAtEighty() {
        var grid = Grid(width: 80, height: 24)
        drawIndicators(Self.lines, heading: "Indicators · Prevention", selection: 1, into: &grid)
        #expect(grid.lines[1] == " Indicators · Prevention")
        #expect(grid.lines[2] == "ID     Indicator                   Latest    Period     Target     RAG Trend")
        #expect(grid.lines[3] == "I1     Domestic abuse cases refer… 187       Q4 2014/15 ≥ 200      A ↑     ▁▄ █")
        #expect(grid.lines[4] == "I2     LGBT referrals              missing   Q4 2014/15 5%         -       ▁▄█")
        #expect(grid.lines[5] == "I3     Days from referral to firs… 12 days   Q4 2014/15 ≤ 7 days   R ↓      ▁▄█")
        #expect(grid.lines[21] == " G on target · A near · R off · - no target · ↑↓ on the last period · trend: las…")
        // The selection is reversed across the row; the letter keeps its colour.
        #expect(grid[0, 4].style == .selected)
        #expect(grid[59, 5].style == Style(colour: .red, bold: true))
    }
}
