import ActionPlanModel

/// Diagnostics as compilers print them: `file:line:column: error: message`, then the line with
/// a caret under the place.
public enum DiagnosticText {
    /// The most characters of a line shown under a diagnostic: a generated or minified line can
    /// run to megabytes, and only the part around the caret helps.
    static let excerptLength = 100

    public static func render(_ diagnostic: Diagnostic) -> String {
        let location = diagnostic.location
        var text = "\(TerminalText.safe(location.description)): \(diagnostic.severity.rawValue): "
            + TerminalText.safe(diagnostic.message)
        if let excerpt = diagnostic.excerpt {
            let number = String(location.line)
            let gutter = String(repeating: " ", count: number.count)
            let (shown, before) = window(excerpt, around: location.column - 1)
            // The caret sits under the column's character however wide the characters before it are.
            let indent = String(repeating: " ", count: TerminalText.width(TerminalText.safe(before)))
            text += "\n \(number) | \(TerminalText.safe(shown))\n \(gutter) | \(indent)^"
        }
        return text
    }

    /// The part of `line` shown, at most `excerptLength` characters around the 0-based
    /// `column` with `…` where it was cut, and what of it comes before the column.
    private static func window(_ line: String, around column: Int) -> (shown: String, before: String) {
        guard line.count > excerptLength else { return (line, String(line.prefix(max(0, column)))) }
        let characters = Array(line)
        let start = max(0, min(column - excerptLength / 2, characters.count - excerptLength))
        let end = start + excerptLength
        let head = start > 0 ? "…" : ""
        let shown = head + String(characters[start..<end]) + (end < characters.count ? "…" : "")
        return (shown, head + String(characters[start..<min(end, max(start, column))]))
    }
}
