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

    /// The part of `line` shown, at most `excerptLength` scalars around the 0-based `column`
    /// (columns count Unicode scalars, as locations do) with `…` where it was cut, and what of it
    /// comes before the column. Only the stretch shown is walked, not the whole of a long line.
    private static func window(_ line: String, around column: Int) -> (shown: String, before: String) {
        let scalars = line.unicodeScalars
        let column = max(0, column)
        // A line no longer than the window is shown whole.
        guard let past = scalars.index(scalars.startIndex, offsetBy: excerptLength, limitedBy: scalars.endIndex), past < scalars.endIndex else {
            let caret = scalars.index(scalars.startIndex, offsetBy: column, limitedBy: scalars.endIndex) ?? scalars.endIndex
            return (line, String(scalars[..<caret]))
        }
        var startOffset = max(0, column - excerptLength / 2)
        var start = scalars.index(scalars.startIndex, offsetBy: startOffset, limitedBy: scalars.endIndex) ?? scalars.endIndex
        var last = scalars.index(start, offsetBy: excerptLength, limitedBy: scalars.endIndex) ?? scalars.endIndex
        if last == scalars.endIndex {
            // Near the end, the window keeps its full width by starting earlier.
            start = scalars.index(scalars.endIndex, offsetBy: -excerptLength)
            startOffset = scalars.distance(from: scalars.startIndex, to: start)
            last = scalars.endIndex
        }
        let caret = scalars.index(start, offsetBy: max(0, column - startOffset), limitedBy: last) ?? last
        let head = start > scalars.startIndex ? "…" : ""
        let tail = last < scalars.endIndex ? "…" : ""
        return (head + String(scalars[start..<last]) + tail, head + String(scalars[start..<caret]))
    }
}
