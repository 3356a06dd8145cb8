import ActionPlanModel
@testable import ActionPlanTUI

/// A small plan for screen tests: two pillars, four outputs in every state that matters, and a
/// hostile note; judged as of 30 June 2015.
enum Fixture {
    static let asOf = Day.last(ofMonth: 6, year: 2015)

    static func due(_ text: String) -> Due {
        (try? Due.parse(text, calendar: ReportingCalendar()).get()) ?? .none
    }

    static let plan = Plan(title: "Test VAWG plan", register: AgencyRegister([Agency(name: "Police"), Agency(name: "Children & Families", short: "C&F")]), pillars: [
        Pillar(name: "Prevention", aim: "Prevent", objectives: [
            Objective(id: "1", text: "Raise awareness", outputs: [
                Output(id: "1.1", text: "Run the “White Ribbon” campaign – £2,000", leads: ["Police"], due: due("April 2015"), status: .onTrack),
                Output(id: "1.2", text: "Train refuge staff", leads: ["C&F"], due: due("2016"), status: .atRisk, note: "Trainer \u{1B}[2J off sick"),
            ]),
        ]),
        Pillar(name: "Perpetrators", aim: "Hold to account", objectives: [
            Objective(id: "2", text: "Bring perpetrators to justice", outputs: [
                Output(id: "2.1", text: "Agree the court protocol", due: due("Ongoing")),
                Output(id: "2.2", text: "Launch the programme", leads: ["Police"], status: .complete),
            ]),
        ]),
    ])

    /// A state at `width`x`height`, for `account` acting for `agencies`.
    static func state(width: Int = 80, height: Int = 24, journal: Journal = Journal(), agencies: [String] = ["Police"]) -> TUIState {
        TUIState(plan: plan, journal: journal, asOf: asOf, foldThrough: asOf, account: "pc.jones", agencies: agencies, width: width, height: height)
    }

    /// Feeds keys to `update`, returning every effect asked for.
    @discardableResult
    static func press(_ keys: Key..., on state: inout TUIState) -> [Effect] {
        keys.flatMap { update(&state, .key($0)) }
    }

    static func type(_ text: String, on state: inout TUIState) {
        for character in text { _ = update(&state, .key(.character(character))) }
    }

    static func record(_ line: Int, _ change: Change, by: String = "pc.smith", at: String = "2015-06-01T10:00:00Z") -> Record {
        Record(line: line, at: Timestamp(at) ?? Timestamp(day: asOf, hour: 0, minute: 0, second: 0), by: by, change: change)
    }
}
