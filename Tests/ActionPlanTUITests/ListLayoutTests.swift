import ActionPlanFormat
import ActionPlanModel
@testable import ActionPlanTUI
import Testing

/// The actions list laid out by the shared table engine, as the screen shows it: columns as wide
/// as what is on screen, a joint lead with the filtered agency first, and the list's sort orders.
@Suite struct ListLayoutTests {
    static func list(_ state: TUIState) -> [String] { render(state).lines }

    @Test func at80ColumnsTheColumnsFitWhatIsOnScreen() {
        var state = Fixture.state(width: 80)
        Fixture.press(.tab, on: &state)
        let lines = Self.list(state)
        #expect(lines[2] == "ID  RAG Output                                   Lead   Due        Flags")
        #expect(lines[5] == "1.1 R!  Run the “White Ribbon” campaign – £2,000 Police April 2015 overdue stale")
        #expect(lines[6] == "1.2 A   Train refuge staff                       C&F    2016       stale")
        // The RAG letter is painted where the layout puts the RAG column.
        #expect(render(state)[4, 6].style == Style(colour: .amber, bold: true))
    }

    @Test func aWideTerminalShowsTheLastUpdate() {
        var state = TUIState(plan: Fixture.plan, journal: Journal([Fixture.record(1, Change(outputID: "1.2", note: "Trainer back"), at: "2015-05-04T09:00:00Z")]),
                             asOf: Fixture.asOf, foldThrough: Fixture.asOf, account: "pc.jones", agencies: ["Police"], width: 120, height: 24)
        Fixture.press(.tab, on: &state)
        let lines = Self.list(state)
        #expect(lines[2].split(separator: " ") == ["ID", "RAG", "Output", "Lead", "Due", "Updated", "Flags"])
        #expect(lines[6].hasPrefix("1.2 A   Train refuge staff"))
        #expect(lines[6].hasSuffix("C&F    2016       2015-05-04"))
    }

    /// Unowned outputs with no date: Lead and Due keep no more than their titles' room.
    @Test func emptyLeadAndDueColumnsGiveTheirRoomToTheOutput() {
        var state = Fixture.state(width: 80)
        Fixture.press(.tab, .character("U"), on: &state)
        let lines = Self.list(state)
        #expect(lines[2] == "ID  RAG Output                                        Lead Due     Flags")
        #expect(lines[5] == "2.1 -   Agree the court protocol                           Ongoing unowned stale")
    }

    @Test func aJointLeadShowsTheFilteredAgencyFirst() {
        let joint = Plan(title: "Joint", register: AgencyRegister([Agency(name: "Police"), Agency(name: "Children & Families", short: "C&F")]), pillars: [
            Pillar(name: "Prevention", objectives: [Objective(id: "1", text: "x", outputs: [
                Output(id: "1.1", text: "Share the referral pathway", leads: ["Police", "C&F"], due: Fixture.due("April 2015")),
            ])]),
        ])
        var state = TUIState(plan: joint, journal: Journal(), asOf: Fixture.asOf, foldThrough: Fixture.asOf, account: "sw.smith",
                             agencies: ["Children & Families"], width: 80, height: 24)
        Fixture.press(.tab, on: &state)
        #expect(Self.list(state)[5].contains("Police; C&F"))
        Fixture.press(.character("m"), on: &state)
        #expect(Self.list(state)[5].contains("C&F; Police"))
        Fixture.press(.character("m"), on: &state)
        state.filter.query.lead = "c&f"
        state.refilter()
        #expect(Self.list(state)[5].contains("C&F; Police"))
    }

    @Test func sSortsByDueDateThenRAGThenLastUpdateThenPlanOrderAgain() {
        var state = TUIState(plan: Fixture.plan, journal: Journal([Fixture.record(1, Change(outputID: "2.2", note: "Launched"), at: "2015-05-04T09:00:00Z"),
                                                                   Fixture.record(2, Change(outputID: "1.1", note: "Posters up"), at: "2015-06-01T09:00:00Z")]),
                             asOf: Fixture.asOf, foldThrough: Fixture.asOf, account: "pc.jones", agencies: ["Police"], width: 80, height: 24)
        Fixture.press(.tab, on: &state)
        func order() -> [String] { Self.list(state).dropFirst(3).prefix { !$0.isEmpty }.compactMap { $0.split(separator: " ").first.map(String.init) } }
        #expect(order() == ["Prevention", "1", "1.1", "1.2", "Perpetrators", "2", "2.1", "2.2"])
        Fixture.press(.character("s"), on: &state)
        #expect(Self.list(state)[1].hasSuffix("all actions · 4 of 4 · by due date"))
        #expect(order() == ["1.1", "1.2", "2.1", "2.2"])
        Fixture.press(.character("s"), on: &state)
        #expect(Self.list(state)[1].hasSuffix("by RAG, worst first"))
        #expect(order() == ["1.1", "1.2", "2.1", "2.2"])
        Fixture.press(.character("s"), on: &state)
        #expect(Self.list(state)[1].hasSuffix("by last update, oldest first"))
        #expect(order() == ["1.2", "2.1", "2.2", "1.1"])
        // Sorted by it, the last update shows even at 80 columns.
        #expect(Self.list(state)[2].split(separator: " ").contains("Updated"))
        Fixture.press(.character("s"), on: &state)
        #expect(order() == ["Prevention", "1", "1.1", "1.2", "Perpetrators", "2", "2.1", "2.2"])
    }

    @Test func theSortKeyIsInTheCommandTableAndOnTheListsKeyLine() {
        #expect(Command.command(for: .character("s"), in: .list)?.action == .cycleSort)
        #expect(Command.keyLine(for: .list).contains("s sort"))
    }
}
