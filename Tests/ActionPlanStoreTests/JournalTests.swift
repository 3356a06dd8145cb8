import ActionPlanModel
import ActionPlanStore
import Foundation
import Testing

@Suite struct JournalTests {
    @Test func recordsAreReadBackInOrderWithAnIntactChain() throws {
        let fixture = try JournalFixture()
        defer { fixture.remove() }
        try fixture.append(Change(outputID: "1.1", status: .atRisk, note: "Trainer off sick"), by: "pc.jones")
        try fixture.append(Change(outputID: "1.1", due: "June 2015", reason: "new trainer starts in May"), by: "chair", at: "2015-05-02T10:00:00Z")
        try fixture.append(Change(outputID: "1.3", status: .complete), by: "lscb.lead", at: "2015-07-01T08:00:00Z")

        let loaded = fixture.read()
        #expect(loaded.problems.isEmpty)
        #expect(loaded.chainBreak == nil)
        #expect(loaded.journal.records.map(\.line) == [1, 2, 3])
        #expect(loaded.journal.records.map(\.by) == ["pc.jones", "chair", "lscb.lead"])
        #expect(loaded.journal.history(of: "1.1", in: fixture.plan).map(\.summary) == [
            "status at-risk; note: Trainer off sick", "due June 2015 (new trainer starts in May)",
        ])

        let lines = String(decoding: fixture.journalBytes, as: UTF8.self).split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines[0] == #"{"at":"2015-05-01T09:00:00Z","by":"pc.jones","note":"Trainer off sick","output":"1.1","prev":"0000000000000000000000000000000000000000000000000000000000000000","status":"at-risk"}"#)
    }

    @Test func theFoldShowsThePlanAsItStoodOnADay() throws {
        let fixture = try JournalFixture()
        defer { fixture.remove() }
        try fixture.append(Change(outputID: "1.1", status: .atRisk, note: "Trainer off sick"), by: "pc.jones")
        try fixture.append(Change(outputID: "1.1", due: "June 2015", reason: "new trainer"), by: "chair", at: "2015-05-02T10:00:00Z")
        try fixture.append(Change(outputID: "1.1", status: .complete, note: "Done"), by: "pc.jones", at: "2015-07-01T08:00:00Z")
        let journal = fixture.read().journal

        func output(on text: String) throws -> Output {
            let day = try #require(Day(iso: text))
            return try #require(fixture.plan.folded(with: journal, through: day).entries.first?.output)
        }
        let before = try output(on: "2015-04-30")
        #expect(before.status == nil && before.due.written == "April 2015" && before.revision == nil)

        let may = try output(on: "2015-05-31")
        #expect(may.status == .atRisk)
        #expect(may.due.written == "June 2015")
        #expect(may.revision?.original.written == "April 2015")
        #expect(may.revision?.by == "chair" && may.revision?.reason == "new trainer")
        #expect(may.latestNote?.text == "Trainer off sick" && may.latestNote?.by == "pc.jones")
        // Judged against the revised date: not overdue at the end of May, and updated this quarter.
        let endOfMay = try #require(Day(iso: "2015-05-31"))
        let plan = fixture.plan.folded(with: journal, through: endOfMay)
        #expect(plan.assess(may, asOf: endOfMay).flags == [.dueSoon])
        #expect(plan.assess(may, asOf: endOfMay).rating.rag == .amber)

        let july = try output(on: "2015-07-01")
        #expect(july.status == .complete && july.latestNote?.text == "Done")
        #expect(july.lastUpdate?.description == "2015-07-01")
        #expect(journal.history(of: "1.1", in: fixture.plan, through: endOfMay).count == 2)
    }

    @Test func anEditedLineBreaksTheChainAtTheNextLine() throws {
        let fixture = try JournalFixture()
        defer { fixture.remove() }
        for n in 1...4 { try fixture.append(Change(outputID: "1.1", note: "note \(n)")) }
        let text = String(decoding: fixture.journalBytes, as: UTF8.self).replacingOccurrences(of: "note 2", with: "note 9")
        try text.write(toFile: fixture.journalPath, atomically: true, encoding: .utf8)

        let loaded = fixture.read()
        #expect(loaded.chainBreak == 3)
        #expect(loaded.problems.map(\.location.line) == [3])
        #expect(loaded.problems.first?.message.contains("the history was edited") == true)
        // The plan still loads, without the edited line and the one that no longer follows it.
        #expect(loaded.journal.records.map(\.line) == [1, 4])
    }

    @Test func badLinesAreReportedByLineAndTheRestStillLoads() throws {
        let fixture = try JournalFixture()
        defer { fixture.remove() }
        try fixture.append(Change(outputID: "1.1", note: "first"))
        var bytes = fixture.journalBytes
        bytes.append(Data("this is not json\n".utf8))
        // Written by hand, so neither follows from the line before it: each is reported as that.
        bytes.append(Data(#"{"at":"2015-05-01T09:00:00Z","by":"x","note":"n","output":"9.9","prev":"x"}"#.utf8 + [10]))
        bytes.append(Data(#"{"at":"2015-05-01T09:00:00Z","by":"x","output":"1.1","prev":"x","status":"amberish"}"#.utf8 + [10]))
        try bytes.write(to: URL(fileURLWithPath: fixture.journalPath))
        try fixture.append(Change(outputID: "1.2", note: "after the damage"))

        let loaded = fixture.read()
        let problems = loaded.problems.map { "\($0.location.line): \($0.message.prefix(40))" }
        #expect(problems == [
            "2: not a journal record (it is not the JSON",
            "3: the history was edited: this record does",
            "4: the history was edited: this record does",
        ])
        #expect(loaded.journal.records.map(\.line) == [1, 5])
        #expect(loaded.chainBreak == 2)
    }

    @Test func aRecordAboutAnOutputNoLongerInThePlanIsKeptAndWarnedAbout() throws {
        let fixture = try JournalFixture()
        defer { fixture.remove() }
        // Chained as actionplan writes them; the plan's 9.9 was since renumbered away.
        let at = try #require(Timestamp("2015-05-01T09:00:00Z"))
        try JournalFile.encode(Journal([
            Record(line: 1, at: at, by: "x", change: Change(outputID: "9.9", note: "n")),
            Record(line: 2, at: at, by: "x", change: Change(outputID: "1.1", note: "kept")),
        ])).write(to: URL(fileURLWithPath: fixture.journalPath))
        let loaded = fixture.read()
        #expect(loaded.problems.isEmpty)
        #expect(loaded.journal.records.map(\.line) == [1, 2])
        #expect(loaded.chainBreak == nil)
        #expect(loaded.journal.history(of: "9.9", in: fixture.plan).map(\.summary) == ["note: n"])
        let warnings = loaded.unplacedWarnings(in: fixture.plan)
        #expect(warnings.map { "\($0.severity) \($0.location.line)" } == ["warning 1"])
        #expect(warnings.first?.message.hasPrefix("output '9.9' is not in the plan, but 1 record is about it (line 1); its history is kept") == true)
    }

    @Test func aCutOffLastLineIsSetAsideByTheNextWriterNotLost() throws {
        let fixture = try JournalFixture()
        defer { fixture.remove() }
        try fixture.append(Change(outputID: "1.1", note: "whole"))
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: fixture.journalPath))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(#"{"at":"2015-05-01T09:00:00Z","by":"cut","no"#.utf8))
        try handle.close()

        let seen = fixture.read()
        #expect(seen.tornBytes == 43)
        #expect(seen.journal.records.count == 1)
        #expect(seen.problems.map(\.severity) == [.warning])
        #expect(seen.problems.first?.message.contains("line 2 is incomplete") == true)

        let result = try JournalWriter.append(Change(outputID: "1.1", note: "next"), planPath: fixture.planPath, plan: fixture.plan,
                                              access: .open, account: "officer", basis: .knowingly, now: Clock.now())
        #expect(result.setAside == 43)
        #expect(result.record.line == 2)
        let side = try String(contentsOfFile: JournalFile.tornPath(fixture.journalPath), encoding: .utf8)
        #expect(side == #"{"at":"2015-05-01T09:00:00Z","by":"cut","no"# + "\n")
        let after = fixture.read()
        #expect(after.problems.isEmpty && after.chainBreak == nil)
        #expect(after.journal.records.map(\.change.note) == ["whole", "next"])
    }

    @Test func anUpdateFromAStaleViewIsRefusedWithTheNewerRecord() throws {
        let fixture = try JournalFixture()
        defer { fixture.remove() }
        try fixture.append(Change(outputID: "1.1", status: .onTrack), by: "pc.jones")
        let seen = fixture.read().journal.head(of: "1.1", in: fixture.plan)
        #expect(seen == 1)
        try fixture.append(Change(outputID: "1.1", status: .offTrack, note: "Venue lost"), by: "pc.smith", basis: .saw(seen))
        let size = fixture.journalBytes.count

        #expect {
            try fixture.append(Change(outputID: "1.1", status: .complete), by: "pc.jones", basis: .saw(seen))
        } throws: { error in
            guard case WriteRefusal.conflict(let newer) = error else { return false }
            return newer.line == 2 && newer.by == "pc.smith" && (error as? WriteRefusal)?.message.contains("Venue lost") == true
        }
        #expect(fixture.journalBytes.count == size)
        // Another output's update is no conflict, and a knowing repeat goes through.
        try fixture.append(Change(outputID: "1.2", note: "unrelated"), basis: .saw(0))
        try fixture.append(Change(outputID: "1.1", status: .complete), by: "pc.jones", basis: .knowingly)
        #expect(fixture.read().journal.records.count == 4)
    }

    @Test func anInvalidChangeWritesNothingNotEvenAnEmptyFile() throws {
        let fixture = try JournalFixture()
        defer { fixture.remove() }
        for (change, phrase) in [
            (Change(outputID: "1.1", status: .atRisk), "needs a progress note"),
            (Change(outputID: "1.1", due: "June 2015"), "needs its reason"),
            (Change(outputID: "1.1", due: "Summer", reason: "x"), "is not a completion date"),
            (Change(outputID: "1.1"), "nothing to record"),
            (Change(outputID: "1.9", note: "x"), "did you mean 1.1?"),
        ] {
            #expect(throws: WriteRefusal.self) { try fixture.append(change) }
            do { try fixture.append(change) } catch { #expect(error.message.contains(phrase), "\(error.message)") }
        }
        #expect(!FileManager.default.fileExists(atPath: fixture.journalPath))
    }
}
