import ActionPlanModel
import ActionPlanStore
import ActionPlanTerminal
@testable import ActionPlanTUI
import Foundation
import Testing

/// A figure typed into the interface, on a scripted backend, lands in the journal through the
/// shared write path; a refused one writes nothing.
@Suite struct FigureRuntimeTests {
    /// What the bundled Harrow plan's source states (seed 001: "4x Steering Groups per year"), as a
    /// quarterly count with a target of one meeting a quarter.
    static let indicators = """
        indicators:
          - id: STEER
            indicator: Strategy Group meetings held
            unit: count
            target: 1
            lead: VAWG Strategy Group
            source: Strategy Group minutes

        """

    @Test func aFigureTypedIsRecordedInTheJournalAndARefusedOneIsNot() throws {
        let disk = try PlanOnDisk(inserting: Self.indicators, before: "pillars:")
        let keys: [Key] = [.character("i"), .character("f"), .character("x"), .enter, .backspace, .character("2"), .tab]
            + "Met twice – £0 room hire".map(Key.character) + [.enter, .character("q")]
        let backend = ScriptedBackend(keys.map(Input.key))
        #expect(try Runtime.run(disk.state(), session: disk.session(), on: backend) == 0)
        // The refusal was shown on the form, and nothing was written for it.
        #expect(backend.frames.contains { $0.lines[22] == " 'x' is not a number; write it in digits, such as 187, 12.5, 1,200 or 10%" })
        #expect(backend.frames.last?.lines[22] == " Recorded line 1: STEER Q4 2014/15 2")
        let journal = try String(contentsOfFile: disk.journalPath, encoding: .utf8)
        let lines = journal.split(separator: "\n")
        #expect(lines.count == 1)
        #expect(lines.first?.contains(#""indicator":"STEER","note":"Met twice – £0 room hire","period":"Q4 2014/15","prev":"#) == true)
        #expect(lines.first?.hasSuffix(#""value":2}"#) == true)
    }
}
