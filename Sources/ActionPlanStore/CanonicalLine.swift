import ActionPlanModel
import Foundation

/// Reads a journal line written in the one form actionplan writes, without Foundation's JSON
/// decoder: a cold start reads every line of the journal, and that decoder, with Codable's
/// containers, took 40% of it.
///
/// The form is the one `JournalLine.encoded()` gives: no spaces, keys the tool knows in sorted
/// order, each at most once; strings with no `\u` escape and no control character; numbers
/// without an exponent; a time the model reads and a `prev` of 64 lower-case hex digits.
/// Anything else, even valid JSON (spaces, a key from a newer version, an escape it does not
/// take, a time it refuses), gives nil, and the caller reads the line with the JSON decoder, so
/// both always agree (`CanonicalLineTests`).
enum CanonicalLine {
    /// What the line records, or nil when `line` is not exactly in the canonical form.
    static func decode(_ line: ArraySlice<UInt8>) -> JournalReading.Record? {
        // Read through a pointer: a slice of the journal's array checks both its bounds at every
        // byte and retains the array for every piece cut from it.
        line.withUnsafeBufferPointer(decode)
    }

    /// `decode(_:)` of the line `buffer` holds.
    private static func decode(_ buffer: UnsafeBufferPointer<UInt8>) -> JournalReading.Record? {
        var cursor = Cursor(bytes: buffer)
        guard cursor.take(UInt8(ascii: "{")) else { return nil }
        // The time and the link are read from their bytes, not kept as texts: every line has both.
        var fields = JournalLine(at: "", by: "", prev: "")
        var time: Timestamp?
        var prev: LineHash?
        var seen: UInt32 = 0
        var next = 0
        repeat {
            // Keys come in the order of `Key`, so a key before the last one read, or the same one
            // again, is not canonical.
            guard let name = cursor.rawString(), cursor.take(UInt8(ascii: ":")), let key = Key.named(name, from: next) else { return nil }
            next = key.rawValue + 1
            seen |= key.bit
            switch key {
            // Both are read from a fixed count of bytes between quotes: a quote, a backslash or a
            // control character among them is no digit, so the reading fails as it should.
            case .at:
                guard let text = cursor.quoted(20), let parsed = Timestamp(utf8: text) else { return nil }
                time = parsed
            case .prev:
                guard let text = cursor.quoted(64), let parsed = LineHash(hexDigits: text) else { return nil }
                prev = parsed
            default:
                guard fields.set(key, from: &cursor) else { return nil }
            }
        } while cursor.take(UInt8(ascii: ","))
        guard cursor.take(UInt8(ascii: "}")), cursor.atEnd, seen & Key.required == Key.required, let time, let prev else { return nil }
        return JournalReading.Record(prev: prev, entry: fields.entry(at: time))
    }

    /// The keys a journal line may hold, in the order `JSONEncoder`'s sorted keys write them.
    enum Key: Int {
        case agencies, area, asOf, at, by, digest, due, effective, indicator, lead, note, output, outputs, period, prev, reason, status, to, value

        /// The key as written in the line: a constant, so that comparing with it retains nothing.
        var name: StaticString {
            switch self {
            case .agencies: "agencies"
            case .area: "area"
            case .asOf: "as_of"
            case .at: "at"
            case .by: "by"
            case .digest: "digest"
            case .due: "due"
            case .effective: "effective"
            case .indicator: "indicator"
            case .lead: "lead"
            case .note: "note"
            case .output: "output"
            case .outputs: "outputs"
            case .period: "period"
            case .prev: "prev"
            case .reason: "reason"
            case .status: "status"
            case .to: "to"
            case .value: "value"
            }
        }

        /// The key written as `name`, when it is the key whose raw value is `first` or one after it.
        static func named(_ name: UnsafeBufferPointer<UInt8>, from first: Int) -> Key? {
            guard let initial = name.first, let given = name.baseAddress else { return nil }
            // No two keys share both their length and their first letter.
            let key: Key? = switch (name.count, initial) {
            case (8, UInt8(ascii: "a")): .agencies
            case (4, UInt8(ascii: "a")): .area
            case (5, UInt8(ascii: "a")): .asOf
            case (2, UInt8(ascii: "a")): .at
            case (2, UInt8(ascii: "b")): .by
            case (6, UInt8(ascii: "d")): .digest
            case (3, UInt8(ascii: "d")): .due
            case (9, UInt8(ascii: "e")): .effective
            case (9, UInt8(ascii: "i")): .indicator
            case (4, UInt8(ascii: "l")): .lead
            case (4, UInt8(ascii: "n")): .note
            case (6, UInt8(ascii: "o")): .output
            case (7, UInt8(ascii: "o")): .outputs
            case (6, UInt8(ascii: "p")): .period
            case (4, UInt8(ascii: "p")): .prev
            case (6, UInt8(ascii: "r")): .reason
            case (6, UInt8(ascii: "s")): .status
            case (2, UInt8(ascii: "t")): .to
            case (5, UInt8(ascii: "v")): .value
            default: nil
            }
            guard let key, key.rawValue >= first, key.name.utf8CodeUnitCount == name.count, memcmp(key.name.utf8Start, given, name.count) == 0 else { return nil }
            return key
        }

        /// The key's place in a set of keys held as bits.
        var bit: UInt32 { 1 << UInt32(rawValue) }

        /// The keys every line has.
        static let required = Key.at.bit | Key.by.bit | Key.prev.bit
    }

    /// A position in a line, read forward; every read checks the end.
    struct Cursor {
        let bytes: UnsafeBufferPointer<UInt8>
        var index = 0

        init(bytes: UnsafeBufferPointer<UInt8>) {
            self.bytes = bytes
        }

        var atEnd: Bool { index == bytes.count }

        var peek: UInt8? { index < bytes.count ? bytes[index] : nil }

        /// Steps over `byte` if it is next.
        mutating func take(_ byte: UInt8) -> Bool {
            guard peek == byte else { return false }
            index += 1
            return true
        }

        /// The bytes between a pair of quotes, with no escape or control character inside: a key.
        mutating func rawString() -> UnsafeBufferPointer<UInt8>? {
            guard take(UInt8(ascii: "\"")) else { return nil }
            let start = index
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: "\"") {
                    index += 1
                    return UnsafeBufferPointer(rebasing: bytes[start..<index - 1])
                }
                guard byte >= 0x20, byte != UInt8(ascii: "\\") else { return nil }
                index += 1
            }
            return nil
        }

        /// The `count` bytes between a pair of quotes, whatever they are: a time or a hash, which
        /// its reader checks byte by byte.
        mutating func quoted(_ count: Int) -> UnsafeBufferPointer<UInt8>? {
            let end = index + count + 1
            guard end < bytes.count, bytes[index] == UInt8(ascii: "\""), bytes[end] == UInt8(ascii: "\"") else { return nil }
            defer { index = end + 1 }
            return UnsafeBufferPointer(rebasing: bytes[index + 1..<end])
        }

        /// A JSON string with only the short escapes the encoder writes (`\"`, `\\`, `\/`, `\b`,
        /// `\f`, `\n`, `\r`, `\t`), as valid UTF-8.
        mutating func string() -> String? {
            guard take(UInt8(ascii: "\"")) else { return nil }
            let start = index
            var unescaped: [UInt8]?
            // Every byte ORed in: below 0x80 when the string is ASCII, which is always valid UTF-8.
            var bits: UInt8 = 0
            skipPlainBytes(into: &bits)
            while let byte = peek, byte != UInt8(ascii: "\"") {
                guard byte >= 0x20 else { return nil }
                bits |= byte
                index += 1
                guard byte == UInt8(ascii: "\\") else {
                    unescaped?.append(byte)
                    continue
                }
                if unescaped == nil { unescaped = Array(bytes[start..<index - 1]) }
                guard let escaped = peek, let meant = Self.escapes[escaped] else { return nil }
                index += 1
                unescaped?.append(meant)
            }
            guard take(UInt8(ascii: "\"")) else { return nil }
            guard let unescaped else { return Self.text(UnsafeBufferPointer(rebasing: bytes[start..<index - 1]), ascii: bits < 0x80) }
            return unescaped.withUnsafeBufferPointer { Self.text($0, ascii: bits < 0x80) }
        }

        /// `utf8` as a text, or nil when it is not valid UTF-8. `String(validating:)` would say
        /// so too, but through generic code that looked up type metadata for every string and
        /// cost half of reading a line; decoding repairs bad bytes instead, so a text whose bytes
        /// differ from `utf8` was not valid.
        private static func text(_ utf8: UnsafeBufferPointer<UInt8>, ascii: Bool) -> String? {
            let text = String(decoding: utf8, as: UTF8.self)
            guard ascii || text.utf8.withContiguousStorageIfAvailable({ stored in
                guard stored.count == utf8.count, let left = stored.baseAddress, let right = utf8.baseAddress else { return stored.count == utf8.count }
                return memcmp(left, right, utf8.count) == 0
            }) == true else { return nil }
            return text
        }

        /// Steps over the bytes of a string up to its first quote, backslash or control
        /// character, ORing each into `bits`: most of a line's bytes, read without a bounds
        /// check each.
        private mutating func skipPlainBytes(into bits: inout UInt8) {
            // Eight bytes at a time first, as one word, while none of them is a quote, a backslash
            // or a control character: the bytes of a note, most of a line, are looked at once each.
            let ones: UInt64 = 0x0101_0101_0101_0101
            let highs = ones &* 0x80
            var words: UInt64 = 0
            if let base = bytes.baseAddress {
                while index + 8 <= bytes.count {
                    let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
                    // A byte below 0x20, or equal to a quote or a backslash, sets its high bit in
                    // these (a byte past it may be set too, which only ends the run sooner).
                    let control = (word &- ones &* 0x20) & ~word
                    let quote = word ^ (ones &* UInt64(UInt8(ascii: "\""))), backslash = word ^ (ones &* UInt64(UInt8(ascii: "\\")))
                    guard (control | (quote &- ones) & ~quote | (backslash &- ones) & ~backslash) & highs == 0 else { break }
                    words |= word
                    index += 8
                }
            }
            if words & highs != 0 { bits |= 0x80 }
            while index < bytes.count {
                let byte = bytes[index]
                guard byte >= 0x20, byte != UInt8(ascii: "\""), byte != UInt8(ascii: "\\") else { break }
                bits |= byte
                index += 1
            }
        }

        /// What each short escape stands for.
        private static let escapes: [UInt8: UInt8] = [
            UInt8(ascii: "\""): UInt8(ascii: "\""), UInt8(ascii: "\\"): UInt8(ascii: "\\"), UInt8(ascii: "/"): UInt8(ascii: "/"),
            UInt8(ascii: "b"): 0x08, UInt8(ascii: "f"): 0x0C, UInt8(ascii: "n"): 0x0A, UInt8(ascii: "r"): 0x0D, UInt8(ascii: "t"): 0x09,
        ]

        /// A list of strings.
        mutating func strings() -> [String]? {
            guard take(UInt8(ascii: "[")) else { return nil }
            var values: [String] = []
            if take(UInt8(ascii: "]")) { return values }
            repeat {
                guard let value = string() else { return nil }
                values.append(value)
            } while take(UInt8(ascii: ","))
            return take(UInt8(ascii: "]")) ? values : nil
        }

        /// A number as `-?(0|[1-9][0-9]*)(\.[0-9]+)?` with at most 17 digits, which `Double`
        /// rounds exactly as the JSON decoder does; anything longer, or with an exponent, is nil.
        mutating func number() -> Double? {
            let start = index
            _ = take(UInt8(ascii: "-"))
            let integer = digits()
            guard integer > 0, integer == 1 || bytes[index - integer] != UInt8(ascii: "0") else { return nil }
            var fraction = 0
            if take(UInt8(ascii: ".")) {
                fraction = digits()
                guard fraction > 0 else { return nil }
            }
            guard integer + fraction <= 17 else { return nil }
            return Double(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self))
        }

        /// Steps over a run of decimal digits, giving how many.
        private mutating func digits() -> Int {
            let start = index
            while let byte = peek, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) { index += 1 }
            return index - start
        }
    }
}

extension JournalLine {
    /// A line with only its time, author and chain link; the reader fills in the rest.
    init(at: String, by: String, prev: String) {
        self.at = at
        self.by = by
        self.prev = prev
    }

    /// Reads the value of `key` at `cursor` into its field; false when it is not of the field's kind.
    fileprivate mutating func set(_ key: CanonicalLine.Key, from cursor: inout CanonicalLine.Cursor) -> Bool {
        switch key {
        // The reader takes these two from their bytes.
        case .at, .prev: false
        case .by: cursor.string().map { by = $0 } != nil
        case .output: cursor.string().map { output = $0 } != nil
        case .status: cursor.string().map { status = $0 } != nil
        case .note: cursor.string().map { note = $0 } != nil
        case .due: cursor.string().map { due = $0 } != nil
        case .effective: cursor.string().map { effective = $0 } != nil
        case .reason: cursor.string().map { reason = $0 } != nil
        case .lead: cursor.strings().map { lead = $0 } != nil
        case .indicator: cursor.string().map { indicator = $0 } != nil
        case .period: cursor.string().map { period = $0 } != nil
        case .value: cursor.number().map { value = $0 } != nil
        case .area: cursor.string().map { area = $0 } != nil
        case .digest: cursor.string().map { digest = $0 } != nil
        case .to: cursor.string().map { to = $0 } != nil
        case .agencies: cursor.strings().map { agencies = $0 } != nil
        case .outputs: cursor.strings().map { outputs = $0 } != nil
        case .asOf: cursor.string().map { asOf = $0 } != nil
        }
    }
}
