import ActionPlanModel

/// Turns what the YAML parser reports into a diagnostic that says what to write instead.
enum YAMLDiagnostics {
    static func diagnostic(for problem: YAMLProblem, file: String, text: String) -> Diagnostic {
        let lines = NodeReader.lines(of: text)
        func at(_ mark: YAMLMark, _ message: String) -> Diagnostic {
            Diagnostic(.error, at: SourceLocation(file: file, line: mark.line, column: mark.column), message,
                       excerpt: excerpt(lines, mark.line))
        }
        switch problem {
        case .syntax(let problem, let mark, let context):
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
        case .reader(let problem, let offset, let value):
            // The reader gives a byte offset, not a mark: the line and column are counted here.
            let place = position(ofByte: offset, in: text) ?? (line: 1, column: 1)
            let what = problem.contains("control characters") && value >= 0
                ? "a control character (U+\(String(value, radix: 16, uppercase: true))), which a YAML file may not hold; delete it (in a note, write plain text)"
                : "the file cannot be read as YAML text (\(problem)); save it as UTF-8 text"
            return Diagnostic(.error, at: SourceLocation(file: file, line: place.line, column: place.column), what,
                              excerpt: excerpt(lines, place.line))
        case .duplicatedKeys(let duplicates, let mark):
            let keys = duplicates.joined(separator: ", ")
            return at(mark, "the key \(keys) appears more than once in the same mapping; keep one")
        case .memory:
            return Diagnostic(.error, at: SourceLocation(file: file, line: 1, column: 1), "cannot read the file as YAML: Memory error")
        }
    }

    /// The 1-based line and column (in characters, as marks count them) of the character that
    /// starts at byte `offset`; nil when no character starts there.
    private static func position(ofByte offset: Int, in text: String) -> (line: Int, column: Int)? {
        guard let index = text.utf8.index(text.utf8.startIndex, offsetBy: offset, limitedBy: text.utf8.endIndex)?.samePosition(in: text)
        else { return nil }
        var line = 1
        var column = 1
        for character in text[..<index] {
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

    private static func character(in lines: [Substring], at mark: YAMLMark) -> Unicode.Scalar? {
        guard lines.indices.contains(mark.line - 1) else { return nil }
        let scalars = Array(lines[mark.line - 1].unicodeScalars)
        return scalars.indices.contains(mark.column - 1) ? scalars[mark.column - 1] : nil
    }
}
