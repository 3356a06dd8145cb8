import ActionPlanFormat

/// Breaks safe text into lines of at most `width` columns, as tables wrap a cell
/// (`TerminalText.wrap`: at spaces and after hyphens, a word wider than the line split); line
/// breaks in the text start new lines.
func wrap(_ text: String, width: Int) -> [String] {
    guard width > 0 else { return [] }
    return text.split(separator: "\n", omittingEmptySubsequences: false).flatMap { paragraph in
        TerminalText.wrap(String(paragraph), to: width).map(\.text)
    }
}
