/// Text from plan files, notes and users made safe to print, and measured in terminal columns.
///
/// A plan or a note could hold escape sequences that move the cursor, retitle the window or
/// rewrite what another officer sees; nothing from a file reaches a terminal except through here.
public enum TerminalText {
    /// `text` with every control character, escape sequence introducer and bidirectional
    /// override shown as a visible code: ESC as `\e`, the others as `<U+202E>`.
    /// Line breaks and tabs become spaces unless `keepingLines` is set.
    public static func safe(_ text: String, keepingLines: Bool = false) -> String {
        // Most text has nothing to show as a code, and its bytes say so faster than its scalars.
        if hasNothingToShow(text) { return text }
        return replacingScalars(in: text) { scalar in
            switch scalar.value {
            case 0x0A where keepingLines: nil
            case 0x09, 0x0A, 0x0D: " "
            case 0x1B: "\\e"
            case 0x00...0x1F, 0x7F...0x9F, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: "<U+" + hex(scalar.value) + ">"
            default: nil
            }
        }
    }

    /// Whether `text` holds none of the scalars `safe` shows as codes, read from its UTF-8 bytes
    /// without decoding a scalar: controls are the bytes below 0x20 and 0x7F, and C2 80–C2 9F
    /// (U+0080–U+009F); the bidirectional marks and overrides are E2 80 8E–8F (U+200E–U+200F),
    /// E2 80 AA–AE (U+202A–U+202E) and E2 81 A6–A9 (U+2066–U+2069).
    static func hasNothingToShow(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            var index = 0
            while index < bytes.count {
                switch bytes[index] {
                case 0x00..<0x20, 0x7F:
                    return false
                case 0xC2 where index + 1 < bytes.count && bytes[index + 1] < 0xA0:
                    return false
                case 0xE2 where index + 2 < bytes.count:
                    switch (bytes[index + 1], bytes[index + 2]) {
                    case (0x80, 0x8E...0x8F), (0x80, 0xAA...0xAE), (0x81, 0xA6...0xA9): return false
                    default: break
                    }
                default: break
                }
                index += 1
            }
            return true
        }
    }

    /// `text` with each scalar that `substitute` gives a replacement for replaced by it.
    ///
    /// It walks scalars, not characters, which is many times faster, and every scalar the tool's
    /// formats escape is one on its own; text with nothing to replace, the usual case, is returned
    /// as it is.
    public static func replacingScalars(in text: String, _ substitute: (Unicode.Scalar) -> String?) -> String {
        guard text.unicodeScalars.contains(where: { substitute($0) != nil }) else { return text }
        var result = ""
        result.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            if let replacement = substitute(scalar) {
                result += replacement
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    private static func hex(_ value: UInt32) -> String {
        value.zeroPadded(4, radix: 16)
    }

    /// How many terminal columns `text` takes: East Asian wide characters and emoji two, combining
    /// marks none, everything else one. Give it safe text.
    ///
    /// Plain ASCII, most of what a plan holds, is counted by its bytes without decoding a scalar:
    /// asking each scalar its Unicode category took most of the time of printing a long list.
    public static func width(_ text: some StringProtocol) -> Int {
        var bytes = 0
        for byte in text.utf8 {
            guard byte < 0x80 else { return text.unicodeScalars.reduce(0) { $0 + width(of: $1) } }
            bytes += 1
        }
        return bytes
    }

    /// How many terminal columns one character takes.
    public static func width(of character: Character) -> Int {
        character.isASCII ? 1 : character.unicodeScalars.reduce(0) { $0 + width(of: $1) }
    }

    static func width(of scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        // Below the combining marks every printable scalar but the soft hyphen takes one column.
        if value < 0x300 { return value == 0xAD ? 0 : 1 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        if value == 0x200B { return 0 }
        return wide.contains { $0.contains(value) } ? 2 : 1
    }

    /// The scalars East Asian terminals draw two columns wide.
    private static let wide: [ClosedRange<UInt32>] = [
        0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
        0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
        0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x3FFFD,
    ]

    /// `text` cut to at most `columns` columns, ending in `…` when anything was cut.
    public static func truncate(_ text: String, to columns: Int) -> String {
        truncate(text, measured: width(text), to: columns)
    }

    /// `truncate(_:to:)` for text already measured as `width` columns wide.
    static func truncate(_ text: String, measured width: Int, to columns: Int) -> String {
        guard width > columns else { return text }
        guard columns > 0 else { return "" }
        var result = ""
        var used = 0
        for character in text {
            let next = self.width(of: character)
            if used + next > columns - 1 { break }
            result.append(character)
            used += next
        }
        return result + "…"
    }

    /// `text` cut or padded with spaces to exactly `columns` columns.
    public static func fit(_ text: String, to columns: Int) -> String {
        let cut = truncate(text, to: columns)
        return cut + String(repeating: " ", count: max(0, columns - width(cut)))
    }

    /// `text` wrapped to `width` columns (nil: on one line), for a line printed outside a table.
    public static func lines(_ text: String, width: Int?) -> [String] {
        width.map { wrap(text, to: $0).map(\.text) } ?? [text]
    }

    /// `text` broken into lines of at most `columns` columns, each with its width: at spaces, after
    /// a hyphen, and inside a word only when the word alone is wider than a line. Nothing is lost.
    public static func wrap(_ text: String, to columns: Int) -> [(text: String, width: Int)] {
        guard columns > 0 else { return [(text, width(text))] }
        var lines: [(text: String, width: Int)] = []
        var line = ""
        var lineWidth = 0
        // The line's last place to break, after a space or a hyphen, and the width before it.
        var breakAt: (index: String.Index, width: Int)?
        func finish(_ head: Substring, width: Int) {
            let spaces = head.reversed().prefix { $0 == " " }.count
            lines.append((String(head.dropLast(spaces)), width - spaces))
        }
        for character in text {
            if character == " ", line.isEmpty { continue }
            let next = character == " " ? 0 : width(of: character)
            if lineWidth + next > columns, !line.isEmpty {
                if let point = breakAt {
                    finish(line[..<point.index], width: point.width)
                    line = String(line[point.index...])
                    lineWidth -= point.width
                } else {
                    finish(line[...], width: lineWidth)
                    line = ""
                    lineWidth = 0
                }
                breakAt = nil
            }
            line.append(character)
            lineWidth += character == " " ? 1 : next
            if character == " " || character == "-" { breakAt = (line.endIndex, lineWidth) }
        }
        if !line.isEmpty || lines.isEmpty { finish(line[...], width: lineWidth) }
        return lines
    }
}
