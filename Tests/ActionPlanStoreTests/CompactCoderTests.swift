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

    private struct Pair<First: Codable, Second: Codable>: Codable { var first: First; var second: Second }
    private enum Shape: Codable, Equatable { case dot, line(Int), box(width: Int, height: Int) }
    private enum RenamedShape: Codable { case dot, line(Int), square(width: Int, height: Int) }

    @Test func aKeyAlreadyMatchedIsStillCheckedEveryTimeItIsRead() throws {
        // Each key's number is kept once matched by name; a field under another number is still refused.
        let bytes = try CompactEncoder.encode(Pair(first: Before(count: 1, name: "x"), second: Renamed(count: 2, title: "y")))
        #expect(try CompactDecoder.decode(Pair<Before, Renamed>.self, from: CacheReader(bytes)).second.title == "y")
        #expect(throws: (any Error).self) { try CompactDecoder.decode(Pair<Before, Before>.self, from: CacheReader(bytes)) }
        let twice = try CompactEncoder.encode([Before(count: 1, name: "x"), Before(count: 2, name: "y")])
        var swapped = twice
        // The second element's first key made the number of the other key: its name where its count should be.
        let second = try #require(swapped.lastIndex(of: 0))
        swapped[second] = 1
        #expect(throws: (any Error).self) { try CompactDecoder.decode([Before].self, from: CacheReader(swapped)) }
    }

    /// A key that is a string, not a plain enum: its keys are told apart by name every time.
    private struct NamedKey: CodingKey {
        let stringValue: String
        init(stringValue: String) { self.stringValue = stringValue }
        var intValue: Int? { nil }
        init?(intValue: Int) { nil }
    }

    /// Written under `NamedKey`s named by `names`.
    private struct Named: Codable, Equatable {
        var names: [String]
        init(_ names: [String]) { self.names = names }
        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: NamedKey.self)
            names = try ["a", "b"].map { try container.decode(String.self, forKey: NamedKey(stringValue: $0)) }
        }
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: NamedKey.self)
            for name in names { try container.encode(name, forKey: NamedKey(stringValue: name)) }
        }
    }

    @Test func enumCasesAndKeysThatAreNotPlainEnumsRoundTripAndAnUnknownCaseIsRefused() throws {
        let shapes: [Shape] = [.dot, .line(3), .box(width: 2, height: 5), .line(4), .dot]
        #expect(try roundTrip(shapes) == shapes)
        #expect(throws: (any Error).self) { try CompactDecoder.decode([RenamedShape].self, from: CacheReader(try CompactEncoder.encode(shapes))) }
        #expect(try roundTrip([Named(["a", "b"]), Named(["a", "b"])]) == [Named(["a", "b"]), Named(["a", "b"])])
        #expect(throws: (any Error).self) { try CompactDecoder.decode([Named].self, from: CacheReader(try CompactEncoder.encode([Named(["a", "b"]), Named(["a", "c"])]))) }
        // A set is an unkeyed container of its own, not an array.
        #expect(try roundTrip(Set(["x", "y", "z"])) == Set(["x", "y", "z"]))
        #expect(try roundTrip([[1, 2], [], [3]]) == [[1, 2], [], [3]])
    }

    @Test func anArraysCountThatIsNotWhatFollowsIsRefused() throws {
        let bytes = try CompactEncoder.encode([Before(count: 3, name: "x"), Before(count: 4, name: "y")])
        #expect(bytes.first == CompactTag.unkeyed.rawValue && bytes[1] == 2)
        for count: UInt8 in [1, 3, 255] {
            var changed = bytes
            changed[1] = count
            #expect(throws: (any Error).self) { try CompactDecoder.decode([Before].self, from: CacheReader(changed)) }
        }
        // An array where a keyed value should be, and a keyed value where an array should be.
        #expect(throws: (any Error).self) { try CompactDecoder.decode(Before.self, from: CacheReader(bytes)) }
        #expect(throws: (any Error).self) { try CompactDecoder.decode([Before].self, from: CacheReader(try CompactEncoder.encode(Before(count: 1, name: "z")))) }
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
