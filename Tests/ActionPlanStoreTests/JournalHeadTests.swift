import ActionPlanModel
@testable import ActionPlanStore
import Foundation
import Testing

/// The journal's head: what a report prints, what `verify --head` checks, and what each account
/// remembers, so that history cut short or rewritten is caught although every line still chains.
@Suite struct JournalHeadTests {
    /// A fixture with `count` records, one a day from 1 May 2015.
    private func fixture(records count: Int) throws -> JournalFixture {
        let fixture = try JournalFixture()
        for day in 1...count {
            try fixture.append(Change(outputID: "1.\(day % 3 + 1)", note: "update \(day)"), by: "pc.jones",
                               at: String(format: "2015-05-%02dT09:00:00Z", day))
        }
        return fixture
    }

    /// The journal's bytes with its last line removed.
    private func withoutLastLine(_ bytes: Data) -> Data {
        let lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).dropLast(2)
        return Data(lines.joined(separator: [UInt8(ascii: "\n")])) + Data("\n".utf8)
    }

    @Test func aHeadIsWrittenLineColonHashAndReadBack() throws {
        let hash = String(repeating: "0123456789abcdef", count: 4)
        #expect(JournalHead("12:" + hash) == JournalHead(lines: 12, hash: hash))
        #expect(JournalHead("12:" + hash.uppercased()) == JournalHead(lines: 12, hash: hash))
        #expect(JournalHead(lines: 12, hash: hash).description == "12:" + hash)
        for bad in ["", "12", "12:", "x:" + hash, "-1:" + hash, "12:" + hash.dropLast(), "12:" + hash + "0", "12:" + hash.dropLast() + "g", " 12:" + hash] {
            #expect(JournalHead(bad) == nil, "\(bad)")
        }
    }

    @Test func aJournalThatOnlyGrewStillHoldsItsHead() throws {
        let fixture = try fixture(records: 3)
        defer { fixture.remove() }
        let head = fixture.read().head
        #expect(head.lines == 3)
        #expect(JournalFile.check(head, against: fixture.read()) == .extends)
        try fixture.append(Change(outputID: "1.1", note: "later"), by: "cps.ali", at: "2015-06-01T09:00:00Z")
        #expect(JournalFile.check(head, against: fixture.read()) == .extends)
        #expect(JournalFile.check(JournalHead(lines: 0, hash: String(repeating: "0", count: 64)), against: fixture.read()) == .extends)
    }

    @Test func theLastRecordDeletedThenOneMoreWrittenIsCaught() throws {
        let fixture = try fixture(records: 3)
        defer { fixture.remove() }
        let head = fixture.read().head
        try withoutLastLine(fixture.journalBytes).write(to: URL(fileURLWithPath: fixture.journalPath))
        try fixture.append(Change(outputID: "1.1", note: "written over"), by: "lead", at: "2015-06-01T09:00:00Z")

        let now = fixture.read()
        // Every line still chains, so a plain verify sees nothing wrong: the head is what shows it.
        #expect(now.head.lines == 3 && now.chainBreak == nil && now.problems.isEmpty)
        #expect(JournalFile.check(head, against: now) == .rewritten(hash: now.head.hash))
    }

    @Test func aJournalCutInHalfThenWrittenOnceMoreIsCaught() throws {
        let fixture = try fixture(records: 6)
        defer { fixture.remove() }
        let head = fixture.read().head
        let bytes = fixture.journalBytes
        try bytes.prefix(bytes.count / 2).write(to: URL(fileURLWithPath: fixture.journalPath))
        try fixture.append(Change(outputID: "1.1", note: "after the cut"), by: "lead", at: "2015-06-01T09:00:00Z")

        let now = fixture.read()
        #expect(now.chainBreak == nil && now.problems.isEmpty)
        #expect(JournalFile.check(head, against: now) == .shorter(lines: now.head.lines))
        #expect(now.head.lines < 6)
    }

    @Test func aLineEditedBeforeTheHeadIsCaughtThoughTheHeadLineStands() throws {
        let fixture = try fixture(records: 3)
        defer { fixture.remove() }
        let head = fixture.read().head
        let edited = String(decoding: fixture.journalBytes, as: UTF8.self).replacingOccurrences(of: "update 1", with: "UPDATE 1")
        try edited.write(toFile: fixture.journalPath, atomically: true, encoding: .utf8)
        #expect(JournalFile.check(head, against: fixture.read()) == .brokenBefore(line: 2))
    }

    @Test func theRememberedHeadWarnsOnceWhenTheLastRecordIsReplaced() throws {
        let fixture = try fixture(records: 3)
        defer { fixture.remove() }
        #expect(fixture.open().headWarning == nil)
        try fixture.append(Change(outputID: "1.1", note: "grows"), by: "cps.ali", at: "2015-06-01T09:00:00Z")
        // Growing is what a journal does: no warning, from the cache or from a full read.
        #expect(fixture.open().headWarning == nil)
        let seen = try #require(fixture.open().journal?.head)

        try withoutLastLine(fixture.journalBytes).write(to: URL(fileURLWithPath: fixture.journalPath))
        try fixture.append(Change(outputID: "1.1", note: "written over"), by: "lead", at: "2015-06-02T09:00:00Z")
        let opened = fixture.open()
        let warning = try #require(opened.headWarning)
        #expect(warning.seen == seen && warning.now == opened.journal?.head && !warning.shorter)
        #expect(warning.message.contains("line 4 is no longer the line you saw"))
        #expect(warning.message.contains(seen.description))
        // Said once: the account has now seen the new head.
        #expect(fixture.open().headWarning == nil)
    }

    @Test func theRememberedHeadWarnsWhenTheJournalIsCutInHalf() throws {
        let fixture = try fixture(records: 6)
        defer { fixture.remove() }
        _ = fixture.open()
        let bytes = fixture.journalBytes
        try bytes.prefix(bytes.count / 2).write(to: URL(fileURLWithPath: fixture.journalPath))
        try fixture.append(Change(outputID: "1.1", note: "after the cut"), by: "lead", at: "2015-06-01T09:00:00Z")
        let warning = try #require(fixture.open().headWarning)
        #expect(warning.shorter && warning.seen.lines == 6)
        #expect(warning.message.contains("fewer than the 6 you saw"))
    }

    @Test func aJournalDeletedKeepsWarningUntilItHoldsLinesAgain() throws {
        let fixture = try fixture(records: 2)
        defer { fixture.remove() }
        _ = fixture.open()
        try FileManager.default.removeItem(atPath: fixture.journalPath)
        #expect(fixture.open().headWarning?.shorter == true)
        #expect(fixture.open().headWarning?.shorter == true)
    }

    @Test func eachAccountRemembersInItsOwnStateFolder() throws {
        let fixture = try fixture(records: 2)
        defer { fixture.remove() }
        _ = fixture.open()
        let state = try #require(fixture.folders.state)
        let names = try FileManager.default.contentsOfDirectory(atPath: state)
        #expect(names.count == 1 && names[0].hasSuffix(".head") && names[0].count == 64 + 5)
        #expect((try FileManager.default.attributesOfItem(atPath: state)[.posixPermissions] as? Int) == 0o700)
        // A head file another account could have written is not believed: no warning from it.
        try "9 \(String(repeating: "f", count: 64)) 0 10\n".write(toFile: state + "/" + names[0], atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o777], ofItemAtPath: state)
        #expect(fixture.open().headWarning == nil)
        try FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: state)
        #expect(fixture.open().headWarning?.shorter == true)
    }
}

@Suite struct PrivateFolderTests {
    @Test func aPathResolvesThroughItsFolderWhenTheFileIsNotThereYet() throws {
        let folder = try #require(PrivateFolder.resolved(FileManager.default.temporaryDirectory.path))
        #expect(PrivateFolder.resolved(folder + "/no-such-\(UUID().uuidString).journal")?.hasPrefix(folder + "/no-such-") == true)
        let here = try #require(PrivateFolder.resolved("."))
        #expect(PrivateFolder.resolved("j") == here + "/j")
        #expect(PrivateFolder.resolved("/no-such-folder-\(UUID().uuidString)/x.journal") == nil)
    }
}
