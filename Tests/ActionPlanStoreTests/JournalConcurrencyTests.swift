import ActionPlanModel
import ActionPlanStore
import Foundation
import Testing

/// Many writers at once, and writers killed mid-run: no record lost, none corrupted.
@Suite struct JournalConcurrencyTests {
    /// The `journal-stress` helper that `swift build` put beside this test bundle.
    static var stress: URL {
        let products = Bundle.main.bundleURL.pathExtension == "xctest"
            ? Bundle.main.bundleURL.deletingLastPathComponent() : Bundle.main.bundleURL
        return products.appendingPathComponent("journal-stress")
    }

    /// Starts a process appending `count` notes as `account`, cycling through `ids`.
    static func writer(_ fixture: JournalFixture, _ account: String, _ count: Int, _ ids: [String]) throws -> Process {
        let process = Process()
        process.executableURL = stress
        process.arguments = [fixture.planPath, account, String(count)] + ids
        try process.run()
        return process
    }

    /// The size of the file at `path`, 0 while there is none.
    static func size(of path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int) ?? 0
    }

    /// Waits until `done` holds, while `process` runs, for at most a minute (a bound for a stuck
    /// writer, not a time the test expects); whether `done` came to hold.
    static func wait(until done: () -> Bool, while process: Process) -> Bool {
        let deadline = Date().addingTimeInterval(60)
        while !done(), process.isRunning, Date() < deadline { usleep(1_000) }
        return done()
    }

    @Test func eightProcessesOfTwoHundredPlainNotesAreAllRecordedAndNoneRefused() throws {
        let fixture = try JournalFixture()
        defer { fixture.remove() }
        // Half the writers share one output; the others spread over all three.
        let writers = try (1...8).map { n in
            try Self.writer(fixture, "w\(n)", 200, n <= 4 ? ["1.1"] : ["1.1", "1.2", "1.3"])
        }
        for writer in writers { writer.waitUntilExit() }
        #expect(writers.allSatisfy { $0.terminationStatus == 0 })

        let loaded = fixture.read()
        #expect(loaded.problems.isEmpty)
        #expect(loaded.chainBreak == nil)
        #expect(loaded.journal.records.count == 1_600)
        #expect(loaded.journal.records.map(\.line) == Array(1...1_600))
        for n in 1...8 {
            // Every writer's notes, each once, in the order it wrote them.
            let notes = loaded.journal.records.filter { $0.by == "w\(n)" }.compactMap(\.change.note)
            #expect(notes == (1...200).map { "w\(n) #\($0)" })
        }
        #expect(loaded.journal.history(of: "1.1", in: fixture.plan).count == 4 * 200 + 4 * 67)
    }

    @Test func aWriterKilledAtAnyMomentNeverCorruptsEarlierRecords() throws {
        let fixture = try JournalFixture()
        defer { fixture.remove() }
        var before = Data()
        for round in 1...6 {
            let writer = try Self.writer(fixture, "k\(round)", 100_000, ["1.1", "1.2"])
            // Let it write until the journal has grown by a varying amount, then kill it without
            // warning: its own progress decides when, not a guess at how fast this machine is.
            let grown = before.count + round * 4_096
            try #require(Self.wait(until: { Self.size(of: fixture.journalPath) >= grown }, while: writer), "round \(round): the writer wrote nothing")
            kill(writer.processIdentifier, SIGKILL)
            writer.waitUntilExit()

            let now = fixture.journalBytes
            #expect(now.starts(with: before), "round \(round): earlier bytes changed")
            let loaded = fixture.read()
            #expect(loaded.chainBreak == nil, "round \(round)")
            #expect(loaded.problems.allSatisfy { $0.severity == .warning }, "round \(round)")
            #expect(loaded.journal.records.count > 0)
            before = now.prefix(loaded.length)
        }
        // A final writer finishes cleanly on top of whatever the last kill left.
        let last = try Self.writer(fixture, "final", 5, ["1.3"])
        last.waitUntilExit()
        let loaded = fixture.read()
        #expect(loaded.problems.isEmpty && loaded.chainBreak == nil)
        #expect(loaded.journal.records.suffix(5).map(\.by) == Array(repeating: "final", count: 5))
    }
}
