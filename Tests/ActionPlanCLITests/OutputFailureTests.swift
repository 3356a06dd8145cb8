import Foundation
import Testing

/// Standard output that cannot be written, and text that must reach a spreadsheet inert: the
/// tool says what happened and exits, and never records a change twice.
@Suite struct OutputFailureTests {
    static let journal = "plans/harrow-vawg-2014-17.journal"

    /// The records in the copy's Harrow journal, a line each.
    static func records(in folder: URL) -> [Substring] {
        let text = (try? String(contentsOf: folder.appendingPathComponent(journal), encoding: .utf8)) ?? ""
        return text.split(separator: "\n")
    }

    @Test func aListToAFullDiskSaysSoAndExitsOne() throws {
        let folder = try JournalCommandTests.copyOfPlans()
        defer { try? FileManager.default.removeItem(at: folder) }
        let full = try #require(FileHandle(forWritingAtPath: "/dev/full"))
        let run = try Runner.run(["list", "harrow"], in: folder, stdout: full)
        #expect(run.status == 1)
        #expect(run.stderr == "actionplan: cannot write the output: No space left on device\n")
    }

    @Test func aListToAClosedPipeExitsQuietly() throws {
        let folder = try JournalCommandTests.copyOfPlans()
        defer { try? FileManager.default.removeItem(at: folder) }
        let pipe = Pipe()
        try pipe.fileHandleForReading.close()
        let run = try Runner.run(["list", "harrow"], in: folder, stdout: pipe.fileHandleForWriting)
        #expect(run.status == 1)
        #expect(run.stderr == "")
    }

    @Test func aNoteWhoseReceiptCannotBePrintedIsRecordedOnceAndSucceeds() throws {
        let folder = try JournalCommandTests.copyOfPlans()
        defer { try? FileManager.default.removeItem(at: folder) }
        let full = try #require(FileHandle(forWritingAtPath: "/dev/full"))
        let run = try Runner.run(["note", "1.1", "Panel met", "--plan", "harrow"], in: folder, stdout: full)
        #expect(run.status == 0, "a script that retried would record it twice")
        #expect(run.stderr.contains("actionplan: recorded line 1: 1.1 note: Panel met ("))
        #expect(run.stderr.contains("its receipt could not be printed: No space left on device"))
        #expect(Self.records(in: folder).count == 1)
    }

    @Test func asGivenTwiceIsRefusedRatherThanTakingTheLast() throws {
        let folder = try JournalCommandTests.copyOfPlans()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try Runner.run(["note", "1.1", "x", "--plan", "harrow", "--as", "pc.jones", "--as", "chair"], in: folder)
        #expect(run.status == 2)
        #expect(run.stderr.contains("--as was given 2 times (pc.jones, chair); give it once"))
        #expect(Self.records(in: folder).isEmpty)
    }

    @Test func notesAndReasonsReachEveryCSVAsTextNotFormulas() throws {
        let folder = try JournalCommandTests.copyOfPlans()
        defer { try? FileManager.default.removeItem(at: folder) }
        let link = "=HYPERLINK(\"http://evil.example\",\"click\")"
        #expect(try Runner.run(["note", "1.1", link, "--plan", "harrow"], in: folder).status == 0)
        #expect(try Runner.run(["update", "2.1", "--plan", "harrow", "--due", "December 2015", "--reason", "+cmd|' /C calc'!A0"], in: folder).status == 0)
        let last = try Runner.run(["note", "2.2", "@SUM(1+1)", "--plan", "harrow"], in: folder)
        #expect(last.status == 0)
        let day = try last.recordedDay()

        let list = try Runner.run(["list", "harrow", "--format", "csv", "--as-of", day], in: folder)
        #expect(list.stdout.contains(",'+cmd|' /C calc'!A0,,,,November 2014 for development,,\r\n"),
                "the reason, empty retired and group cells, then the plan's own note, by nobody at no time")
        #expect(list.stdout.contains("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\")\"") && list.stdout.contains(",'@SUM(1+1),"), "the latest notes")
        #expect(!list.stdout.contains(",+cmd"))
        let report = try Runner.run(["report", "harrow", "--format", "csv", "--as-of", day], in: folder)
        #expect(report.stdout.contains("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\")\""))
        #expect(report.stdout.contains(",'@SUM(1+1),"))
        #expect(!report.stdout.contains(",=") && !report.stdout.contains(",@") && !report.stdout.contains(",+"))
    }
}
