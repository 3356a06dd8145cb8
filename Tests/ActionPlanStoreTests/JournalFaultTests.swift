import ActionPlanModel
import ActionPlanStore
import Foundation
import Testing

/// A write that fails part way (a full disk, a file size limit, an I/O error) or a journal that
/// cannot be cut (`chattr +a`) leaves the journal whole, or says exactly what it left.
@Suite struct JournalFaultTests {
    /// Whether `chattr +a` works here: it needs root and a file system that keeps the attribute.
    static let appendOnlyWorks: Bool = {
        let probe = FileManager.default.temporaryDirectory.appendingPathComponent("actionplan-chattr-\(UUID().uuidString)")
        guard FileManager.default.createFile(atPath: probe.path, contents: Data()) else { return false }
        defer { try? FileManager.default.removeItem(at: probe) }
        let works = (try? chattr("+a", probe.path)) == true
        _ = try? chattr("-a", probe.path)
        return works
    }()

    @discardableResult
    static func chattr(_ flag: String, _ path: String) throws -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/chattr")
        process.arguments = [flag, path]
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus == 0
    }

    /// A journal of two records whose length is 50 bytes short of 1,024: a limit of 1,024 bytes
    /// then lets the next record's write start and fail part way.
    static func journalJustShortOfALimit(_ fixture: JournalFixture) throws -> Data {
        try fixture.append(Change(outputID: "1.1", note: "x"))
        let one = fixture.journalBytes.count
        // The second record is the first's length, less its one-letter note, plus the padding.
        try fixture.append(Change(outputID: "1.1", note: String(repeating: "p", count: 1_024 - 50 - 2 * one + 1)))
        let bytes = fixture.journalBytes
        try #require(bytes.count == 1_024 - 50, "the journal is \(bytes.count) bytes")
        return bytes
    }

    /// Runs the `journal-stress` helper to append one note, with files limited to 1,024 bytes
    /// (`ulimit -f 2`) and SIGXFSZ ignored, so that a write past the limit fails with EFBIG.
    static func appendUnderALimit(_ fixture: JournalFixture) throws -> (status: Int32, stderr: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "trap '' XFSZ; ulimit -f 2; exec \"$0\" \"$@\"", JournalConcurrencyTests.stress.path,
                             fixture.planPath, "limited", "1", "1.2"]
        let err = Pipe()
        process.standardError = err
        try process.run()
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, stderr)
    }

    @Test func anAppendThatFailsPartWayIsCutBackAndARetryLeavesNoTornFile() throws {
        let fixture = try JournalFixture()
        defer { fixture.remove() }
        let before = try Self.journalJustShortOfALimit(fixture)

        let limited = try Self.appendUnderALimit(fixture)
        #expect(limited.status == 1)
        #expect(limited.stderr.contains("cannot write \(fixture.journalPath): File too large"), "\(limited.stderr)")
        #expect(!limited.stderr.contains("remain"))
        #expect(fixture.journalBytes == before, "no half record is left behind")

        try fixture.append(Change(outputID: "1.2", note: "retried"))
        #expect(!FileManager.default.fileExists(atPath: JournalFile.tornPath(fixture.journalPath)))
        let after = fixture.read()
        #expect(after.problems.isEmpty && after.chainBreak == nil)
        #expect(after.journal.records.map(\.line) == [1, 2, 3])
    }

    @Test(.enabled(if: JournalFaultTests.appendOnlyWorks, "chattr +a does not work here (it needs root and a file system that keeps the attribute)"))
    func aPartialRecordThatCannotBeCutBackIsReportedAsExactlyThat() throws {
        let fixture = try JournalFixture()
        defer { fixture.remove() }
        let before = try Self.journalJustShortOfALimit(fixture)
        try #require(try Self.chattr("+a", fixture.journalPath))
        defer { _ = try? Self.chattr("-a", fixture.journalPath) }

        let limited = try Self.appendUnderALimit(fixture)
        #expect(limited.status == 1)
        #expect(limited.stderr.contains("and it could not be cut back (Operation not permitted): 50 bytes of a partial record remain at the end of \(fixture.journalPath); readers treat it as cut off"),
                "\(limited.stderr)")
        let bytes = fixture.journalBytes
        #expect(bytes.count == before.count + 50 && bytes.starts(with: before))
        #expect(fixture.read().tornBytes == 50)
    }

    @Test(.enabled(if: JournalFaultTests.appendOnlyWorks, "chattr +a does not work here (it needs root and a file system that keeps the attribute)"))
    func aTornLineThatCannotBeCutIsNeverCopiedTwice() throws {
        let fixture = try JournalFixture()
        defer { fixture.remove() }
        try fixture.append(Change(outputID: "1.1", note: "whole"))
        let torn = #"{"at":"2015-05-01T09:00:00Z","by":"cut","no"#
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: fixture.journalPath))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(torn.utf8))
        try handle.close()
        let side = JournalFile.tornPath(fixture.journalPath)

        try #require(try Self.chattr("+a", fixture.journalPath))
        defer { _ = try? Self.chattr("-a", fixture.journalPath) }
        for attempt in 1...3 {
            do {
                try fixture.append(Change(outputID: "1.1", note: "next"))
                Issue.record("attempt \(attempt): recorded although the cut-off line could not be set aside")
            } catch {
                #expect(error.message.contains("cannot cut it from the journal: Operation not permitted"), "\(error.message)")
            }
            #expect(!FileManager.default.fileExists(atPath: side), "attempt \(attempt): no side file, not even an empty one")
        }
        // A side file that was already there is put back as it was.
        try "earlier\n".write(toFile: side, atomically: false, encoding: .utf8)
        #expect(throws: WriteRefusal.self) { try fixture.append(Change(outputID: "1.1", note: "next")) }
        #expect(try String(contentsOfFile: side, encoding: .utf8) == "earlier\n")

        try Self.chattr("-a", fixture.journalPath)
        try fixture.append(Change(outputID: "1.1", note: "next"))
        #expect(try String(contentsOfFile: side, encoding: .utf8) == "earlier\n" + torn + "\n")
        #expect(fixture.read().journal.records.map(\.change.note) == ["whole", "next"])
    }
}
