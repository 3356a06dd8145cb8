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

    /// The digest of the open file `fd` from its start to its end, read a mebibyte at a time
    /// into one buffer: a start that finds its cache needs only the plan's digest, not its bytes
    /// (51 MB at 100,000 outputs). Nil when a read fails.
    static func bytes(ofFile fd: Int32) -> [UInt8]? {
        var context = SHA256_CTX()
        SHA256_Init(&context)
        let chunk = 1 << 20
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: chunk, alignment: 16)
        defer { buffer.deallocate() }
        var offset = 0
        while true {
            let count = pread(fd, buffer, chunk, off_t(offset))
            if count < 0, errno == EINTR { continue }
            guard count >= 0 else { return nil }
            if count == 0 { break }
            SHA256_Update(&context, buffer, count)
            offset += count
        }
        var digest = [UInt8](repeating: 0, count: Int(SHA256_DIGEST_LENGTH))
        SHA256_Final(&digest, &context)
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
