import Foundation
import Testing

/// What only a real terminal shows: help drawn over every cell at the smallest and the usual
/// size, and Ctrl-L repainting a screen that line noise has spoilt.
@Suite(.serialized) struct ScreenTerminalTests {
    @Test(arguments: [(60, 16), (80, 24)])
    func helpCoversTheScreenUnderneath(width: Int, height: Int) throws {
        let folder = try ReportCommandTests.plansWithTwoQuarters()
        defer { try? FileManager.default.removeItem(at: folder) }
        let tmux = try Tmux(["harrow", "--as-of", "2015-09-30"], in: folder, width: width, height: height)
        tmux.waitFor("RAG by pillar")
        try tmux.send("?")
        tmux.waitFor("On the overview")
        var rows = tmux.screen.components(separatedBy: "\n")
        // Nothing of the overview shows through, not even the `e` of "Done" in the last column.
        #expect(!rows.contains { $0.contains("Done") || $0.contains("RAG by pillar") || $0.hasSuffix(" e") })
        #expect(rows.count >= height && rows[height - 3].contains("more lines"))
        // Over the list, the same.
        // `q` closes help (an Esc followed at once by another key would be read as an Alt key).
        try tmux.send("q")
        tmux.waitFor("RAG by pillar")
        try tmux.send("Tab")
        tmux.waitFor("Filter:")
        try tmux.send("?")
        tmux.waitFor("On the actions list")
        rows = tmux.screen.components(separatedBy: "\n")
        #expect(!rows.contains { $0.contains("Filter:") || $0.contains("Prevention") })
        try tmux.send("q")
        tmux.waitFor("Filter:")
        try tmux.send("q")
        #expect(tmux.exitStatus() == 0)
    }

    @Test func ctrlLRepaintsAScreenSpoiltByLineNoise() throws {
        let folder = try ReportCommandTests.plansWithTwoQuarters()
        defer { try? FileManager.default.removeItem(at: folder) }
        let tmux = try Tmux(["harrow", "--as-of", "2015-09-30"], in: folder, width: 80, height: 24)
        tmux.waitFor("RAG by pillar")
        let clean = tmux.screen
        // Something else writes to the terminal, as a wall message or a background job would.
        let tty = try tmux.run(["display-message", "-p", "-t", "0", "#{pane_tty}"]).trimmingCharacters(in: .whitespacesAndNewlines)
        try Data("\u{1B}[5;10HLINE-NOISE".utf8).write(to: URL(fileURLWithPath: tty))
        tmux.waitFor("LINE-NOISE")
        try tmux.send("C-l")
        let deadline = Date().addingTimeInterval(10)
        while tmux.screen.contains("LINE-NOISE"), Date() < deadline { usleep(100_000) }
        #expect(tmux.screen == clean)
        try tmux.send("q")
        #expect(tmux.exitStatus() == 0)
    }
}
