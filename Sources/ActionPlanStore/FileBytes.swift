import Foundation

/// Reading whole files, or their tails, as bytes.
public enum FileBytes {
    /// The bytes of an open file from `offset` to its end as it is now (or to `end`, if sooner),
    /// read straight into the array that is returned: journals and caches run to hundreds of
    /// megabytes, so no buffer is grown, copied or zero-filled on the way. A read that fails part
    /// way gives what came before.
    static func read(_ fd: Int32, from offset: Int = 0, to end: Int = .max) -> [UInt8] {
        let wanted = size(of: fd, from: offset, to: end)
        return [UInt8](unsafeUninitializedCapacity: wanted) { buffer, initialized in
            initialized = fill(UnsafeMutableRawBufferPointer(buffer), from: fd, at: offset)
        }
    }

    /// The whole of an open file as `Data`, read straight into it as `read` does: a plan's bytes
    /// go on to the YAML parser as `Data`, and making that from an array copied a 51 MB plan again.
    static func data(_ fd: Int32) -> Data {
        var data = Data(count: size(of: fd, from: 0, to: .max))
        let read = data.withUnsafeMutableBytes { fill($0, from: fd, at: 0) }
        if read < data.count { data.removeSubrange(read...) }
        return data
    }

    /// How many bytes there are from `offset` to the end of the open file, or to `end` if sooner.
    private static func size(of fd: Int32, from offset: Int, to end: Int) -> Int {
        var info = stat()
        guard fstat(fd, &info) == 0 else { return 0 }
        return max(0, min(Int(info.st_size), end) - offset)
    }

    /// Fills `buffer` from the open file at `offset`, retrying when a signal interrupts: how many
    /// bytes were read before the end of the file or an error.
    private static func fill(_ buffer: UnsafeMutableRawBufferPointer, from fd: Int32, at offset: Int) -> Int {
        var initialized = 0
        while initialized < buffer.count {
            let count = pread(fd, buffer.baseAddress.map { $0 + initialized }, buffer.count - initialized, off_t(offset + initialized))
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { break }
            initialized += count
        }
        return initialized
    }

    /// Makes the file at `path` whole or not at all: `write` fills a new file beside it, under a
    /// name nobody can guess, which is flushed to disk, renamed over `path`, and the folder
    /// flushed too, so a reader sees the old file or the new one. Anything at `path` that is not a
    /// regular file (a link, a FIFO, a device, a folder) is left alone and refused.
    /// Nil when done; otherwise why not, and nothing is left behind.
    static func replace(_ path: String, mode: mode_t, _ write: (Int32) -> Bool) -> String? {
        if let problem = SafeFile.existingNonRegular(path) { return problem.message }
        let fd: Int32
        let temporary: String
        switch SafeFile.createTemporary(beside: path, mode: mode) {
        case .success(let made): (fd, temporary) = made
        case .failure(let problem): return problem.message
        }
        let written = write(fd)
        var problem = written ? nil : String(cString: strerror(errno))
        if problem == nil, fsync(fd) != 0 { problem = String(cString: strerror(errno)) }
        close(fd)
        // Checked again just before: something may have been put there while the file was written.
        if problem == nil, let planted = SafeFile.existingNonRegular(path) { problem = planted.message }
        if problem == nil, rename(temporary, path) != 0 { problem = String(cString: strerror(errno)) }
        if problem != nil { unlink(temporary) }
        SafeFile.syncFolder(of: path)
        return problem
    }

    /// Writes every byte of `bytes` to `fd`, retrying when a signal interrupts; false if it
    /// cannot, with `errno` saying why.
    public static func write(_ bytes: some ContiguousBytes, to fd: Int32) -> Bool {
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
