import ActionPlanModel
import ActionPlanStore
import Foundation
import Testing

/// Lines of more than one kind in one journal: each read into its own array, one chain through all.
@Suite struct JournalKindsTests {
    private func time(_ text: String) throws -> Timestamp { try #require(Timestamp(text)) }

    /// An output change, a figure and another change, chained as actionplan writes them.
    private func mixed() throws -> Journal {
        try Journal(
            [Record(line: 1, at: time("2015-05-01T09:00:00Z"), by: "pc.jones", change: Change(outputID: "1.1", note: "first")),
             Record(line: 3, at: time("2015-07-02T09:00:00Z"), by: "chair", change: Change(outputID: "1.2", status: .complete))],
            figures: [FigureRecord(line: 2, at: time("2015-07-01T09:00:00Z"), by: "marac.lead",
                                   figure: Figure(indicatorID: "M1", period: "Q1 2015/16", value: 187, area: "RBKC", note: "from SafeLives"))])
    }

    @Test func eachKindIsReadIntoItsOwnArrayInLineOrder() throws {
        let fixture = try JournalFixture()
        defer { fixture.remove() }
        try JournalFile.encode(mixed()).write(to: URL(fileURLWithPath: fixture.journalPath))
        let lines = String(decoding: fixture.journalBytes, as: UTF8.self).split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines[1].hasPrefix(#"{"area":"RBKC","at":"2015-07-01T09:00:00Z","by":"marac.lead","indicator":"M1","note":"from SafeLives","period":"Q1 2015/16","prev":""#))
        #expect(lines[1].hasSuffix(#","value":187}"#))

        let loaded = fixture.read()
        #expect(loaded.problems.isEmpty)
        #expect(loaded.journal == (try mixed()))
        #expect(loaded.journal.records.map(\.line) == [1, 3])
        #expect(loaded.journal.figures.map(\.figure.value) == [187])
        #expect(loaded.journal.count == 3)
    }

    @Test func anEditedFigureBreaksTheChainLikeAnyLine() throws {
        let fixture = try JournalFixture()
        defer { fixture.remove() }
        try JournalFile.encode(mixed()).write(to: URL(fileURLWithPath: fixture.journalPath))
        let text = String(decoding: fixture.journalBytes, as: UTF8.self).replacingOccurrences(of: #""value":187"#, with: #""value":87"#)
        try text.write(toFile: fixture.journalPath, atomically: true, encoding: .utf8)

        let loaded = fixture.read()
        #expect(loaded.chainBreak == 3)
        // The edited figure and the line after it are both left out.
        #expect(loaded.journal.figures.isEmpty)
        #expect(loaded.journal.records.map(\.line) == [1])
    }

    @Test func aLineOfNoKnownKindIsReportedAndSkipped() throws {
        let fixture = try JournalFixture()
        defer { fixture.remove() }
        try fixture.append(Change(outputID: "1.1", note: "first"))
        // A kind this version does not know, chained properly, then an ordinary note after it.
        let previous = fixture.read().head.hash
        let digest = #"{"at":"2015-05-02T09:00:00Z","by":"x","digest":"weekly","prev":"\#(previous)"}"#
        try (String(decoding: fixture.journalBytes, as: UTF8.self) + digest + "\n").write(toFile: fixture.journalPath, atomically: true, encoding: .utf8)
        try fixture.append(Change(outputID: "1.1", note: "after"), at: "2015-05-03T09:00:00Z")

        let loaded = fixture.read()
        #expect(loaded.problems.map(\.location.line) == [2])
        #expect(loaded.problems.first?.message.hasPrefix("the line names no output or indicator") == true)
        #expect(loaded.chainBreak == nil)
        #expect(loaded.journal.records.map(\.line) == [1, 3])
    }

    @Test func aFigureDatedBeforeTheLineItFollowsIsSkipped() throws {
        let fixture = try JournalFixture()
        defer { fixture.remove() }
        let late = try Journal([Record(line: 1, at: time("2015-08-01T09:00:00Z"), by: "x", change: Change(outputID: "1.1", note: "n"))],
                               figures: [FigureRecord(line: 2, at: time("2015-07-01T09:00:00Z"), by: "x", figure: Figure(indicatorID: "M1", period: "Q1 2015/16", value: 1))])
        try JournalFile.encode(late).write(to: URL(fileURLWithPath: fixture.journalPath))
        let loaded = fixture.read()
        #expect(loaded.chainBreak == 2)
        #expect(loaded.journal.figures.isEmpty)
        #expect(loaded.problems.first?.message.contains("before line 1") == true)
    }

    @Test func theCacheCarriesFiguresAndReadsOnlyWhatFollows() throws {
        let fixture = try JournalFixture()
        defer { fixture.remove() }
        try JournalFile.encode(mixed()).write(to: URL(fileURLWithPath: fixture.journalPath))
        let first = fixture.open()
        #expect(first.usedCache == false)
        try fixture.append(Change(outputID: "1.3", note: "later"), at: "2015-08-01T09:00:00Z")
        let second = fixture.open()
        #expect(second.usedCache)
        #expect(second.journal?.journal.figures == (try mixed()).figures)
        #expect(second.journal?.journal.records.map(\.line) == [1, 3, 4])
        #expect(second.journal?.problems.isEmpty == true)
    }
}
