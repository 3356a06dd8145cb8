import ActionPlanFormat
import ActionPlanModel
import CSV
import Foundation
import Testing

/// A year of quarterly figures (2015/16) for a count with one target, a percentage with an
/// expected range reported by area beside a comparator, and a lower-is-better rate, in every
/// report format.
enum FiguresReport {
    static let plan = Plan(title: "Figures <plan>", starts: Period(first: day(2015, 4, 1), last: day(2015, 4, 30)), pillars: [Pillar(name: "Provision")],
                           indicators: [
                               Indicator(id: "REF", name: "Referrals to MARAC", lead: "Police", source: "MARAC data", target: .plan(200)),
                               Indicator(id: "MALE", name: "Male victims", unit: .percentage, better: .range, target: .range(low: 4, high: 10),
                                         areas: ["RBKC"], comparators: ["National average"]),
                               Indicator(id: "REP", name: "Repeat victims", scope: .pillar("Provision"), unit: .rate, better: .down,
                                         target: .perYear([2015: 25])),
                           ])

    static func day(_ year: Int, _ month: Int, _ day: Int) -> Day { Day(year: year, month: month, day: day) ?? .allRecords }

    static func figure(_ line: Int, _ at: String, _ id: String, _ period: String, _ value: Double, area: String? = nil, note: String? = nil) -> FigureRecord {
        FigureRecord(line: line, at: HostileReport.time(at), by: "analyst", figure: Figure(indicatorID: id, period: period, value: value, area: area, note: note))
    }

    /// Q1 to Q3 figures, each recorded in the month after its quarter.
    static let firstThreeQuarters = [
        figure(1, "2015-07-10T09:00:00Z", "REF", "Q1 2015/16", 187),
        figure(2, "2015-07-10T09:01:00Z", "MALE", "Q1 2015/16", 3, area: "RBKC"),
        figure(3, "2015-07-10T09:02:00Z", "REP", "Q1 2015/16", 30),
        figure(4, "2015-10-10T09:00:00Z", "REF", "Q2 2015/16", 205),
        figure(5, "2015-10-10T09:01:00Z", "MALE", "Q2 2015/16", 5, area: "RBKC"),
        figure(6, "2015-10-10T09:02:00Z", "REP", "Q2 2015/16", 27),
        figure(7, "2015-10-10T09:03:00Z", "MALE", "Q2 2015/16", 6, area: "National average"),
        figure(8, "2016-01-10T09:00:00Z", "REF", "Q3 2015/16", 150, note: "=HYPERLINK(\"x\") <b>"),
        figure(9, "2016-01-10T09:01:00Z", "MALE", "Q3 2015/16", 11, area: "RBKC"),
        figure(10, "2016-01-10T09:02:00Z", "REP", "Q3 2015/16", 24),
    ]

    /// Later: Q4's figures, and a correction to Q2's referrals.
    static let later = [
        figure(11, "2016-04-10T09:01:00Z", "MALE", "Q4 2015/16", 7, area: "RBKC"),
        figure(12, "2016-04-10T09:02:00Z", "REP", "Q4 2015/16", 26),
        figure(13, "2016-04-11T09:00:00Z", "REF", "Q2 2015/16", 199),
    ]

    static func report(_ figures: [FigureRecord], quarter: Int, yearStart: Int = 2015) -> QuarterReport {
        QuarterReport(plan: plan, journal: Journal(figures: figures), quarter: ReportingCalendar().quarter(quarter, ofYearStartingIn: yearStart),
                      asOf: .allRecords, generated: .init(at: HostileReport.time("2026-11-21T12:00:00Z"), by: "akhan", journalHead: HostileReport.head))
    }
}

@Suite struct IndicatorReportTests {
    /// The report on Q1 2016/17, when every 2015/16 figure is in.
    let yearEnd = FiguresReport.report(FiguresReport.firstThreeQuarters + FiguresReport.later, quarter: 1, yearStart: 2016)

    @Test func markdownListsEachIndicatorWithRatingArrowsAndFlags() {
        let markdown = ReportMarkdown.render(yearEnd)
        #expect(markdown.contains("## Indicators"))
        #expect(markdown.contains("Indicators: G 1, A 1, R 1, - 0; missing-figure 1"))
        #expect(markdown.contains("| REF | Referrals to MARAC | Q3 2015/16 | 150 | 200 | R ↓ worse | – | missing-figure | MARAC data |"))
        #expect(markdown.contains("| MALE | Male victims (RBKC) | Q4 2015/16 | 7% | 4–10% | G ↓ better | – |  |  |"))
        #expect(markdown.contains("| REP | Repeat victims | Q4 2015/16 | 26 per 1,000 | 25 per 1,000 | A ↑ worse | – |  |  |"))
    }

    @Test func htmlDrawsOneChartPerIndicatorWithTargetBandAndComparator() throws {
        let html = ReportHTML.render(yearEnd)
        #expect(html.components(separatedBy: "<svg class=\"chart\"").count - 1 == 3)
        #expect(html.contains(">target 200</text>"))
        #expect(html.contains(">expected 4–10%</text>"))
        #expect(html.contains("fill=\"url(#hatch-2)\""))
        #expect(html.contains(">National average</text>"))
        // Each point carries its letter and value, so the chart reads without colour.
        #expect(html.contains(">R 150</text>") && html.contains(">A 187</text>"))
        #expect(html.contains("Figures &lt;plan&gt;") && !html.contains("<plan>"))
        #expect(!html.contains("<b>"))
    }

    @Test func csvAndJSONHoldOneRowPerIndicatorPerPeriod() throws {
        let reader = try CSVReader(stream: InputStream(data: Data(ReportCSV.render(yearEnd).utf8)), hasHeaderRow: true)
        let header = try #require(reader.headerRow)
        var rows: [[String: String]] = []
        while let row = reader.next() { rows.append(Dictionary(uniqueKeysWithValues: zip(header, row))) }
        let ref = rows.filter { $0["indicator"] == "REF" }
        #expect(ref.map { $0["period"] ?? "" } == ["Q1 2015/16", "Q2 2015/16", "Q3 2015/16", "Q4 2015/16"])
        #expect(ref.map { $0["value"] ?? "" } == ["187", "199", "150", ""])
        #expect(ref.map { $0["rating"] ?? "" } == ["amber", "amber", "red", "grey"])
        #expect(ref.map { $0["since_previous"] ?? "" } == ["", "better", "worse", ""])
        #expect(ref.last?["indicator_flags"] == "missing-figure")
        // A note that looks like a formula is text.
        #expect(ref[2]["note"] == "'=HYPERLINK(\"x\") <b>")
        #expect(rows.filter { $0["comparator"] == "yes" }.compactMap { $0["value"] }.filter { !$0.isEmpty } == ["6"])
        #expect(rows.allSatisfy { $0["journal_head"] == HostileReport.head.description })

        let json = try #require(JSONSerialization.jsonObject(with: Data(ReportJSON.render(yearEnd).utf8)) as? [String: Any])
        let indicators = try #require(json["indicators"] as? [[String: Any]])
        #expect(indicators.count == rows.count)
        let rep = indicators.filter { $0["indicator"] as? String == "REP" }
        #expect(rep.compactMap { $0["value"] as? Double } == [30, 27, 24, 26])
        #expect(rep.compactMap { $0["rating"] as? String } == ["red", "amber", "green", "amber"])
    }

    @Test func aPastQuartersReportIsUnchangedWhenLaterFiguresArrive() {
        let before = FiguresReport.report(FiguresReport.firstThreeQuarters, quarter: 3)
        let after = FiguresReport.report(FiguresReport.firstThreeQuarters + FiguresReport.later, quarter: 3)
        #expect(ReportHTML.render(before) == ReportHTML.render(after))
        #expect(ReportMarkdown.render(before) == ReportMarkdown.render(after))
        #expect(ReportCSV.render(before) == ReportCSV.render(after))
        #expect(ReportJSON.render(before) == ReportJSON.render(after))
        // As at the end of Q3, Q2's referrals are the first figure, 205, not the later correction.
        #expect(ReportMarkdown.render(before).contains("| REF | Referrals to MARAC | Q2 2015/16 | 205 | 200 | G ↑ better |"))
    }

    @Test func aPlanWithoutIndicatorsSaysSoInEveryReport() {
        #expect(ReportMarkdown.render(HostileReport.report).contains("## Indicators\n\nThis plan declares no indicators."))
        #expect(ReportHTML.render(HostileReport.report).contains("<section id=\"indicators\""))
    }
}
