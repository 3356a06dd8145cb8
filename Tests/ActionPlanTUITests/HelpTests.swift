import ActionPlanFormat
import ActionPlanModel
@testable import ActionPlanTUI
import Testing

/// `?`: help generated per screen from the command table, whole at every supported size, drawn
/// over every cell of the screen underneath, and scrolled when it does not fit.
@Suite struct HelpTests {
    static let sizes = [(60, 16), (80, 24), (132, 43)]

    @Test func theScreensOwnKeysComeFirstThenTheOthersWithWhereTheyAct() {
        var state = Fixture.state()
        Fixture.press(.tab, .character("?"), on: &state)
        let lines = render(state).lines
        #expect(lines[1] == " Keys on the actions list first, then on the other screens")
        #expect(lines[2] == " On the actions list")
        #expect(lines[3] == "  ?           Show or hide this help")
        // The key line says how to scroll and close it.
        #expect(lines[23] == " Esc close  ↑ up  PgDn page down")
        let all = Help.lines(for: .list, width: 80)
        let other = all.firstIndex(of: .heading("On other screens")) ?? 0
        for command in Command.table(for: .list) {
            #expect(all[..<other].contains { $0.keys == command.keyLabel }, "\(command.keyLabel)")
        }
        // A key of other screens says which.
        #expect(all[other...].contains { $0.keys == "f" && $0.text.hasPrefix("Record a figure") })
        #expect(all[other...].map(\.text).joined(separator: " ").contains("(on the review, the indicators, an indicator's figures)"))
    }

    @Test func everyDescriptionIsWholeAtEverySupportedSize() {
        for (width, height) in Self.sizes {
            for mode in Mode.allCases {
                let lines = Help.lines(for: mode, width: width)
                #expect(lines.allSatisfy { Help.textX + TerminalText.width($0.text) <= width - 1 }, "\(mode) \(width)")
                // Joined back, each command's description is there in full, nothing cut with `…`.
                let text = lines.map(\.text).joined(separator: " ")
                for command in Command.table {
                    #expect(text.contains(command.help), "\(mode) \(width)x\(height): \(command.help)")
                }
                #expect(!text.contains("…"))
            }
        }
    }

    @Test func itScrollsToItsEndAndSaysHowMuchIsLeft() {
        var state = Fixture.state(width: 60, height: 16)
        Fixture.press(.character("?"), on: &state)
        let total = Help.lines(for: .overview, width: 60).count
        #expect(render(state).lines[13] == " ↓ \(total - 11) more lines")
        Fixture.press(.down, on: &state)
        #expect(render(state).lines[13] == " ↑ 1 line above · ↓ \(total - 12) more lines")
        for _ in 0..<20 { Fixture.press(.pageDown, on: &state) }
        let end = render(state).lines
        #expect(end[13] == " ↑ \(total - 11) lines above")
        #expect(end[12].contains(Help.lines(for: .overview, width: 60).last?.text ?? "-"))
        // Any key it does not take closes it, without acting.
        #expect(Fixture.press(.character("x"), on: &state).isEmpty && !state.showHelp && state.reportChoice == nil)
    }

    @Test func nothingUnderneathShowsThroughAtAnySize() {
        for (width, height) in Self.sizes {
            // Two lists with different rows underneath, and two overviews with different counts.
            var one = Fixture.state(width: width, height: height)
            var other = Fixture.state(width: width, height: height, journal: Journal([Fixture.record(1, Change(outputID: "2.1", status: .complete))]))
            Fixture.press(.character("?"), on: &one)
            Fixture.press(.character("?"), on: &other)
            #expect(render(one).lines[1..<(height - 2)] == render(other).lines[1..<(height - 2)], "overview \(width)x\(height)")
            var list = Fixture.state(width: width, height: height)
            var filtered = Fixture.state(width: width, height: height)
            Fixture.press(.tab, .character("?"), on: &list)
            Fixture.press(.tab, .character("m"), .down, .character("?"), on: &filtered)
            #expect(render(list).lines[1..<(height - 2)] == render(filtered).lines[1..<(height - 2)], "list \(width)x\(height)")
        }
        // At 80x24 over the overview, the last column is the help's too: no stray `e` of "Done".
        var state = Fixture.state()
        Fixture.press(.character("?"), on: &state)
        #expect(render(state).lines[3].last != "e")
    }
}
