import CLibcrypto

/// The SHA-256 of one journal line, held as 32 bytes rather than 64 hex digits: a cold start
/// hashes every line and compares each with the next line's `prev`, and a text for each would
/// cost two allocations a line.
struct LineHash: Equatable, Sendable {
    fileprivate var words: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)

    fileprivate init() {}

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

/// SHA-256 of line after line on one thread, through one context set up once: the one-call
/// `SHA256()` looks the algorithm up and makes a context anew for every line of a journal.
final class LineDigest {
    private let algorithm = EVP_MD_fetch(nil, "SHA256", nil)
    private let context = EVP_MD_CTX_new()

    deinit {
        EVP_MD_CTX_free(context)
        EVP_MD_free(algorithm)
    }

    /// The hash of `line`'s bytes.
    func hash(_ line: ArraySlice<UInt8>) -> LineHash {
        var hash = LineHash()
        line.withUnsafeBytes { input in
            withUnsafeMutableBytes(of: &hash.words) { digest in
                let output = digest.baseAddress?.assumingMemoryBound(to: UInt8.self)
                guard let algorithm, let context, EVP_DigestInit_ex2(context, algorithm, nil) == 1,
                      EVP_DigestUpdate(context, input.baseAddress, input.count) == 1,
                      EVP_DigestFinal_ex(context, output, nil) == 1 else {
                    // Without a context of its own, the one-call form gives the same digest.
                    _ = SHA256(input.baseAddress?.assumingMemoryBound(to: UInt8.self), input.count, output)
                    return
                }
            }
        }
        return hash
    }
}
