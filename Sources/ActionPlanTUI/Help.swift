import ActionPlanFormat

/// Help for one screen, generated from the command table: that screen's keys first, then every
/// other key with the screens it acts on, each description wrapped in full beside its keys.
enum Help {
    /// One line of help: a section heading, or a key and (part of) what it does.
    struct Line: Hashable {
        let keys: String
        let text: String
        let isHeading: Bool

        static func heading(_ text: String) -> Line { Line(keys: "", text: text, isHeading: true) }
    }

    /// The widest key label, so every description starts in one column.
    static let keyWidth = Command.table.map { TerminalText.width($0.keyLabel) }.max() ?? 4

    /// Where a description starts, from the left edge of the screen.
    static let textX = 2 + keyWidth + 2

    /// The lines of help for `mode` at `width` columns: none is wider than the screen.
    static func lines(for mode: Mode, width: Int) -> [Line] {
        let here = Command.table(for: mode)
        let elsewhere = Command.table.filter { !$0.modes.contains(mode) }
        var lines = [Line.heading("On \(mode.name)")]
        for command in here { lines += entry(command, command.help, width: width) }
        lines.append(.heading("On other screens"))
        for command in elsewhere {
            let screens = Mode.allCases.filter(command.modes.contains).map(\.name).joined(separator: ", ")
            lines += entry(command, "\(command.help) (on \(screens))", width: width)
        }
        return lines
    }

    /// A command's keys and its description wrapped under itself, never cut.
    private static func entry(_ command: Command, _ text: String, width: Int) -> [Line] {
        wrap(text, width: max(1, width - textX - 1)).enumerated().map { index, part in
            Line(keys: index == 0 ? command.keyLabel : "", text: part, isHeading: false)
        }
    }

    /// How many help lines fit on screen between its title and the "more" line.
    static func room(height: Int) -> Int { max(1, height - 5) }

    /// `top` kept within help for `mode`, so its last page stays full.
    static func clampedTop(_ top: Int, mode: Mode, width: Int, height: Int) -> Int {
        max(0, min(top, lines(for: mode, width: width).count - room(height: height)))
    }
}

extension Help {
    /// The keys of every screen as Markdown, for docs/tui.md: a table per screen, from the same
    /// command table as help, so the documentation is checked against what the keys do.
    static var markdown: String {
        Mode.allCases.map { mode in
            let rows = Command.table(for: mode).map { command in
                let keys = command.keyName.map { "`\($0)`" } ?? command.keys.map { "`\($0.label)`" }.joined(separator: " ")
                return "| \(keys) | \(command.help) |"
            }
            let heading = mode.name.prefix(1).uppercased() + mode.name.dropFirst()
            return (["### \(heading)", "", "| Keys | What they do |", "| --- | --- |"] + rows).joined(separator: "\n")
        }.joined(separator: "\n\n")
    }
}
