import ActionPlanModel
@testable import ActionPlanStore
import Foundation
import Testing

@Suite struct AccessTests {
    let access = Access(members: [
        Member(account: "chair", role: .chair),
        Member(account: "coord", role: .coordinator),
        Member(account: "pc.jones", role: .lead, agencies: ["Police"]),
        Member(account: "cps.ali", role: .lead, agencies: ["Crown Prosecution Service"]),
        Member(account: "board", role: .viewer),
    ], serviceAccount: "actionplan")

    /// Tries `change` as `account`; the refusal's message, or nil when it was written.
    func attempt(_ fixture: JournalFixture, _ change: Change, by account: String) -> String? {
        do {
            try fixture.append(change, by: account, access: access)
            return nil
        } catch {
            return error.message
        }
    }

    @Test func chairAndCoordinatorMayChangeAnythingIncludingLeadsAndDates() throws {
        let fixture = try JournalFixture()
        defer { fixture.remove() }
        for account in ["chair", "coord"] {
            #expect(attempt(fixture, Change(outputID: "1.3", due: "2016", reason: "board decision"), by: account) == nil)
            #expect(attempt(fixture, Change(outputID: "1.3", lead: ["Police"]), by: account) == nil)
            #expect(attempt(fixture, Change(outputID: "1.1", status: .onTrack), by: account) == nil)
        }
        #expect(fixture.read().journal.records.count == 6)
    }

    @Test func aLeadOfficerUpdatesTheirAgencysOutputsIncludingJointOnes() throws {
        let fixture = try JournalFixture()
        defer { fixture.remove() }
        #expect(attempt(fixture, Change(outputID: "1.1", status: .onTrack), by: "pc.jones") == nil)
        #expect(attempt(fixture, Change(outputID: "1.2", note: "File passed to CPS"), by: "pc.jones") == nil)
        // "CPS" in the plan and "Crown Prosecution Service" in the access file are one agency.
        #expect(attempt(fixture, Change(outputID: "1.2", status: .onTrack), by: "cps.ali") == nil)
        #expect(fixture.read().journal.records.map(\.by) == ["pc.jones", "pc.jones", "cps.ali"])
    }

    @Test func aLeadOfficerIsRefusedAnotherAgencysOutputAndNothingIsWritten() throws {
        let fixture = try JournalFixture()
        defer { fixture.remove() }
        let refusal = attempt(fixture, Change(outputID: "1.3", status: .complete), by: "pc.jones")
        #expect(refusal == "output 1.3 is led by LSCB, and pc.jones updates for Police only")
        #expect(!FileManager.default.fileExists(atPath: fixture.journalPath))
        #expect(attempt(fixture, Change(outputID: "1.1", due: "2016", reason: "slipped"), by: "pc.jones")?
            .contains("only the chair or the coordinator") == true)
        #expect(attempt(fixture, Change(outputID: "1.1", lead: ["CPS"]), by: "pc.jones") != nil)
        #expect(fixture.journalBytes.isEmpty)
    }

    @Test func viewersAndUnlistedAccountsMayOnlyRead() throws {
        let fixture = try JournalFixture()
        defer { fixture.remove() }
        #expect(attempt(fixture, Change(outputID: "1.1", note: "hello"), by: "board")?.contains("is a viewer") == true)
        #expect(attempt(fixture, Change(outputID: "1.1", note: "hello"), by: "stranger")?.contains("stranger is a viewer") == true)
        #expect(fixture.journalBytes.isEmpty)
    }

    @Test func reassigningALeadMovesWhoMayUpdate() throws {
        let fixture = try JournalFixture()
        defer { fixture.remove() }
        #expect(attempt(fixture, Change(outputID: "1.3", note: "taking over"), by: "pc.jones") != nil)
        #expect(attempt(fixture, Change(outputID: "1.3", lead: ["Police"]), by: "chair") == nil)
        #expect(attempt(fixture, Change(outputID: "1.3", note: "taking over"), by: "pc.jones") == nil)
    }

    @Test func withNoAccessFileWhoeverRunsItMayChangeAnything() throws {
        let fixture = try JournalFixture()
        defer { fixture.remove() }
        guard case .success(let open) = AccessFile.load(path: AccessFile.path(forPlan: fixture.planPath)) else {
            Issue.record("a missing access file is an error")
            return
        }
        #expect(open.isOpen)
        try fixture.append(Change(outputID: "1.3", lead: ["CPS"]), by: "anyone", access: open)
    }

    @Test func theAccessFileIsReadWithLocatedProblems() throws {
        let good = AccessFile.load(data: Data("""
            service_account: actionplan
            people:
              - account: chair
                role: chair
              - account: pc.jones
                role: Lead
                agencies: Police

            """.utf8), path: "plans/access.yaml")
        guard case .success(let access) = good else {
            Issue.record("a valid access file was refused")
            return
        }
        #expect(access.serviceAccount == "actionplan")
        #expect(access.member("pc.jones") == Member(account: "pc.jones", role: .lead, agencies: ["Police"]))
        #expect(access.member("nobody").role == .viewer)

        let bad = AccessFile.load(data: Data("""
            people:
              - account: a
                role: chiar
              - account: b
                role: lead
              - account: a
                role: viewer

            """.utf8), path: "plans/access.yaml")
        guard case .failure(let problem) = bad else {
            Issue.record("a broken access file was accepted")
            return
        }
        #expect(problem.diagnostics.map { "\($0.location.line):\($0.location.column)" } == ["3:11", "5:11", "6:14"])
        #expect(problem.diagnostics[0].message.contains("did you mean 'chair'?"))
        #expect(problem.diagnostics[1].message.contains("needs 'agencies:'"))
        #expect(problem.diagnostics[2].message.contains("listed twice: at line 2 and here at line 6"))
    }

    @Test func asIsOnlyForTheServiceAccount() throws {
        let me = try #require(Identity.account())
        let notService = Access(members: [], serviceAccount: "someone-else")
        guard case .failure(let refused) = Identity.resolve(asked: "pc.jones", access: notService) else {
            Issue.record("--as was honoured for an account that is not the service account")
            return
        }
        #expect(refused.message.contains("only for the service account named in the access file (someone-else); you are \(me)"))
        #expect(try Identity.resolve(asked: nil, access: notService).get() == me)
        #expect(try Identity.resolve(asked: "pc.jones", access: Access(members: [], serviceAccount: me)).get() == "pc.jones")
        #expect(throws: IdentityProblem.self) { try Identity.resolve(asked: "pc.jones", access: .open).get() }
    }
}
