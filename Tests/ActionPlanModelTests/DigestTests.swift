import ActionPlanModel
import Testing

/// What a digest asks of an agency: each open output it leads once, under the first of overdue,
/// due by the meeting, no update this quarter; and unowned outputs beside its own.
@Suite struct DigestModelTests {
    let outputs = [
        Output(id: "1.1", text: "late", leads: ["Police"], due: due("April 2015")),
        Output(id: "1.2", text: "before the meeting", leads: ["Police"], due: due("2015-07-01")),
        Output(id: "1.3", text: "after the meeting", leads: ["Police"], due: due("August 2015")),
        Output(id: "1.4", text: "nobody leads it", due: due("Ongoing")),
        Output(id: "1.5", text: "done", leads: ["Police"], due: due("April 2015"), status: .complete),
        Output(id: "1.6", text: "another agency's", leads: ["CPS"], due: due("April 2015")),
    ]

    @Test func withAMeetingDueSoonMeansDueByIt() {
        var plan = plan(outputs)
        plan.meeting = Meeting(next: day("2015-07-09"), updatesDue: day("2015-07-03"))
        let digest = plan.digest(for: "police", asOf: day("2015-06-20"))
        #expect(digest.sections.map(\.section) == [.overdue, .dueSoon, .stale, .unownedNearby])
        #expect(digest.sections.map { $0.rows.map(\.output.id) } == [["1.1"], ["1.2"], ["1.3"], ["1.4"]])
        #expect(digest.sections.map { $0.section.heading(meeting: plan.meeting) }
            == ["Overdue", "Due by the meeting on 2015-07-09", "No update this quarter", "No lead agency, beside your actions"])
    }

    @Test func withoutOneItIsTheDueSoonFlag() {
        let digest = plan(outputs).digest(for: "Police", asOf: day("2015-06-20"))
        #expect(digest.sections.map { $0.rows.map(\.output.id) } == [["1.1"], ["1.2", "1.3"], ["1.4"]])
        #expect(digest.sections.dropFirst().first?.section.heading(meeting: Meeting()) == "Due by end of next quarter")
    }

    @Test func aMeetingAlreadyHeldIsLeftOut() {
        #expect(Meeting(next: day("2015-07-09"), updatesDue: day("2015-07-03")).asOf(day("2015-07-05")) == Meeting(next: day("2015-07-09")))
    }

    @Test func everyLeadOfficerGetsOneAndAnAgencyWithNoneIsListedOnItsOwn() throws {
        let access = Access(members: [Member(account: "coord", role: .coordinator), Member(account: "pc", role: .lead, agencies: ["Police"])])
        let digests = try plan(outputs).digests(for: .all, access: access, asOf: day("2015-06-20")).get()
        #expect(digests.map { $0.officer?.account } == ["pc", nil])
        #expect(digests.map(\.agencyNames) == [["Police"], ["CPS"]])
        #expect(digests.first?.outputIDs == ["1.1", "1.2", "1.3", "1.4"])
        #expect(throws: QueryProblem.self) { try plan(outputs).digests(for: .account("coord"), access: access, asOf: day("2015-06-20")).get() }
    }
}
