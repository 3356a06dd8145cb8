/// The byte layout of the load cache: unsigned LEB128 integers and length-prefixed UTF-8 strings.
///
/// The cache is private to the tool, rebuilt whenever it is missing, stale or unreadable, and
/// read on every start; a layout this plain decodes a plan of 10,000 outputs in milliseconds,
/// where the JSON and YAML decoders take hundreds.
struct CacheWriter {
    private(set) var bytes: [UInt8] = []

    mutating func int(_ value: Int) {
        var rest = UInt64(bitPattern: Int64(value))
        while rest >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    mutating func bool(_ value: Bool) {
        bytes.append(value ? 1 : 0)
    }

    mutating func string(_ value: String) {
        var value = value
        value.withUTF8 { utf8 in
            int(utf8.count)
            bytes.append(contentsOf: utf8)
        }
    }

    mutating func raw(_ value: [UInt8]) {
        int(value.count)
        bytes.append(contentsOf: value)
    }

    /// Makes room for `count` more bytes, written next.
    mutating func reserve(_ count: Int) {
        bytes.reserveCapacity(bytes.count + count)
    }

    mutating func byte(_ value: UInt8) {
        bytes.append(value)
    }

    /// A count in four bytes, little-endian, that `setCount` may rewrite later: an array's,
    /// known before its elements are written, or an unkeyed container's, known only after.
    mutating func fixedCount(_ count: Int) {
        let count = UInt32(truncatingIfNeeded: count)
        for index in 0..<4 { bytes.append(UInt8(truncatingIfNeeded: count >> (8 * UInt32(index)))) }
    }

    /// A count of 0 (`fixedCount`) for `setCount` to rewrite: where it is.
    mutating func countPlaceholder() -> Int {
        fixedCount(0)
        return bytes.count - 4
    }

    mutating func setCount(_ count: UInt32, at place: Int) {
        for index in 0..<4 { bytes[place + index] = UInt8(truncatingIfNeeded: count >> (8 * UInt32(index))) }
    }

    /// What a cache file starts with, so that no other file is taken for one.
    static let magic = Array("actionplan cache\n".utf8)

    mutating func magic() {
        bytes.append(contentsOf: Self.magic)
    }
}

/// Why a cache could not be read back: it is then ignored and rebuilt.
struct CacheUnreadable: Error {}

/// Reads what `CacheWriter` wrote, refusing anything out of range rather than trapping: every
/// read checks its place against the end before it touches a byte.
struct CacheReader {
    private let bytes: MappedBytes
    private(set) var offset: Int
    /// Where what this reader may read ends: the end of the bytes, or of a section.
    private let end: Int

    init(_ bytes: [UInt8], from offset: Int = 0) {
        self.init(MappedBytes(bytes), from: offset)
    }

    init(_ bytes: MappedBytes, from offset: Int = 0) {
        self.init(bytes, from: offset, to: bytes.count)
    }

    private init(_ bytes: MappedBytes, from offset: Int, to end: Int) {
        self.bytes = bytes
        self.offset = max(0, min(offset, end))
        self.end = end
    }

    var isAtEnd: Bool { offset == end }

    /// The bytes from here that are `count` long, which must all be there to read.
    private func run(_ count: Int) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: bytes.base + offset, count: count)
    }

    mutating func magic() throws(CacheUnreadable) {
        let magic = CacheWriter.magic
        guard end - offset >= magic.count, run(magic.count).elementsEqual(magic) else { throw CacheUnreadable() }
        offset += magic.count
    }

    /// The sections from here to the end.
    mutating func sections() throws(CacheUnreadable) -> [CacheReader] {
        var sections: [CacheReader] = []
        while !isAtEnd { sections.append(try section()) }
        return sections
    }

    /// A reader of the section that starts here, which this one steps over.
    mutating func section() throws(CacheUnreadable) -> CacheReader {
        let length = try count()
        offset += length
        return CacheReader(bytes, from: offset - length, to: offset)
    }

    mutating func int() throws(CacheUnreadable) -> Int {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard offset < end, shift < 64 else { throw CacheUnreadable() }
            let byte = bytes.base[offset]
            offset += 1
            value |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return Int(Int64(bitPattern: value)) }
            shift += 7
        }
    }

    /// A count or length: an integer that must be at least 0 and at most what is left to read.
    mutating func count() throws(CacheUnreadable) -> Int {
        let value = try int()
        guard value >= 0, value <= end - offset else { throw CacheUnreadable() }
        return value
    }

    mutating func bool() throws(CacheUnreadable) -> Bool {
        guard offset < end, bytes.base[offset] <= 1 else { throw CacheUnreadable() }
        offset += 1
        return bytes.base[offset - 1] == 1
    }

    mutating func string() throws(CacheUnreadable) -> String {
        let length = try count()
        defer { offset += length }
        return String(decoding: run(length), as: UTF8.self)
    }

    mutating func raw() throws(CacheUnreadable) -> [UInt8] {
        let length = try count()
        defer { offset += length }
        return Array(run(length))
    }

    /// The next byte, without stepping over it.
    func peek() throws(CacheUnreadable) -> UInt8 {
        guard offset < end else { throw CacheUnreadable() }
        return bytes.base[offset]
    }

    mutating func byte() throws(CacheUnreadable) -> UInt8 {
        let value = try peek()
        offset += 1
        return value
    }

    /// What `CacheWriter.setCount` wrote: at most what is left to read, as each element takes a byte or more.
    mutating func fixedCount() throws(CacheUnreadable) -> Int {
        guard end - offset >= 4 else { throw CacheUnreadable() }
        var value = 0
        for index in 0..<4 { value |= Int(bytes.base[offset + index]) << (8 * index) }
        offset += 4
        guard value <= end - offset else { throw CacheUnreadable() }
        return value
    }
}
