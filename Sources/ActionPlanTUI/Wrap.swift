import ActionPlanFormat

/// Breaks safe text into lines of at most `width` columns at spaces; a word longer than a line is
/// cut. Line breaks in the text start new lines.
func wrap(_ text: String, width: Int) -> [String] {
    guard width > 0 else { return [] }
    var lines: [String] = []
    for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
        var line = ""
        for word in paragraph.split(separator: " ") {
            let candidate = line.isEmpty ? String(word) : line + " " + word
            if TerminalText.width(candidate) <= width {
                line = candidate
            } else {
                if !line.isEmpty { lines.append(line) }
                line = TerminalText.width(word) <= width ? String(word) : TerminalText.truncate(String(word), to: width)
            }
        }
        lines.append(line)
    }
    return lines
}
