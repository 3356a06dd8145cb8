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
        guard case .success(let open) = AccessFile.rules(forPlan: fixture.planPath, journal: Journal()) else {
            Issue.record("a missing access file in the running account's own folder is an error")
            return
        }
        #expect(open.isOpen)
        try fixture.append(Change(outputID: "1.3", lead: ["CPS"]), by: "anyone", access: open)
    }

    @Test func theAccessFileIsReadWithoutFollowingALinkAndMustBeARegularFile() throws {
        let fixture = try JournalFixture()
        defer { fixture.remove() }
        let path = AccessFile.path(forPlan: fixture.planPath)
        /// The refusal's message for the access file as it now is, or nil when it is obeyed.
        func refusal() -> String? {
            guard case .failure(let problem) = AccessFile.rules(forPlan: fixture.planPath, journal: Journal()) else { return nil }
            return problem.message
        }
        try "people:\n  - account: chair\n    role: chair\n".write(toFile: fixture.folder.appendingPathComponent("real.yaml").path, atomically: true, encoding: .utf8)

        // A dangling link is not "no access file": it fails closed.
        #expect(symlink(fixture.folder.appendingPathComponent("gone.yaml").path, path) == 0)
        #expect(refusal()?.hasPrefix("\(path) is a symbolic link, not a regular file, so it is not obeyed") == true)
        // Nor is a link to a good file obeyed.
        #expect(unlink(path) == 0 && symlink(fixture.folder.appendingPathComponent("real.yaml").path, path) == 0)
        #expect(refusal()?.hasSuffix("rm \(path)") == true)
        // A FIFO is named as one, and reading it never blocks.
        #expect(unlink(path) == 0 && mkfifo(path, 0o644) == 0)
        #expect(refusal()?.hasPrefix("\(path) is a FIFO, not a regular file") == true)
        #expect(unlink(path) == 0 && mkdir(path, 0o755) == 0)
        #expect(refusal()?.hasPrefix("\(path) is a directory, not a regular file") == true)
        #expect(rmdir(path) == 0 && rename(fixture.folder.appendingPathComponent("real.yaml").path, path) == 0)
        #expect(refusal() == nil)
        let rules = try AccessFile.rules(forPlan: fixture.planPath, journal: Journal()).get()
        #expect(rules.member("chair").role == .chair && !rules.isOpen)
    }

    @Test func aBrokenAccessFileStopsChangesNamingTheFile() throws {
        let fixture = try JournalFixture()
        defer { fixture.remove() }
        let path = AccessFile.path(forPlan: fixture.planPath)
        try "people:\n  - account: chair\n    role: chiar\n".write(toFile: path, atomically: true, encoding: .utf8)
        guard case .failure(let problem) = AccessFile.rules(forPlan: fixture.planPath, journal: Journal()) else {
            Issue.record("a broken access file was obeyed")
            return
        }
        #expect(problem.message == "\(path) has errors, so nothing can be changed until they are fixed")
        #expect(problem.diagnostics.map(\.location.line) == [3])
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

    @Test func aGroupChairIsReadWithTheirGroupsAndNeedsSome() throws {
        let good = AccessFile.load(data: Data("people:\n  - account: og.chair\n    role: group-chair\n    groups: [HPOG]\n".utf8), path: "plans/access.yaml")
        #expect(try good.get().member("og.chair") == Member(account: "og.chair", role: .groupChair, groups: ["HPOG"]))
        let bad = AccessFile.load(data: Data("people:\n  - account: og.coord\n    role: group-coordinator\n".utf8), path: "plans/access.yaml")
        guard case .failure(let problem) = bad else {
            Issue.record("a group coordinator with no groups was accepted")
            return
        }
        #expect(problem.diagnostics.map { "\($0.location.line):\($0.location.column) \($0.message)" }
            == ["3:11 a group-coordinator needs 'groups:', the delivery groups they act for, such as 'groups: [HPOG]'"])
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
