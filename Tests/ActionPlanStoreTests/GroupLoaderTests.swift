import ActionPlanModel
import ActionPlanStore
import Foundation
import Testing

/// Delivery groups in the plan file: declared once, named by objectives and outputs, checked.
@Suite struct GroupLoaderTests {
    /// Two groups under a register, as a plan declares them.
    static let groups = Fixture.register + [
        "groups:",
        "  - name: Harmful Practices Operational Group",
        "    short: HPOG",
        "    chair: Head of Community Safety",
        "    coordinator: VAWG Coordinator",
        "    members: [Police, Harrow Council]",
        "    reports: exception",
        "  - name: Children's Operational Group",
        "    short: CHOG",
    ]

    /// The fixture plan with `group:` on its objective.
    static func plan(objectiveGroup: String?, outputs: [String], groups: [String] = groups) -> String {
        let text = Fixture.plan(header: groups, outputs: outputs)
        guard let objectiveGroup else { return text }
        return text.replacingOccurrences(of: "        outputs:", with: "        group: \(objectiveGroup)\n        outputs:")
    }

    @Test func aGroupIsReadWithEveryField() throws {
        let loaded = Loaded(Self.plan(objectiveGroup: nil, outputs: Fixture.output()))
        let plan = try #require(loaded.plan, "\(describe(loaded.diagnostics))")
        #expect(loaded.diagnostics.isEmpty, "\(describe(loaded.diagnostics))")
        #expect(plan.groups == [
            DeliveryGroup(name: "Harmful Practices Operational Group", short: "HPOG", chair: "Head of Community Safety",
                          coordinator: "VAWG Coordinator", members: ["Police", "Harrow Council"], reports: .exception),
            DeliveryGroup(name: "Children's Operational Group", short: "CHOG"),
        ])
        #expect(try loaded.onlyOutput().group == nil)
    }

    @Test func anOutputTakesItsObjectivesGroupByItsFullName() throws {
        let loaded = Loaded(Self.plan(objectiveGroup: "hpog", outputs: Fixture.output()))
        #expect(try loaded.onlyOutput().group == "Harmful Practices Operational Group")
        #expect(loaded.plan?.pillars.first?.objectives.first?.group == "Harmful Practices Operational Group")
    }

    @Test func anOutputsOwnGroupOverridesItsObjectives() throws {
        let loaded = Loaded(Self.plan(objectiveGroup: "HPOG", outputs: Fixture.output("1.1", "group: Children's Operational Group")
            + Fixture.output("1.2")))
        let plan = try #require(loaded.plan, "\(describe(loaded.diagnostics))")
        #expect(plan.entries.map(\.output.group) == ["Children's Operational Group", "Harmful Practices Operational Group"])
    }

    @Test func anUnknownGroupIsAnErrorSuggestingTheNearest() throws {
        let loaded = Loaded(Self.plan(objectiveGroup: nil, outputs: Fixture.output("1.1", "group: HPGO")))
        expectOnlyProblem(loaded, .error, at: try loaded.place(of: "HPGO"),
                          saying: "unknown group 'HPGO'", "did you mean 'HPOG'?", "HPOG, CHOG")
    }

    @Test func aGroupInAPlanWithoutGroupsIsAnErrorSayingWhereToDeclareIt() throws {
        let loaded = Loaded(Self.plan(objectiveGroup: "HPOG", outputs: Fixture.output(), groups: []))
        expectOnlyProblem(loaded, .error, at: try loaded.place(of: "HPOG"),
                          saying: "unknown group 'HPOG'", "add it under 'groups:'")
    }

    @Test func aMemberOutsideTheRegisterIsAWarningSuggestingTheNearest() throws {
        let groups = Self.groups.map { $0.replacingOccurrences(of: "[Police, Harrow Council]", with: "[Polise]") }
        let loaded = Loaded(Self.plan(objectiveGroup: nil, outputs: Fixture.output(), groups: groups))
        #expect(loaded.plan != nil)
        expectOnlyProblem(loaded, .warning, at: try loaded.place(of: "[Polise]"),
                          saying: "member 'Polise' is not in the agency register", "did you mean 'Police'?")
    }

    @Test func twoGroupsWithOneShortFormIsAnErrorAtTheSecond() throws {
        let groups = Self.groups.map { $0.replacingOccurrences(of: "CHOG", with: "hpog") }
        let loaded = Loaded(Self.plan(objectiveGroup: nil, outputs: Fixture.output(), groups: groups))
        expectOnlyProblem(loaded, .error, at: try loaded.place(of: "hpog"),
                          saying: "group 'hpog' is named twice", "Harmful Practices Operational Group")
    }

    @Test func anUnknownCadenceIsAnErrorListingTheThree() throws {
        let groups = Self.groups.map { $0.replacingOccurrences(of: "reports: exception", with: "reports: anual") }
        let loaded = Loaded(Self.plan(objectiveGroup: nil, outputs: Fixture.output(), groups: groups))
        expectOnlyProblem(loaded, .error, at: try loaded.place(of: "anual"),
                          saying: "did you mean 'annual'?", "quarterly, exception, annual")
    }

    @Test func theDocumentedExampleLoadsWithItsGroupsAndNoProblems() throws {
        let docs = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../docs/plan-format.md")
        let text = try String(contentsOf: docs, encoding: .utf8)
        let start = try #require(text.range(of: "```yaml\n"))
        let end = try #require(text.range(of: "```", range: start.upperBound..<text.endIndex))
        let loaded = Loaded(String(text[start.upperBound..<end.lowerBound]))
        let plan = try #require(loaded.plan, "\(describe(loaded.diagnostics))")
        #expect(loaded.diagnostics.isEmpty, "\(describe(loaded.diagnostics))")
        #expect(plan.groups.map(\.label) == ["HPOG", "CHOG"])
        #expect(plan.entries.map(\.output.group) == ["Harmful Practices Operational Group", "Children's Operational Group"])
    }
}
