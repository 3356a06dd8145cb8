import ActionPlanModel
@testable import ActionPlanTUI
import Testing

/// High contrast for a projector: no dim (SGR 2) cell and no grey anywhere, on any screen.
@Suite struct ContrastTests {
    static let screens: [[Key]] = [[], [.tab], [.tab, .enter], [.tab, .character("u")], [.character("r")], [.character("?")], [.character("x")]]

    static func cells(_ grid: Grid) -> [Cell] {
        (0..<grid.height).flatMap { y in (0..<grid.width).map { grid[$0, y] } }
    }

    @Test func theNormalScreensHaveDimTextThatWashesOut() {
        // The key line, the RAG key and the objective headings are dim by default.
        #expect(Self.cells(render(Fixture.state())).contains { $0.style.dim })
    }

    @Test func cSwitchesItOnAndNoScreenThenHasDimOrGreyText() {
        for (width, height) in [(60, 16), (80, 24)] {
            for keys in Self.screens {
                var state = Fixture.state(width: width, height: height)
                Fixture.press(.character("C"), on: &state)
                #expect(state.highContrast)
                Fixture.press(keys: keys, on: &state)
                let cells = Self.cells(render(state))
                #expect(!cells.contains { $0.style.dim || $0.style.colour == .grey }, "\(keys) at \(width)x\(height)")
            }
        }
        // The key line stays readable: bold, not dim, and the same words.
        var state = Fixture.state()
        Fixture.press(.character("C"), on: &state)
        let grid = render(state)
        #expect(grid.lines[23] == " ? help  q quit  Tab actions  r review  i indicators  x report")
        #expect(grid[1, 23].style == .bold)
        Fixture.press(.character("C"), on: &state)
        #expect(!state.highContrast && render(state)[1, 23].style == .dim)
    }
}
