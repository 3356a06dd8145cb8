import ActionPlanModel

/// Diagnostics as compilers print them: `file:line:column: error: message`, then the line with
/// a caret under the place.
public enum DiagnosticText {
    public static func render(_ diagnostic: Diagnostic) -> String {
        let location = diagnostic.location
        var text = "\(TerminalText.safe(location.description)): \(diagnostic.severity.rawValue): "
            + TerminalText.safe(diagnostic.message)
        if let excerpt = diagnostic.excerpt {
            let number = String(location.line)
            let gutter = String(repeating: " ", count: number.count)
            let shown = TerminalText.safe(excerpt)
            // The caret sits under the column's character however wide the characters before it are.
            let before = String(excerpt.prefix(max(0, location.column - 1)))
            let indent = String(repeating: " ", count: TerminalText.width(TerminalText.safe(before)))
            text += "\n \(number) | \(shown)\n \(gutter) | \(indent)^"
        }
        return text
    }
}
