import Foundation

/// Reading whole files, or their tails, as bytes.
enum FileBytes {
    /// The bytes of an open file from `offset` to its end as it is now, read straight into the
    /// array that is returned: journals and caches run to hundreds of megabytes, so no buffer is
    /// grown, copied or zero-filled on the way. A read that fails part way gives what came before.
    static func read(_ fd: Int32, from offset: Int = 0) -> [UInt8] {
        var info = stat()
        guard fstat(fd, &info) == 0 else { return [] }
        let wanted = max(0, Int(info.st_size) - offset)
        return [UInt8](unsafeUninitializedCapacity: wanted) { buffer, initialized in
            while initialized < wanted {
                let count = pread(fd, buffer.baseAddress.map { $0 + initialized }, wanted - initialized, off_t(offset + initialized))
                if count < 0, errno == EINTR { continue }
                guard count > 0 else { break }
                initialized += count
            }
        }
    }

    /// Writes every byte of `bytes` to `fd`, retrying when a signal interrupts; false if it cannot.
    static func write(_ bytes: some ContiguousBytes, to fd: Int32) -> Bool {
        bytes.withUnsafeBytes { buffer in
            var done = 0
            while done < buffer.count {
                let count = Foundation.write(fd, buffer.baseAddress.map { $0 + done }, buffer.count - done)
                if count < 0, errno == EINTR { continue }
                guard count > 0 else { return false }
                done += count
            }
            return true
        }
    }
}
