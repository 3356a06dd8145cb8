import CLibcrypto
import Foundation

/// SHA-256 from the system's libcrypto: the journal's chain and the names of per-account files.
enum SHA256Digest {
    /// The 32-byte digest of `bytes`.
    static func bytes(of bytes: some DataProtocol) -> [UInt8] {
        let input = bytes as? Data ?? Data(bytes)
        var digest = [UInt8](repeating: 0, count: Int(SHA256_DIGEST_LENGTH))
        input.withUnsafeBytes { raw in
            digest.withUnsafeMutableBufferPointer { out in
                actionplan_sha256(raw.baseAddress, raw.count, out.baseAddress)
            }
        }
        return digest
    }

    /// The digest of `bytes` as 64 lower-case hex digits.
    static func hex(of bytes: some DataProtocol) -> String {
        var hex: [UInt8] = []
        hex.reserveCapacity(64)
        for byte in self.bytes(of: bytes) {
            hex.append(hexDigits[Int(byte >> 4)])
            hex.append(hexDigits[Int(byte & 0x0F)])
        }
        return String(decoding: hex, as: UTF8.self)
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)
}
