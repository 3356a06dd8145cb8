import ActionPlanModel
@testable import ActionPlanStore
import Foundation
import Testing

/// The load cache's encoding is derived from the model's types: every shape round-trips, and bytes
/// of another shape are refused rather than misread.
@Suite struct CompactCoderTests {
    private func roundTrip<Value: Codable>(_ value: Value) throws -> Value {
        try CompactDecoder.decode(Value.self, from: CacheReader(try CompactEncoder.encode(value)))
    }

    @Test func everyShapeOfThePlanAndItsRecordsRoundTrips() throws {
        let day = try #require(Day(year: 2015, month: 4, day: 30))
        let at = try #require(Timestamp(day: day, second: 3_600))
        var plan = try #require(PlanLoader.load(data: Data(JournalFixture.text.utf8), path: "p.yaml").plan)
        plan.partnership = "Safer Harrow"
        plan.pillars[0].objectives[0].outputs[0].due = Due(written: "ongoing", meaning: .ongoing)
        plan.pillars[0].objectives[0].outputs[1].due = Due(written: "", meaning: .undated)
        plan.pillars[0].objectives[0].outputs[2].status = .atRisk
        plan.pillars[0].objectives[0].outputs[2].latestNote = Note(text: "£120 “cover”", by: nil, at: at)
        #expect(try roundTrip(plan) == plan)

        let records = [
            Record(line: 1, at: at, by: "pc.jones", change: Change(outputID: "1.1", status: .complete, note: "Done")),
            Record(line: 2, at: at, by: "chair", change: Change(outputID: "1.3", lead: ["LSCB", "Police"])),
            Record(line: 3, at: at, by: "chair", change: Change(outputID: "1.2", lead: [])),
        ]
        #expect(try roundTrip(Journal(records)) == Journal(records))
        let diagnostic = Diagnostic(.warning, at: SourceLocation(file: "p.yaml", line: 3, column: -1), "odd", excerpt: nil)
        #expect(try roundTrip([diagnostic]) == [diagnostic])
        #expect(try roundTrip([Int64.min, 0, Int64.max]) == [Int64.min, 0, Int64.max])
        #expect(try roundTrip([UInt64.max]) == [UInt64.max])
        #expect(try roundTrip([0.1, -2.5e300]) == [0.1, -2.5e300])
    }

    private struct Before: Codable { var count: Int; var name: String }
    private struct Renamed: Codable { var count: Int; var title: String }
    private struct Added: Codable { var count: Int; var name: String; var extra: String? }
    private struct Retyped: Codable { var count: String; var name: String }

    @Test func bytesOfAnotherShapeAreRefusedNotMisread() throws {
        let bytes = try CompactEncoder.encode([Before(count: 3, name: "x")])
        #expect((try? CompactDecoder.decode([Before].self, from: CacheReader(bytes)))?.first?.name == "x")
        #expect(throws: (any Error).self) { try CompactDecoder.decode([Renamed].self, from: CacheReader(bytes)) }
        #expect(throws: (any Error).self) { try CompactDecoder.decode([Added].self, from: CacheReader(bytes)) }
        #expect(throws: (any Error).self) { try CompactDecoder.decode([Retyped].self, from: CacheReader(bytes)) }
        #expect(throws: (any Error).self) { try CompactDecoder.decode([Before].self, from: CacheReader(Array(bytes.dropLast()))) }
        #expect(throws: (any Error).self) { try CompactDecoder.decode([Before].self, from: CacheReader(bytes + [0])) }
    }

    @Test func largeArraysAreReadInChunksAndRefusedWhenTheyDoNotFit() throws {
        // Enough elements for several chunks and a short last one, each chunk with its own key numbers.
        let many = (0..<(CompactChunking.threshold * 2 + 7)).map { Before(count: $0, name: "n\($0)") }
        let bytes = try CompactEncoder.encode(many)
        #expect(bytes.first == CompactTag.chunked.rawValue)
        let read = try CompactDecoder.decode([Before].self, from: CacheReader(bytes))
        #expect(read.map(\.count) == many.map(\.count) && read.map(\.name) == many.map(\.name))
        let few = [Before](many.prefix(CompactChunking.threshold - 1))
        #expect(try CompactEncoder.encode(few).first == CompactTag.unkeyed.rawValue)
        #expect(throws: (any Error).self) { try CompactDecoder.decode([Renamed].self, from: CacheReader(bytes)) }
        #expect(throws: (any Error).self) { try CompactDecoder.decode([Before].self, from: CacheReader(Array(bytes.dropLast()))) }
        #expect(throws: (any Error).self) { try CompactDecoder.decode([Before].self, from: CacheReader(bytes + [0])) }
        #expect(throws: (any Error).self) { try CompactDecoder.decode(Before.self, from: CacheReader(bytes)) }
        // A chunked array is refused where a type reads its own unkeyed container (a set).
        #expect(throws: (any Error).self) { try CompactDecoder.decode(Set<Int>.self, from: CacheReader(try CompactEncoder.encode(Array(0..<5000)))) }
        #expect(try CompactDecoder.decode([Int].self, from: CacheReader(try CompactEncoder.encode(Array(0..<5000)))) == Array(0..<5000))
    }

    @Test func theKeyIsTheFormatThePlansChecksumAndTheJournalNotTheBuild() {
        let plan = Data(JournalFixture.text.utf8)
        let key = PlanCache.key(planBytes: plan, journal: "/plans/p.journal")
        #expect(key == PlanCache.key(planBytes: plan, journal: "/plans/p.journal"))
        #expect(key != PlanCache.key(planBytes: plan + Data(" ".utf8), journal: "/plans/p.journal"))
        #expect(key != PlanCache.key(planBytes: plan, journal: "/other/p.journal"))
        var format = CacheReader(key)
        #expect((try? format.int()) == PlanCache.format)
    }
}
