import ActionPlanModel

/// The key printed with every RAG rating, since partnerships read the colours differently.
public enum RAGKey {
    /// The entries: `B complete`, `G on track`, … `- not yet rated`.
    public static var entries: [String] {
        RAG.live.map { "\($0.letter) \(meaning(of: $0))" }
    }

    /// What a colour's letter means in the key; red's says what `R!` adds.
    public static func meaning(of colour: RAG) -> String {
        colour == .red ? colour.meaning + " (R! red because the deadline passed)" : colour.meaning
    }

    /// `Key: B complete · G on track · …` on one line.
    public static var line: String {
        "Key: " + entries.joined(separator: " · ")
    }

    /// The key wrapped between entries to fit `width` columns (nil: one line), and within an
    /// entry too wide for a line of its own.
    public static func lines(width: Int?) -> [String] {
        guard let width else { return [line] }
        var lines = ["Key:"]
        for entry in entries {
            let joined = lines[lines.count - 1] + (lines.count == 1 && lines[0] == "Key:" ? " " : " · ") + entry
            if TerminalText.width(joined) <= width || lines[lines.count - 1] == "Key:" {
                lines[lines.count - 1] = joined
            } else {
                lines.append("     " + entry)
            }
        }
        // Every line starts with "Key: " or five spaces, under which a wrapped entry goes on.
        return lines.flatMap { line in
            TerminalText.lines(String(line.dropFirst(5)), width: max(1, width - 5)).enumerated().map {
                ($0.offset == 0 ? String(line.prefix(5)) : "     ") + $0.element
            }
        }
    }
}
