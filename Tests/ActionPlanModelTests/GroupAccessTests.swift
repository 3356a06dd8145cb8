import ActionPlanModel
import Testing

/// A delivery group's chair and coordinator: every output of their groups, not leads.
@Suite struct GroupAccessTests {
    static let plan = Plan(title: "Test plan", groups: [
        DeliveryGroup(name: "Harmful Practices Operational Group", short: "HPOG"),
        DeliveryGroup(name: "Children's Operational Group", short: "CHOG"),
    ], pillars: [
        Pillar(name: "Prevention", objectives: [Objective(id: "1", text: "Prevent", group: "Harmful Practices Operational Group", outputs: [
            Output(id: "1.1", text: "Train staff", leads: ["Police"], group: "Harmful Practices Operational Group"),
            Output(id: "1.2", text: "Run the campaign", leads: ["LSCB"], group: "Children's Operational Group"),
            Output(id: "1.3", text: "Agree the protocol"),
        ])]),
    ])

    static let access = Access(members: [
        Member(account: "og.chair", role: .groupChair, groups: ["hpog"]),
        Member(account: "og.coord", role: .groupCoordinator, groups: ["Harmful Practices Operational Group"]),
    ])

    func refusal(_ change: Change, by account: String) -> String? {
        guard let output = Self.plan.entry(change.outputID)?.output else { return "no output \(change.outputID)" }
        return Self.access.refusal(of: change, to: output, in: Self.plan, by: account)
    }

    @Test(arguments: ["og.chair", "og.coord"])
    func theyMaySetStatusNotesAndRevisedDatesOnTheirGroupsOutputsWhoeverLeadsThem(account: String) {
        #expect(refusal(Change(outputID: "1.1", status: .atRisk, note: "Trainer left"), by: account) == nil)
        #expect(refusal(Change(outputID: "1.1", due: "March 2016", reason: "Trainer left"), by: account) == nil)
    }

    @Test(arguments: ["og.chair", "og.coord"])
    func theyMayNotAssignALead(account: String) {
        #expect(refusal(Change(outputID: "1.1", lead: ["LSCB"]), by: account)
            == "only the chair or the coordinator may assign a lead; ask them, or record a note")
    }

    @Test func anotherGroupsOutputIsRefusedNamingBothGroups() {
        #expect(refusal(Change(outputID: "1.2", note: "hello"), by: "og.chair")
            == "output 1.2 belongs to the Children's Operational Group, and og.chair updates for hpog only")
    }

    @Test func anOutputOfNoGroupIsRefused() {
        #expect(refusal(Change(outputID: "1.3", status: .onTrack), by: "og.coord")
            == "output 1.3 belongs to no delivery group, and og.coord updates for Harmful Practices Operational Group only")
    }

    @Test func aGroupThePlanDoesNotDeclareGrantsNothing() {
        let access = Access(members: [Member(account: "x", role: .groupChair, groups: ["Elsewhere"])])
        let output = Output(id: "1.1", text: "Train staff", group: "Harmful Practices Operational Group")
        #expect(access.refusal(of: Change(outputID: "1.1", note: "n"), to: output, in: Self.plan, by: "x") != nil)
    }
}
