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

    /// Whether `text` holds none of the scalars `safe` shows as codes, read from its UTF-8 bytes.
    /// Text whose bytes are not at hand reads as having something: `safe` then looks at its scalars.
    static func hasNothingToShow(_ text: String) -> Bool {
        text.utf8.withContiguousStorageIfAvailable { scan($0, findingCodes: true, measuring: false) != nil } ?? false
    }

    /// `safe(text)` and the columns it takes, from one pass over the bytes of text that has
    /// nothing to show as a code, the usual case: a table cell is made safe and measured at once.
    static func safeMeasured(_ text: String) -> (text: String, width: Int) {
        if let width = text.utf8.withContiguousStorageIfAvailable({ scan($0, findingCodes: true, measuring: true) }) ?? nil {
            return (text, width)
        }
        let safe = safe(text)
        return (safe, width(safe))
    }

    /// The terminal columns of the UTF-8 `bytes` (0 when not `measuring`), or nil when
    /// `findingCodes` and they hold a scalar `safe` shows as a code: controls are the bytes below
    /// 0x20 and 0x7F, and U+0080–U+009F; then the bidirectional marks and overrides U+200E–U+200F,
    /// U+202A–U+202E and U+2066–U+2069.
    ///
    /// Printable ASCII, most of what a plan holds, is read eight bytes at a time and counted
    /// without decoding a scalar; other scalars are decoded from their bytes here, and only those
    /// from U+0300 on are asked their Unicode category.
    @inline(__always)
    private static func scan(_ bytes: UnsafeBufferPointer<UInt8>, findingCodes: Bool, measuring: Bool) -> Int? {
        let raw = UnsafeRawBufferPointer(bytes)
        let count = bytes.count
        var columns = 0
        var index = 0
        while index < count {
            if index + 8 <= count {
                let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                var stops = word & 0x8080_8080_8080_8080
                if findingCodes {
                    // A byte below 0x20, or one equal to 0x7F, sets its top bit here (bit-twiddling's
                    // "has less" and "has zero"); a false one can only follow a true one, in a
                    // later byte (a higher one: the load is little-endian).
                    let delete = word ^ 0x7F7F_7F7F_7F7F_7F7F
                    stops |= (word &- 0x2020_2020_2020_2020) & ~word & 0x8080_8080_8080_8080
                    stops |= (delete &- 0x0101_0101_0101_0101) & ~delete & 0x8080_8080_8080_8080
                }
                if stops == 0 {
                    columns += 8
                    index += 8
                    continue
                }
                // The bytes before the first that stops are plain: skip them, and read that one below.
                let plain = stops.trailingZeroBitCount / 8
                columns += plain
                index += plain
            }
            let lead = bytes[index]
            if lead < 0x80 {
                if findingCodes, lead < 0x20 || lead == 0x7F { return nil }
                columns += 1
                index += 1
                continue
            }
            // A scalar of two, three or four bytes; the string it came from is valid UTF-8.
            let length = lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
            guard index + length <= count else { return columns + 1 }
            var value = UInt32(lead) & (lead < 0xE0 ? 0x1F : lead < 0xF0 ? 0x0F : 0x07)
            for next in index + 1..<index + length {
                value = value << 6 | UInt32(bytes[next] & 0x3F)
            }
            index += length
            if findingCodes {
                switch value {
                case 0x80...0x9F, 0x200E...0x200F, 0x202A...0x202E, 0x2066...0x2069: return nil
                default: break
                }
            }
            if measuring, let scalar = Unicode.Scalar(value) { columns += width(of: scalar) }
        }
        return columns
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
    public static func width(_ text: some StringProtocol) -> Int {
        if let columns = text.utf8.withContiguousStorageIfAvailable({ scan($0, findingCodes: false, measuring: true) }) {
            return columns ?? 0
        }
        var copy = String(text)
        return copy.withUTF8 { scan($0, findingCodes: false, measuring: true) } ?? 0
    }

    /// How many terminal columns one character takes.
    public static func width(of character: Character) -> Int {
        character.isASCII ? 1 : character.unicodeScalars.reduce(0) { $0 + width(of: $1) }
    }

    static func width(of scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        // Below the combining marks every printable scalar but the soft hyphen takes one column.
        if value < 0x300 { return value == 0xAD ? 0 : 1 }
        // Dashes, quotation marks, bullets and ellipses, common in plans, are one column each.
        if (0x2010...0x2029).contains(value) { return 1 }
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
        truncate(text, measured: width(text), to: columns).text
    }

    /// `truncate(_:to:)` for text already measured as `width` columns wide, with the width of what
    /// it gives.
    static func truncate(_ text: String, measured width: Int, to columns: Int) -> (text: String, width: Int) {
        guard width > columns else { return (text, width) }
        guard columns > 0 else { return ("", 0) }
        var result = ""
        var used = 0
        for character in text {
            let next = self.width(of: character)
            if used + next > columns - 1 { break }
            result.append(character)
            used += next
        }
        return (result + "…", used + 1)
    }

    /// `text` cut or padded with spaces to exactly `columns` columns.
    public static func fit(_ text: String, to columns: Int) -> String {
        let cut = truncate(text, measured: width(text), to: columns)
        return cut.text + String(repeating: " ", count: max(0, columns - cut.width))
    }

    /// `text` wrapped to `width` columns (nil: on one line), for a line printed outside a table.
    public static func lines(_ text: String, width: Int?) -> [String] {
        width.map { wrap(text, to: $0).map(\.text) } ?? [text]
    }

    /// Whether `scalar` is a character on its own, whatever is next to it: printable ASCII, Latin-1
    /// and the letters before the combining marks (U+0300), dashes, quotation marks, bullets and
    /// currency signs; none of them joins a neighbour (Unicode's grapheme cluster rules).
    private static func standsAlone(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20...0x7E, 0xA0..<0x300, 0x2010...0x2027, 0x20A0...0x20BF: true
        default: false
        }
    }

    /// `text` broken into lines of at most `columns` columns, each with its width: at spaces, after
    /// a hyphen, and inside a word only when the word alone is wider than a line. Nothing is lost.
    ///
    /// The line being filled is a stretch of the text's bytes, not a string grown a character at a
    /// time; text whose every scalar is a character on its own, most of what a plan holds, is
    /// read by scalars without making characters at all. Building each line character by
    /// character took most of the time of a long list printed to a terminal.
    public static func wrap(_ text: String, to columns: Int) -> [(text: String, width: Int)] {
        guard columns > 0 else { return [(text, width(text))] }
        let bytes = Array(text.utf8)
        var lines: [(text: String, width: Int)] = []
        // The line is `bytes[start..<end]`, `lineWidth` columns wide.
        var start = 0
        var end = 0
        var lineWidth = 0
        // The line's last place to break, after a space or a hyphen, and the width before it.
        var breakAt: (index: Int, width: Int)?
        func finish(upTo stop: Int, width: Int) {
            var last = stop
            while last > start, bytes[last - 1] == UInt8(ascii: " ") { last -= 1 }
            lines.append((String(decoding: bytes[start..<last], as: UTF8.self), width - (stop - last)))
        }
        /// Takes the character that ends at byte `after`, `columns` wide.
        func take(endingAt after: Int, width: Int, isSpace: Bool, isHyphen: Bool) {
            if isSpace, start == end {
                start = after
                end = after
                return
            }
            let next = isSpace ? 0 : width
            if lineWidth + next > columns, start < end {
                if let point = breakAt {
                    finish(upTo: point.index, width: point.width)
                    start = point.index
                    lineWidth -= point.width
                } else {
                    finish(upTo: end, width: lineWidth)
                    start = end
                    lineWidth = 0
                }
                breakAt = nil
            }
            end = after
            lineWidth += isSpace ? 1 : next
            if isSpace || isHyphen { breakAt = (end, lineWidth) }
        }
        if text.unicodeScalars.allSatisfy(standsAlone) {
            var offset = 0
            for scalar in text.unicodeScalars {
                offset += UTF8.width(scalar)
                take(endingAt: offset, width: width(of: scalar), isSpace: scalar == " ", isHyphen: scalar == "-")
            }
        } else {
            var offset = 0
            for character in text {
                offset += character.utf8.count
                take(endingAt: offset, width: width(of: character), isSpace: character == " ", isHyphen: character == "-")
            }
        }
        if start < end || lines.isEmpty { finish(upTo: end, width: lineWidth) }
        return lines
    }
}
