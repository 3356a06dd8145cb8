import Foundation
import Testing

/// What lies in the plans folder is not always what the tool expects: FIFOs, folders, links and
/// hard links where its files should be. None of them hangs a command, is followed, or is replaced.
@Suite struct FileSafetyTests {
    /// A copy of the bundled plans, and the paths of Harrow's own files in it.
    struct Plans {
        let folder: URL
        var plans: URL { folder.appendingPathComponent("plans") }
        var plan: URL { plans.appendingPathComponent("harrow-vawg-2014-17.yaml") }
        var journal: URL { plans.appendingPathComponent("harrow-vawg-2014-17.journal") }
        var cache: URL { plans.appendingPathComponent(".harrow-vawg-2014-17.cache") }
        var access: URL { plans.appendingPathComponent("access.yaml") }

        init() throws { folder = try JournalCommandTests.copyOfPlans() }

        /// Runs the tool in the copy; a run that hangs is stopped after 20 s and fails the test.
        func run(_ arguments: [String]) throws -> Run { try Runner.run(arguments, in: folder, timeout: 20) }

        func fifo(_ file: URL) throws {
            try #require(mkfifo(file.path, 0o644) == 0, "mkfifo \(file.path): \(String(cString: strerror(errno)))")
        }

        func remove() { try? FileManager.default.removeItem(at: folder) }
    }

    @Test func aFIFOAsTheJournalStopsEveryCommandWithAMessageInsteadOfHanging() throws {
        let plans = try Plans()
        defer { plans.remove() }
        try plans.fifo(plans.journal)
        let says = "plans/harrow-vawg-2014-17.journal is a FIFO, not a regular file"
        for arguments in [["verify", "plans/harrow-vawg-2014-17.yaml"], ["list", "harrow"], ["note", "1.1", "hello", "--plan", "harrow"],
                          ["report", "harrow", "-o", "r.html"]] {
            let run = try plans.run(arguments)
            #expect(run.status == 1, "\(arguments): \(run.stdout)\(run.stderr)")
            #expect((run.stdout + run.stderr).contains(says), "\(arguments): \(run.stdout)\(run.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: plans.folder.appendingPathComponent("r.html").path))
    }

    @Test func aFIFOAsTheCacheIsPassedOverAndTheFilesAreRead() throws {
        let plans = try Plans()
        defer { plans.remove() }
        #expect(try plans.run(["note", "1.1", "before the FIFO", "--plan", "harrow"]).status == 0)
        try? FileManager.default.removeItem(at: plans.cache)
        try plans.fifo(plans.cache)
        let history = try plans.run(["history", "1.1", "--plan", "harrow"])
        #expect(history.status == 0, "\(history.stderr)")
        #expect(history.stdout.contains("before the FIFO"))
        let note = try plans.run(["note", "1.1", "with the FIFO", "--plan", "harrow"])
        #expect(note.status == 0, "\(note.stderr)")
        var info = stat()
        #expect(lstat(plans.cache.path, &info) == 0 && info.st_mode & S_IFMT == S_IFIFO, "the FIFO is left alone, not replaced")
    }

    @Test(arguments: ["FIFO", "directory"])
    func anAccessFileThatIsNoFileSaysWhatItIs(kind: String) throws {
        let plans = try Plans()
        defer { plans.remove() }
        if kind == "FIFO" {
            try plans.fifo(plans.access)
        } else {
            try FileManager.default.createDirectory(at: plans.access, withIntermediateDirectories: false)
        }
        let note = try plans.run(["note", "1.1", "hello", "--plan", "harrow"])
        #expect(note.status == 1)
        #expect(note.stderr.contains("plans/access.yaml is a \(kind), not a regular file"), "\(note.stderr)")
        #expect(!note.stderr.contains("permission"))
        #expect(!FileManager.default.fileExists(atPath: plans.journal.path))
    }

    @Test func verifySaysWhenThereIsNoJournalYetAndFailsOnAFolderInItsPlace() throws {
        let plans = try Plans()
        defer { plans.remove() }
        let none = try plans.run(["verify", "plans/harrow-vawg-2014-17.yaml"])
        #expect(none.status == 0)
        #expect(none.stdout == "plans/harrow-vawg-2014-17.journal: no journal yet: nothing recorded\n")
        try FileManager.default.createDirectory(at: plans.journal, withIntermediateDirectories: false)
        let folder = try plans.run(["verify", "plans/harrow-vawg-2014-17.yaml"])
        #expect(folder.status == 1)
        #expect(folder.stdout.contains("plans/harrow-vawg-2014-17.journal is a directory, not a regular file"), "\(folder.stdout)")
        #expect(!folder.stdout.contains("intact"))
    }

    @Test func reportOutputNeverReplacesThePlansOwnFilesNorAnythingButARegularFile() throws {
        let plans = try Plans()
        defer { plans.remove() }
        #expect(try plans.run(["note", "1.1", "kept", "--plan", "harrow"]).status == 0)
        try "people:\n  - account: someone\n    role: chair\n".write(to: plans.access, atomically: true, encoding: .utf8)
        try "cut-off\n".write(to: plans.plans.appendingPathComponent("harrow-vawg-2014-17.journal.torn"), atomically: true, encoding: .utf8)
        let other = plans.folder.appendingPathComponent("private.txt")
        try "mine\n".write(to: other, atomically: true, encoding: .utf8)
        let fm = FileManager.default
        try fm.linkItem(at: plans.journal, to: plans.folder.appendingPathComponent("linked-journal.md"))
        try fm.linkItem(at: plans.access, to: plans.folder.appendingPathComponent("linked-access.md"))
        try fm.createSymbolicLink(at: plans.folder.appendingPathComponent("link.html"), withDestinationURL: other)
        try fm.createDirectory(at: plans.folder.appendingPathComponent("folder.md"), withIntermediateDirectories: false)
        try plans.fifo(plans.folder.appendingPathComponent("pipe.csv"))
        let before = try [plans.plan, plans.journal, plans.access, other, plans.plans.appendingPathComponent("harrow-vawg-2014-17.journal.torn")]
            .map { try Data(contentsOf: $0) }

        let refused: [(String, String)] = [
            ("plans/harrow-vawg-2014-17.journal", "plans/harrow-vawg-2014-17.journal is the plan's journal"),
            ("plans/../plans/harrow-vawg-2014-17.journal.torn", "is where the journal's cut-off lines are kept"),
            ("linked-journal.md", "linked-journal.md is the plan's journal"),
            ("linked-access.md", "linked-access.md is the access file"),
            ("link.html", "link.html is a symbolic link, not a regular file"),
            ("folder.md", "folder.md is a directory, not a regular file"),
            ("pipe.csv", "pipe.csv is a FIFO, not a regular file"),
        ]
        for (output, message) in refused {
            let run = try plans.run(["report", "harrow", "-o", output])
            #expect(run.status == 1, "-o \(output): \(run.stdout)\(run.stderr)")
            #expect(run.stderr.contains(message), "-o \(output): \(run.stderr)")
        }
        let plan = try plans.run(["report", "harrow", "--format", "md", "-o", "plans/harrow-vawg-2014-17.yaml"])
        #expect(plan.status == 2)
        let after = try [plans.plan, plans.journal, plans.access, other, plans.plans.appendingPathComponent("harrow-vawg-2014-17.journal.torn")]
            .map { try Data(contentsOf: $0) }
        #expect(after == before)
        var info = stat()
        #expect(lstat(plans.folder.appendingPathComponent("link.html").path, &info) == 0 && info.st_mode & S_IFMT == S_IFLNK)
        #expect(lstat(plans.folder.appendingPathComponent("pipe.csv").path, &info) == 0 && info.st_mode & S_IFMT == S_IFIFO)
        #expect(try plans.run(["verify", "plans/harrow-vawg-2014-17.yaml"]).status == 0)
        // Nothing was left behind: no temporary file beside any of them.
        #expect(try fm.contentsOfDirectory(atPath: plans.folder.path).filter { $0.hasSuffix(".tmp") }.isEmpty)
        #expect(try fm.contentsOfDirectory(atPath: plans.plans.path).filter { $0.hasSuffix(".tmp") }.isEmpty)
    }

    @Test func theReportsFormFollowsItsFileNameOrIsRefused() throws {
        let plans = try Plans()
        defer { plans.remove() }
        let xls = try plans.run(["report", "harrow", "-o", "r.xls"])
        #expect(xls.status == 2)
        #expect(xls.stderr.contains("a report is not .xls; it is html, md, csv, json or xlsx. Write r.csv instead"), "\(xls.stderr)")
        let pdf = try plans.run(["report", "harrow", "-o", "r.pdf"])
        #expect(pdf.status == 2)
        #expect(pdf.stderr.contains("Write r.html instead"), "\(pdf.stderr)")
        let contradicts = try plans.run(["report", "harrow", "--format", "csv", "-o", "r.html"])
        #expect(contradicts.status == 2)
        #expect(contradicts.stderr.contains("--format csv contradicts -o r.html, whose extension is html"), "\(contradicts.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: plans.folder.path) == ["plans"], "nothing is written when refused")

        let htm = try plans.run(["report", "harrow", "-o", "r.htm"])
        #expect(htm.stdout.contains("report (html, "))
        #expect(try String(contentsOf: plans.folder.appendingPathComponent("r.htm"), encoding: .utf8).hasPrefix("<!DOCTYPE html>"))
        let agreeing = try plans.run(["report", "harrow", "--format", "json", "-o", "r.JSON"])
        #expect(agreeing.status == 0 && agreeing.stdout.contains("report (json, "))
        let plain = try plans.run(["report", "harrow", "-o", "r"])
        #expect(plain.status == 0 && plain.stdout.contains("report (md, "))
    }
}
