import ActionPlanModel
import ActionPlanStore
import Foundation
import Testing

/// `indicators:` in the plan file, at the plan's, a pillar's and an objective's level.
@Suite struct IndicatorLoadingTests {
    static let header = [
        "indicators:",
        "  - id: REF",
        "    indicator: Referrals to MARAC",
        "    lead: Police",
        "    source: MARAC data, SafeLives",
        "    baseline: {value: 312, period: 2013/14}",
        "    target: {2015/16: 400, 2016/17: 450}",
        "    tolerance: 5%",
        "    areas: [RBKC, LBHF]",
        "    comparators: [Met average]",
    ]

    @Test func everyKeyOfAnIndicatorIsReadAtEveryLevel() throws {
        let text = Fixture.plan(header: Self.header, outputs: Fixture.output() + [
            "        indicators:",
            "          - id: REPEAT",
            "            indicator: Repeat victims",
            "            unit: percentage",
            "            better: down",
            "            frequency: annually",
            "            target: 25%",
        ]).replacingOccurrences(of: "    aim: Prevent violence from happening.\n", with: """
                aim: Prevent violence from happening.
                indicators:
                  - id: MALE
                    indicator: Male victims
                    unit: percentage
                    target: 4-10%

            """)
        let loaded = Loaded(text)
        #expect(loaded.diagnostics.isEmpty, "\(describe(loaded.diagnostics))")
        let plan = try #require(loaded.plan)
        #expect(plan.indicators.map(\.id) == ["REF", "MALE", "REPEAT"])
        #expect(plan.indicators.map(\.scope) == [.plan, .pillar("Prevention"), .objective("1")])
        let ref = try #require(plan.indicator("ref"))
        #expect(ref.target == .perYear([2015: 400, 2016: 450]))
        #expect(ref.baseline == Indicator.Baseline(value: 312, period: "2013/14"))
        #expect(ref.tolerance == 0.05 && ref.lead == "Police" && ref.source == "MARAC data, SafeLives")
        #expect(ref.areas == ["RBKC", "LBHF"] && ref.comparators == ["Met average"])
        #expect(ref.unit == .count && ref.better == .up && ref.frequency == .quarterly)
        let male = try #require(plan.indicator("MALE"))
        #expect(male.target == .range(low: 4, high: 10) && male.better == .range && male.unit == .percentage)
        let repeats = try #require(plan.indicator("REPEAT"))
        #expect(repeats.target == .plan(25) && repeats.better == .down && repeats.frequency == .annually)
    }

    @Test func badValuesAreErrorsWhereTheyAreWritten() throws {
        let loaded = Loaded(Fixture.plan(header: [
            "indicators:",
            "  - id: X1",
            "    indicator: Something",
            "    unit: percent",
            "    target: lots",
            "    better: range",
            "    tolerance: 150%",
            "    colour: red",
        ]))
        #expect(loaded.plan == nil)
        let messages = loaded.diagnostics.map { "\($0.location.line):\($0.location.column) \($0.message)" }
        let expected: [String] = [
            "5:11 'unit' is one of: count, percentage, rate, days, money; found 'percent'",
            "6:13 a target is a number (400), a range (4-10%), or a number per reporting year ('2015/16: 400'); found 'lots'",
            "7:13 'better: range' needs an expected range as its target, such as 'target: 4-10%'",
            "8:16 tolerance is a percentage of the target, such as '10%'",
            "9:5 unknown key 'colour' in an indicator; an indicator takes: id, indicator, unit, better, frequency, lead, source, baseline, target, tolerance, areas, comparators",
        ]
        #expect(messages == expected)
    }

    @Test func aLeadTheRegisterDoesNotKnowIsAWarningWithTheNearestName() throws {
        let loaded = Loaded(Fixture.plan(header: [
            "agencies: [Police, Probation]",
            "indicators:",
            "  - id: REF",
            "    indicator: Referrals to MARAC",
            "    lead: Polise",
        ]))
        #expect(loaded.plan?.indicators.map(\.lead) == ["Polise"])
        #expect(loaded.diagnostics.map { "\($0.severity) \($0.location.line):\($0.location.column) \($0.message)" } == [
            "warning 6:11 indicator REF: lead 'Polise' is not in the agency register; did you mean 'Police'? add it to 'agencies:' (with 'aliases:' for other spellings)",
        ])
    }

    @Test func anIndicatorMayNotTakeAnOutputsId() throws {
        let loaded = Loaded(Fixture.plan(header: ["indicators:", "  - id: \"1.1\"", "    indicator: Something"]))
        #expect(loaded.diagnostics.map(\.message).first?.hasPrefix("id '1.1' is used twice") == true)
    }

    /// A folder holding a plan with the indicators of `header`, starting April 2015.
    static func planOnDisk() throws -> (folder: URL, planPath: String) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("actionplan-indicators-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let planPath = folder.appendingPathComponent("plan.yaml").path
        try Fixture.plan(header: ["starts: April 2015"] + header).write(toFile: planPath, atomically: true, encoding: .utf8)
        return (folder, planPath)
    }

    @Test func theCacheKeepsIndicatorsAndFigures() throws {
        let (folder, planPath) = try Self.planOnDisk()
        defer { try? FileManager.default.removeItem(at: folder) }
        let folders = AccountFolders(cache: folder.path + "/cache", state: folder.path + "/state")
        let first = PlanStore.open(path: planPath, folders: folders)
        let plan = try #require(first.loaded.plan)
        let written = try JournalWriter.append(.indicator(Figure(indicatorID: "ref", period: "q1 2015/16", value: 187, area: "rbkc")),
                                               planPath: planPath, plan: plan, access: .open, account: "analyst", basis: .knowingly,
                                               now: try #require(Timestamp("2015-07-10T09:00:00Z")))
        #expect(written.line == 1)
        let line = try String(contentsOfFile: JournalFile.path(forPlan: planPath), encoding: .utf8)
        // Spelled as the plan spells them, whatever the officer typed.
        #expect(line.contains(#""area":"RBKC""#) && line.contains(#""indicator":"REF""#) && line.contains(#""value":187"#))
        _ = PlanStore.open(path: planPath, folders: folders)
        let again = PlanStore.open(path: planPath, folders: folders)
        #expect(again.usedCache)
        #expect(again.loaded.plan?.indicators == plan.indicators)
        #expect(again.journal?.journal.figures.map(\.figure.value) == [187])
    }

    @Test func theWriterRefusesFiguresOnlyTheRulesRefuse() throws {
        let (folder, planPath) = try Self.planOnDisk()
        defer { try? FileManager.default.removeItem(at: folder) }
        let plan = try #require(PlanLoader.load(path: planPath).plan)
        let access = Access(members: [Member(account: "nhs", role: .lead, agencies: ["NHS"]), Member(account: "pc", role: .lead, agencies: ["Police"])])
        let now = try #require(Timestamp("2015-07-10T09:00:00Z"))
        func refusal(_ figure: Figure, by account: String) -> String? {
            do {
                try JournalWriter.append(.indicator(figure), planPath: planPath, plan: plan, access: access, account: account, basis: .knowingly, now: now)
                return nil
            } catch {
                return error.message
            }
        }
        #expect(refusal(Figure(indicatorID: "REF", period: "Q1 2015/16", value: 5), by: "nhs") == "indicator REF is supplied by Police, and nhs records for NHS only")
        #expect(refusal(Figure(indicatorID: "REF", period: "Q3 2015/16", value: 5), by: "pc") == "Q3 2015/16 has not begun yet (today is 2015-07-10): record a figure once its period has begun")
        #expect(!FileManager.default.fileExists(atPath: JournalFile.path(forPlan: planPath)), "a refused figure leaves no journal")
        #expect(refusal(Figure(indicatorID: "REF", period: "Q1 2015/16", value: 5), by: "pc") == nil)
    }
}
