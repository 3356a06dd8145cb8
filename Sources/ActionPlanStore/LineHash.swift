import CLibcrypto

/// The SHA-256 of one journal line, held as 32 bytes rather than 64 hex digits: a cold start
/// hashes every line and compares each with the next line's `prev`, and a text for each would
/// cost two allocations a line.
struct LineHash: Equatable, Sendable {
    private var words: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)

    /// The hash of `line`'s bytes, through the shim's SHA-256, which looks nothing up per line
    /// (OpenSSL 3's one-call `SHA256()` finds the algorithm among its providers every time).
    init(of line: ArraySlice<UInt8>) {
        line.withUnsafeBytes { input in
            withUnsafeMutableBytes(of: &words) { digest in
                actionplan_sha256(input.baseAddress, input.count, digest.baseAddress?.assumingMemoryBound(to: UInt8.self))
            }
        }
    }

    /// The hash written as 64 lower-case hex digits, as a line's `prev` holds it; nil for any other text.
    init?(hex: String) {
        var text = hex
        guard let hash = text.withUTF8({ Self(hexDigits: $0) }) else { return nil }
        self = hash
    }

    /// The hash from the bytes of its 64 lower-case hex digits, as a journal line holds them;
    /// nil for any other bytes.
    init?(hexDigits: UnsafeBufferPointer<UInt8>) {
        guard hexDigits.count == 64 else { return nil }
        // Every digit's value ORed in: past 0x0F when one was no lower-case hex digit.
        var invalid: UInt8 = 0
        withUnsafeMutableBytes(of: &words) { digest in
            for index in digest.indices {
                let high = Self.value(hexDigits[2 * index]), low = Self.value(hexDigits[2 * index + 1])
                invalid |= high | low
                digest[index] = high << 4 | low
            }
        }
        guard invalid <= 0x0F else { return nil }
    }

    /// The hash as `prev` writes it.
    var hex: String {
        withUnsafeBytes(of: words) { digest in
            var text: [UInt8] = []
            text.reserveCapacity(64)
            for byte in digest {
                text.append(Self.digits[Int(byte >> 4)])
                text.append(Self.digits[Int(byte & 0x0F)])
            }
            return String(decoding: text, as: UTF8.self)
        }
    }

    static func == (lhs: LineHash, rhs: LineHash) -> Bool {
        lhs.words == rhs.words
    }

    private static let digits = Array("0123456789abcdef".utf8)

    /// A lower-case hex digit's value, or 0xFF for any other byte; upper case is not how the tool
    /// writes a hash. Without an optional: the check is one OR for all 64 digits.
    private static func value(_ digit: UInt8) -> UInt8 {
        switch digit {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): digit - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): digit - UInt8(ascii: "a") + 10
        default: 0xFF
        }
    }
}
