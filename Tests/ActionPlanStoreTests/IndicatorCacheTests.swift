import ActionPlanModel
@testable import ActionPlanStore
import Foundation
import Testing

/// Indicators and figures go through the load cache's compact coding unchanged.
@Suite struct IndicatorCacheTests {
    @Test func indicatorsAndFiguresRoundTrip() throws {
        let indicators = [
            Indicator(id: "A", name: "a", scope: .pillar("P"), target: .perYear([2015: 1, 2016: 2]), areas: ["X"]),
            Indicator(id: "B", name: "b", scope: .objective("1"), unit: .percentage, better: .range, lead: "Police",
                      baseline: Indicator.Baseline(value: 3, period: "2013/14"), target: .range(low: 4, high: 10)),
            Indicator(id: "C", name: "c", target: .plan(5)),
        ]
        for indicator in indicators {
            #expect(try CompactDecoder.decode(Indicator.self, from: CacheReader(try CompactEncoder.encode(indicator))) == indicator)
        }
        let journal = Journal(figures: [FigureRecord(line: 1, at: try #require(Timestamp("2015-07-10T09:00:00Z")), by: "x",
                                                     figure: Figure(indicatorID: "A", period: "Q1 2015/16", value: 1.5, area: "X", note: nil))])
        #expect(try CompactDecoder.decode(Journal.self, from: CacheReader(try CompactEncoder.encode(journal))) == journal)
    }
}
