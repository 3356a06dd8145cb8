import ActionPlanModel
@testable import ActionPlanStore
import Foundation
import Testing

/// The plan's `next_meeting:` and `updates_due:`, and the access file's contacts: read, or
/// refused where they are written.
@Suite struct MeetingTests {
    @Test func aPlanNamesItsNextMeetingAndWhenUpdatesAreDue() throws {
        let loaded = Loaded(Fixture.plan(header: ["next_meeting: 2015-07-09", "updates_due: 2015-07-03"]))
        #expect(loaded.diagnostics.isEmpty, "\(describe(loaded.diagnostics))")
        #expect(loaded.plan?.meeting == Meeting(next: try isoDay("2015-07-09"), updatesDue: try isoDay("2015-07-03")))
    }

    @Test func aMeetingIsOneDayNotAMonth() throws {
        let loaded = Loaded(Fixture.plan(header: ["next_meeting: July 2015"]))
        expectOnlyProblem(loaded, .error, at: try loaded.place(of: "July 2015"), saying: "'next_meeting' takes one day, such as '2015-07-09'; found 'July 2015'")
    }

    @Test func updatesDueAfterTheMeetingIsAnError() throws {
        let loaded = Loaded(Fixture.plan(header: ["next_meeting: 2015-07-09", "updates_due: 2015-07-10"]))
        expectOnlyProblem(loaded, .error, at: try loaded.place(of: "2015-07-10"),
                          saying: "updates are due (2015-07-10) after the meeting (2015-07-09); give a day on or before 2015-07-09")
    }

    @Test func aPersonMayHaveANameAndAnAddress() throws {
        let read = AccessFile.load(data: Data("""
            people:
              - account: pc.jones
                role: lead
                agencies: [Police]
                name: Siân O’Neill
                email: pc.jones@met.police.uk
            """.utf8), path: "plans/access.yaml")
        let member = try #require(try read.get().members?.first)
        #expect(member.name == "Siân O’Neill" && member.email == EmailAddress("pc.jones@met.police.uk"))
    }

    @Test(arguments: ["Jo <jo@x.uk>", "jo@x.uk, evil@y.uk", "jo@x.uk\r\nBcc: evil@y.uk", "jo@localhost", "jo@@x.uk", "jo..smith@x.uk", "jo@-x.uk"])
    func anAddressIsAPlainAddressOrRefused(_ written: String) {
        #expect(EmailAddress(written) == nil)
    }

    @Test(arguments: ["jo@x.uk", "jo.smith+vawg@harrow.gov.uk", "o'neill@x-y.example"])
    func plainAddressesAreTaken(_ written: String) {
        #expect(EmailAddress(written)?.text == written)
    }
}
