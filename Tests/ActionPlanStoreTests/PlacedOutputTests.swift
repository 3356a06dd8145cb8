import ActionPlanModel
@testable import ActionPlanStore
import Foundation
import Testing

/// A cached plan is given back its outputs (`Plan.filled(with:)`) only when they come as
/// `PlacedOutput.all(in:)` lists them; any other order is refused, and the cache rebuilt.
@Suite struct PlacedOutputTests {
    /// A plan of two objectives, of two outputs and three.
    private func plan() throws -> Plan {
        let objective = { (id: String, outputs: [String]) -> [String] in
            ["      - id: \"\(id)\"", "        objective: Objective \(id).", "        outputs:"]
                + outputs.flatMap { Fixture.output($0, "due: April 2015") }
        }
        let text = (["plan: Test Plan", "pillars:", "  - pillar: Prevention", "    aim: Prevent it.", "    objectives:"]
            + objective("1", ["1.1", "1.2"]) + objective("2", ["2.1", "2.2", "2.3"])).joined(separator: "\n") + "\n"
        let loaded = PlanLoader.load(data: Data(text.utf8), path: Fixture.path)
        #expect(loaded.diagnostics.isEmpty)
        return try #require(loaded.plan)
    }

    @Test func theOutputsInTheirOrderGiveBackThePlan() throws {
        let plan = try plan()
        let filled = plan.withoutOutputs.filled(with: PlacedOutput.all(in: plan))
        #expect(filled == plan)
        #expect(filled?.pillars.first?.objectives.map { $0.outputs.map(\.id) } == [["1.1", "1.2"], ["2.1", "2.2", "2.3"]])
    }

    @Test(arguments: ["two swapped", "objectives interleaved", "one missing", "one twice", "a place past the end"])
    func outputsInAnyOtherOrderAreRefused(change: String) throws {
        let plan = try plan()
        var outputs = PlacedOutput.all(in: plan)
        switch change {
        case "two swapped": outputs.swapAt(2, 3)
        case "objectives interleaved": outputs = [outputs[0], outputs[2], outputs[1], outputs[3], outputs[4]]
        case "one missing": outputs.remove(at: 3)
        case "one twice": outputs.insert(outputs[1], at: 1)
        default: outputs.append(PlacedOutput(place: .init(pillar: 0, objective: 1, output: Int.max), output: outputs[4].output))
        }
        #expect(plan.withoutOutputs.filled(with: outputs) == nil)
    }
}
