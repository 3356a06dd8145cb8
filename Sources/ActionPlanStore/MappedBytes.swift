import Foundation

/// The bytes a load cache is read from: its file mapped into memory, or bytes already in hand.
///
/// A cache is mapped rather than read: at 100,000 outputs it is 120 MB, and reading it copied
/// every byte into fresh pages that the kernel first zeroed, a fifth of a warm `summary` in page
/// faults and copies. A mapping changes under its reader only if the file is cut short or
/// written in place, and nothing does that to a cache: only the account itself can write to its
/// cache folder (`PrivateFolder`), and the tool replaces a cache by renaming a new file over it,
/// which leaves a mapping of the old one whole.
final class MappedBytes: @unchecked Sendable {
    // Sendable by hand: both are set once, in `init`, and the bytes are never written.
    /// Where the bytes start; a byte of its own when there are none, so it is never nil.
    let base: UnsafePointer<UInt8>
    let count: Int
    /// Whether `base` is a mapping (unmapped when done), or memory of this object's own.
    private let mapped: Bool

    /// A copy of `bytes`.
    init(_ bytes: [UInt8]) {
        let copy = UnsafeMutablePointer<UInt8>.allocate(capacity: max(1, bytes.count))
        bytes.withUnsafeBufferPointer { given in
            if let start = given.baseAddress { copy.initialize(from: start, count: given.count) }
        }
        base = UnsafePointer(copy)
        count = bytes.count
        mapped = false
    }

    /// The whole of the regular file open at `fd`, mapped, its pages mapped at once (a start
    /// reads most of a cache); nil when it cannot be.
    init?(mapping fd: Int32) {
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_size > 0 else { return nil }
        let size = Int(info.st_size)
        guard let address = mmap(nil, size, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0), address != MAP_FAILED else { return nil }
        base = UnsafePointer(address.assumingMemoryBound(to: UInt8.self))
        count = size
        mapped = true
    }

    deinit {
        if mapped {
            munmap(UnsafeMutableRawPointer(mutating: base), count)
        } else {
            base.deallocate()
        }
    }
}
