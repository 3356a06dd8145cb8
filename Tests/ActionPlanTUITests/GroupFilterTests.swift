import ActionPlanModel
@testable import ActionPlanTUI
import Testing

/// `W` steps the actions list through the plan's delivery groups, as `P` does through pillars.
@Suite struct GroupFilterTests {
    /// The fixture plan with two groups: HPOG owns 1.1 and 2.1 (across pillars), CHOG owns 1.2.
    static func state(width: Int = 80, height: Int = 24) -> TUIState {
        var plan = Fixture.plan
        plan.groups = [DeliveryGroup(name: "Harmful Practices Operational Group", short: "HPOG"),
                       DeliveryGroup(name: "Children's Operational Group", short: "CHOG")]
        let owners = ["1.1": "Harmful Practices Operational Group", "2.1": "Harmful Practices Operational Group",
                      "1.2": "Children's Operational Group"]
        for p in plan.pillars.indices {
            for o in plan.pillars[p].objectives.indices {
                for i in plan.pillars[p].objectives[o].outputs.indices {
                    plan.pillars[p].objectives[o].outputs[i].group = owners[plan.pillars[p].objectives[o].outputs[i].id]
                }
            }
        }
        return TUIState(plan: plan, journal: Journal(), asOf: Fixture.asOf, foldThrough: Fixture.asOf, account: "pc.jones",
                        agencies: ["Police"], width: width, height: height)
    }

    @Test func wStepsThroughTheGroupsAndShowsTheFilterByShortName() {
        var state = Self.state()
        Fixture.press(.tab, .character("W"), on: &state)
        #expect(state.rows.map(\.output.id) == ["1.1", "2.1"])
        #expect(render(state).lines[1].hasPrefix(" Filter: group HPOG · 2 of 4"))
        Fixture.press(.character("W"), on: &state)
        #expect(state.rows.map(\.output.id) == ["1.2"])
        Fixture.press(.character("W"), on: &state)
        #expect(state.filter.query.group == nil && state.rows.count == 4)
    }

    @Test func helpListsTheGroupKeyFromTheCommandTable() {
        // A projector's size: at 80x24 help's three columns cut its sentences short.
        var state = Self.state(width: 132, height: 43)
        Fixture.press(.tab, .character("?"), on: &state)
        #expect(state.showHelp)
        #expect(Help.lines(for: .list, width: 80).contains { $0.keys == "W" && $0.text.hasPrefix("Filter by delivery group") })
    }
}
