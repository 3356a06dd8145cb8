import ActionPlanModel
@testable import ActionPlanStore
import Foundation
import Testing

/// `digest` lines: written through the one write path by the chair or coordinator only, read
/// back into `Journal.digests`, chained with the rest.
@Suite struct DigestJournalTests {
    let access = Access(members: [Member(account: "coord", role: .coordinator), Member(account: "pc.jones", role: .lead, agencies: ["Police"])])
    let sent = DigestSent(account: "pc.jones", address: "pc.jones@met.example", agencies: ["Police"], outputIDs: ["1.1", "1.2"],
                          asOf: Day(year: 2015, month: 6, day: 20) ?? .allRecords)

    func send(_ fixture: JournalFixture, _ sent: DigestSent, by account: String) throws(WriteRefusal) {
        try JournalWriter.append(.digest(sent), planPath: fixture.planPath, plan: fixture.plan, access: access, account: account,
                                 basis: .knowingly, now: Timestamp("2015-06-22T08:00:00Z") ?? Clock.now())
    }

    @Test func theCoordinatorsSendIsReadBackBesideTheUpdates() throws {
        let fixture = try JournalFixture()
        defer { fixture.remove() }
        try fixture.append(Change(outputID: "1.1", note: "first"), by: "coord", access: access)
        try send(fixture, sent, by: "coord")
        let loaded = fixture.read()
        #expect(loaded.problems.isEmpty)
        #expect(loaded.journal.digests == [DigestRecord(line: 2, at: Timestamp("2015-06-22T08:00:00Z") ?? Clock.now(), by: "coord", sent: sent)])
        #expect(loaded.journal.records.map(\.line) == [1])
        let line = String(decoding: fixture.journalBytes, as: UTF8.self).split(separator: "\n").last ?? ""
        #expect(line.hasPrefix(#"{"agencies":["Police"],"as_of":"2015-06-20","at":"2015-06-22T08:00:00Z","by":"coord","digest":"pc.jones","outputs":["1.1","1.2"],"prev":""#))
        #expect(line.hasSuffix(#"","to":"pc.jones@met.example"}"#))
    }

    @Test func aLeadMayNotRecordOneAndNorMayAnyoneForAnOutputNotInThePlan() throws {
        let fixture = try JournalFixture()
        defer { fixture.remove() }
        #expect(throws: WriteRefusal.self) { try send(fixture, sent, by: "pc.jones") }
        var unknown = sent
        unknown.outputIDs = ["9.9"]
        #expect(throws: WriteRefusal.self) { try send(fixture, unknown, by: "coord") }
        #expect(fixture.journalBytes.isEmpty)
    }
}
