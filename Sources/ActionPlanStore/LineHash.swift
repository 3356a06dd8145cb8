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
        self.init(hexDigits: Array(hex.utf8)[...])
    }

    /// The hash from the bytes of its 64 lower-case hex digits, as a journal line holds them;
    /// nil for any other bytes.
    init?(hexDigits: ArraySlice<UInt8>) {
        guard hexDigits.count == 64 else { return nil }
        var failed = false
        withUnsafeMutableBytes(of: &words) { digest in
            var digit = hexDigits.startIndex
            for index in digest.indices {
                guard let high = Self.value(hexDigits[digit]), let low = Self.value(hexDigits[digit + 1]) else {
                    failed = true
                    return
                }
                digest[index] = high << 4 | low
                digit += 2
            }
        }
        guard !failed else { return nil }
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

    /// A lower-case hex digit's value; upper case is not how the tool writes a hash.
    private static func value(_ digit: UInt8) -> UInt8? {
        switch digit {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): digit - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): digit - UInt8(ascii: "a") + 10
        default: nil
        }
    }
}
