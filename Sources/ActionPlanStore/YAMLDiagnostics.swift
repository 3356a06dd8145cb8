internal import Yams
import ActionPlanModel

/// Turns what the YAML parser reports into a diagnostic that says what to write instead.
enum YAMLDiagnostics {
    static func diagnostic(for error: any Error, file: String, lines: [Substring]) -> Diagnostic {
        func at(_ mark: Mark, _ message: String) -> Diagnostic {
            Diagnostic(.error, at: SourceLocation(file: file, line: mark.line, column: mark.column), message,
                       excerpt: excerpt(lines, mark.line))
        }
        guard let error = error as? YamlError else {
            return Diagnostic(.error, at: SourceLocation(file: file, line: 1, column: 1), "cannot read the file as YAML: \(error)")
        }
        switch error {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            if character(in: lines, at: mark) == "\t" {
                return at(mark, "a tab character; YAML indents with spaces only: replace the tab with spaces")
            }
            if problem.contains("nesting level") {
                return at(mark, "lists and mappings are nested deeper than YAML allows here; a plan nests "
                    + "at most six levels (plan, pillars, objectives, outputs, their lists): check the brackets")
            }
            let during = context.map { " (\($0.text), from line \($0.mark.line))" } ?? ""
            return at(mark, "YAML syntax: \(problem)\(during); check the indentation, and put text that "
                + "holds ': ' or starts with a symbol in double quotes")
        case .reader(let problem, let offset, let value, let yaml):
            // The reader gives a character offset, not a mark: the line and column are counted here.
            let place = offset.map { position(ofCharacter: $0, in: yaml) } ?? (line: 1, column: 1)
            let what = problem.contains("control characters") && value >= 0
                ? "a control character (U+\(String(value, radix: 16, uppercase: true))), which a YAML file may not hold; delete it (in a note, write plain text)"
                : "the file cannot be read as YAML text (\(problem)); save it as UTF-8 text"
            return Diagnostic(.error, at: SourceLocation(file: file, line: place.line, column: place.column), what,
                              excerpt: excerpt(lines, place.line))
        case .duplicatedKeysInMapping(let duplicates, let context):
            let keys = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            return at(context.mark, "the key \(keys) appears more than once in the same mapping; keep one")
        default:
            return Diagnostic(.error, at: SourceLocation(file: file, line: 1, column: 1), "cannot read the file as YAML: \(error)")
        }
    }

    /// The 1-based line and column (in characters, as marks count them) of the character at `offset`.
    private static func position(ofCharacter offset: Int, in text: String) -> (line: Int, column: Int) {
        var line = 1
        var column = 1
        for character in text.prefix(offset) {
            if character.isNewline {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        return (line, column)
    }

    /// The text of 1-based line `number`, if the file has it.
    static func excerpt(_ lines: [Substring], _ number: Int) -> String? {
        lines.indices.contains(number - 1) ? String(lines[number - 1]) : nil
    }

    private static func character(in lines: [Substring], at mark: Mark) -> Unicode.Scalar? {
        guard lines.indices.contains(mark.line - 1) else { return nil }
        let scalars = Array(lines[mark.line - 1].unicodeScalars)
        return scalars.indices.contains(mark.column - 1) ? scalars[mark.column - 1] : nil
    }
}
