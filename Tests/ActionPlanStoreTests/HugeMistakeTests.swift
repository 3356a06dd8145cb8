import ActionPlanModel
@testable import ActionPlanStore
import Foundation
import Testing

/// Files with mistakes in bulk or in odd places: each is located, and a million of them cost a
/// few lines of output, not a flood.
@Suite struct HugeMistakeTests {
    @Test func aControlCharacterIsLocatedWhereItIs() {
        let loaded = Loaded("plan: Test Plan\npillars:\n  - pillar: Pre\u{01}vention\n")
        expectOnlyProblem(loaded, .error, at: Place(3, 16), saying: "a control character (U+1)", "delete it")
    }

    @Test func tenThousandUnknownKeysListTheFirstFiftyAndCountTheRest() {
        let keys = (1...10_000).map { "extra\($0): 1" }.joined(separator: "\n")
        let loaded = Loaded("plan: Test Plan\n" + keys + "\n")
        #expect(loaded.plan == nil)
        #expect(loaded.diagnostics.count == NodeReader.listedLimit + 1)
        #expect(loaded.diagnostics.prefix(NodeReader.listedLimit).map(\.location.line) == Array(2...(NodeReader.listedLimit + 1)))
        #expect(loaded.diagnostics.prefix(NodeReader.listedLimit).allSatisfy { $0.message.hasPrefix("unknown key 'extra") })
        let last = loaded.diagnostics.last
        // The 9,950 keys past the first fifty, and the missing 'pillars:'.
        #expect(last?.message.hasPrefix("9951 more problems after this one are not listed; fix these 50 and check again") == true,
                "\(last?.message ?? "none")")
    }
}
