import CLibcrypto

/// The SHA-256 of one journal line, held as 32 bytes rather than 64 hex digits: a cold start
/// hashes every line and compares each with the next line's `prev`, and a text for each would
/// cost two allocations a line.
struct LineHash: Equatable, Sendable {
    private var words: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)

    /// The hash of `line`'s bytes.
    init(of line: ArraySlice<UInt8>) {
        line.withUnsafeBytes { input in
            withUnsafeMutableBytes(of: &words) { digest in
                _ = SHA256(input.baseAddress?.assumingMemoryBound(to: UInt8.self), input.count, digest.baseAddress?.assumingMemoryBound(to: UInt8.self))
            }
        }
    }

    /// The hash written as 64 lower-case hex digits, as a line's `prev` holds it; nil for any other text.
    init?(hex: String) {
        var utf8 = hex.utf8.makeIterator()
        var failed = false
        withUnsafeMutableBytes(of: &words) { digest in
            for index in digest.indices {
                guard let high = utf8.next().flatMap(Self.value), let low = utf8.next().flatMap(Self.value) else {
                    failed = true
                    return
                }
                digest[index] = high << 4 | low
            }
        }
        guard !failed, utf8.next() == nil else { return nil }
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
