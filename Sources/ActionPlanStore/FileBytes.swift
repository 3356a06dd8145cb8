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

    /// Makes the file at `path` whole or not at all: `write` fills a new file beside it, which is
    /// flushed to disk and then renamed over `path`, so a reader sees the old file or the new one.
    /// Nil when done; otherwise why not, and nothing is left behind.
    static func replace(_ path: String, mode: mode_t, _ write: (Int32) -> Bool) -> String? {
        let temporary = path + ".\(getpid()).tmp"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode)
        guard fd >= 0 else { return String(cString: strerror(errno)) }
        let written = write(fd)
        var problem = written ? nil : String(cString: strerror(errno))
        if problem == nil, fsync(fd) != 0 { problem = String(cString: strerror(errno)) }
        close(fd)
        if problem == nil, rename(temporary, path) != 0 { problem = String(cString: strerror(errno)) }
        if problem != nil { unlink(temporary) }
        return problem
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
