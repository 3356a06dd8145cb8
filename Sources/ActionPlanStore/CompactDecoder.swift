/// Reads any `Decodable` value from what `CompactEncoder` wrote, refusing (with `CacheUnreadable`)
/// a tag, key or count that is not what the type asks for, rather than misreading or trapping.
final class CompactDecoder: Decoder {
    // Only ever used by one thread, and never accessed overlapping: the dynamic exclusivity
    // checks on these (one per byte read) were a measurable share of a warm start.
    @exclusivity(unchecked) fileprivate var reader: CacheReader
    /// Each key's name, by its number in the bytes.
    @exclusivity(unchecked) private var names: [String] = []
    /// The number of a key already read, by `allKeys` (an enum's case) or by a `decodeNil` that
    /// found a value; -1 when there is none.
    @exclusivity(unchecked) private var pending = -1
    /// A keyed container for each type of key met so far, reused: it holds nothing but this
    /// decoder, and making one (its box, and the generic types it needs looked up) for every keyed
    /// value was a quarter of a warm start.
    @exclusivity(unchecked) private var containers: [ObjectIdentifier: AnyObject] = [:]

    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    private init(_ reader: CacheReader) {
        self.reader = reader
    }

    /// The one value of `Value` that `reader`'s bytes hold, to their end.
    static func decode<Value: Decodable>(_ type: Value.Type, from reader: CacheReader) throws -> Value {
        let decoder = CompactDecoder(reader)
        let value = try decoder.value(type)
        guard decoder.reader.isAtEnd else { throw CacheUnreadable() }
        return value
    }

    /// Values of `Element`, one after the other, that `reader`'s bytes hold, made in `place`: how
    /// many were made from its start, and whether they fill it and end the bytes.
    static func decode<Element: Decodable>(into place: UnsafeMutableBufferPointer<Element>, from reader: CacheReader) -> (made: Int, whole: Bool) {
        let decoder = CompactDecoder(reader)
        var made = 0
        while made < place.count, let element = try? decoder.value(Element.self) {
            place.initializeElement(at: made, to: element)
            made += 1
        }
        return (made, made == place.count && decoder.reader.isAtEnd)
    }

    /// The next field's key, by its number.
    private func nextKeyNumber() throws -> Int {
        if pending >= 0 {
            defer { pending = -1 }
            return pending
        }
        let number = try reader.int()
        if number == names.count { names.append(try reader.string()) }
        guard number >= 0, number < names.count else { throw CacheUnreadable() }
        return number
    }

    /// Reads the next field's key, which must be `key`.
    func field(_ key: some CodingKey) throws {
        guard names[try nextKeyNumber()] == key.stringValue else { throw CacheUnreadable() }
    }

    /// The next key, kept to be read again: what an enum's cases are told apart by.
    func peekKey() -> String? {
        guard let number = try? nextKeyNumber() else { return nil }
        pending = number
        return names[number]
    }

    /// Whether the field `key` is absent; when it is not, its key is kept for the value to be read.
    func isAbsent(_ key: some CodingKey) throws -> Bool {
        let number = try nextKeyNumber()
        guard names[number] == key.stringValue else { throw CacheUnreadable() }
        if try reader.peek() == CompactTag.absent.rawValue {
            _ = try reader.byte()
            return true
        }
        pending = number
        return false
    }

    private func expect(_ tag: CompactTag) throws {
        guard try reader.byte() == tag.rawValue else { throw CacheUnreadable() }
    }

    func value<Value: Decodable>(_ type: Value.Type) throws -> Value {
        // The casts are between identical types (checked just before), so need no dynamic cast.
        if Value.self == String.self { return unsafeBitCast(try string(), to: Value.self) }
        if Value.self == Int.self { return unsafeBitCast(try integer(Int.self), to: Value.self) }
        if Value.self == Bool.self { return unsafeBitCast(try bool(), to: Value.self) }
        if (try? reader.peek()) == CompactTag.chunked.rawValue { return try chunked(type) }
        return try Value(from: self)
    }

    /// A chunked array (`CompactChunked`). Apart from `value` so that the metadata its casts need
    /// is not looked up for every value read: that lookup was a sixth of a warm start.
    @inline(never)
    private func chunked<Value: Decodable>(_ type: Value.Type) throws -> Value {
        guard let chunked = Value.self as? any CompactChunked.Type else { throw CacheUnreadable() }
        _ = try reader.byte()
        guard let value = try chunked.decodeChunks(from: self) as? Value else { throw CacheUnreadable() }
        return value
    }

    /// The chunks of a chunked array (`CompactChunked`), after its tag: its count, and a reader of each chunk.
    fileprivate func chunks() throws -> (count: Int, chunks: [CacheReader]) {
        let count = try reader.count()
        var chunks: [CacheReader] = []
        for _ in 0..<(count + CompactChunking.size - 1) / CompactChunking.size { chunks.append(try reader.section()) }
        return (count, chunks)
    }

    func string() throws -> String {
        try expect(.string)
        return try reader.string()
    }

    func bool() throws -> Bool {
        try expect(.bool)
        return try reader.bool()
    }

    func integer<Value: FixedWidthInteger>(_ type: Value.Type) throws -> Value {
        try expect(.integer)
        let stored = Int64(try reader.int())
        let value = Value(truncatingIfNeeded: stored)
        guard Int64(truncatingIfNeeded: value) == stored else { throw CacheUnreadable() }
        return value
    }

    func double() throws -> Double {
        try expect(.double)
        return Double(bitPattern: UInt64(bitPattern: Int64(try reader.int())))
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        try expect(.keyed)
        // Kept as the one reference a `KeyedDecodingContainer` is (its box; `unsafeBitCast` checks
        // the size), under its key type: a checked cast back cost more than making a new one.
        if let made = containers[ObjectIdentifier(type)] { return unsafeBitCast(made, to: KeyedDecodingContainer<Key>.self) }
        let made = KeyedDecodingContainer(KeyedReader<Key>(decoder: self))
        containers[ObjectIdentifier(type)] = unsafeBitCast(made, to: AnyObject.self)
        return made
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        try expect(.unkeyed)
        return UnkeyedReader(decoder: self, count: try reader.fixedCount())
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { SingleReader(decoder: self) }
}

private struct KeyedReader<Key: CodingKey>: KeyedDecodingContainerProtocol {
    // Stateless but for the decoder, which keeps one per type of key (`CompactDecoder.container`).
    let decoder: CompactDecoder
    var codingPath: [any CodingKey] { [] }

    /// Only the next key: asked for by an enum, to know its case.
    var allKeys: [Key] { decoder.peekKey().flatMap(Key.init(stringValue:)).map { [$0] } ?? [] }

    /// Every field is written, absent or not, so any key asked for is there.
    func contains(_ key: Key) -> Bool { true }

    func decodeNil(forKey key: Key) throws -> Bool { try decoder.isAbsent(key) }

    /// An optional field in one step, not the default's `contains`, `decodeNil`, then `decode`.
    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        try decoder.isAbsent(key) ? nil : try decode(type, forKey: key)
    }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        try decoder.field(key)
        return try decoder.value(type)
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        try decoder.field(key)
        return try decoder.container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try decoder.field(key)
        return try decoder.unkeyedContainer()
    }

    func superDecoder() throws -> any Decoder { decoder }

    func superDecoder(forKey key: Key) throws -> any Decoder {
        try decoder.field(key)
        return decoder
    }
}

private struct UnkeyedReader: UnkeyedDecodingContainer {
    // Three words, so the existential holds it without a box of its own.
    let decoder: CompactDecoder
    let elements: Int
    private(set) var currentIndex = 0
    var count: Int? { elements }
    var codingPath: [any CodingKey] { [] }
    var isAtEnd: Bool { currentIndex >= elements }

    init(decoder: CompactDecoder, count: Int) {
        self.decoder = decoder
        self.elements = count
    }

    /// Steps over one element, read next.
    private mutating func next() throws -> CompactDecoder {
        guard !isAtEnd else { throw CacheUnreadable() }
        currentIndex += 1
        return decoder
    }

    /// Nil is never written (`CompactEncoder.refuseNil`).
    mutating func decodeNil() throws -> Bool { false }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { try next().value(type) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        try next().container(keyedBy: type)
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer { try next().unkeyedContainer() }

    mutating func superDecoder() throws -> any Decoder { try next() }
}

private struct SingleReader: SingleValueDecodingContainer {
    let decoder: CompactDecoder
    var codingPath: [any CodingKey] { [] }

    /// Nil is never written (`CompactEncoder.refuseNil`).
    func decodeNil() -> Bool { false }
    func decode<T: Decodable>(_ type: T.Type) throws -> T { try decoder.value(type) }
    func decode(_ type: Bool.Type) throws -> Bool { try decoder.bool() }
    func decode(_ type: String.Type) throws -> String { try decoder.string() }
    func decode(_ type: Double.Type) throws -> Double { try decoder.double() }
    func decode(_ type: Float.Type) throws -> Float { Float(try decoder.double()) }
    func decode(_ type: Int.Type) throws -> Int { try decoder.integer(type) }
    func decode(_ type: Int8.Type) throws -> Int8 { try decoder.integer(type) }
    func decode(_ type: Int16.Type) throws -> Int16 { try decoder.integer(type) }
    func decode(_ type: Int32.Type) throws -> Int32 { try decoder.integer(type) }
    func decode(_ type: Int64.Type) throws -> Int64 { try decoder.integer(type) }
    func decode(_ type: UInt.Type) throws -> UInt { try decoder.integer(type) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try decoder.integer(type) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try decoder.integer(type) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try decoder.integer(type) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try decoder.integer(type) }
}

/// How large arrays are cut into chunks (`CompactChunked`).
enum CompactChunking {
    /// Elements in each chunk but the last.
    static let size = 512
    /// The fewest elements an array needs to be chunked: enough for two chunks, so that the
    /// outputs of a plan of 1,000 are read on both cores too, while a short array is not handed to
    /// another thread for nothing.
    static let threshold = 768
}

/// An array written in chunks, each with its own key numbers and length, so its chunks are read on
/// every core at once: the journal's records and the outputs it touched are most of a cache.
protocol CompactChunked {
    var chunkedCount: Int { get }
    func encodeChunks(to encoder: CompactEncoder) throws
    static func decodeChunks(from decoder: CompactDecoder) throws -> Self
}

extension Array: CompactChunked where Element: Codable {
    var chunkedCount: Int { count }

    func encodeChunks(to encoder: CompactEncoder) throws {
        encoder.writer.byte(CompactTag.chunked.rawValue)
        encoder.writer.int(count)
        // Each chunk has its own key numbers, so the chunks are written on every core at once.
        let elements = HandedOver(value: self)
        let chunks = parallelMap([Int](stride(from: 0, to: count, by: CompactChunking.size))) { start in
            Result { () throws -> [UInt8] in
                let chunk = CompactEncoder()
                for element in elements.value[start..<Swift.min(start + CompactChunking.size, elements.value.count)] { try chunk.value(element) }
                return chunk.writer.bytes
            }
        }
        for chunk in chunks { encoder.writer.raw(try chunk.get()) }
    }

    static func decodeChunks(from decoder: CompactDecoder) throws -> [Element] {
        let (count, chunks) = try decoder.chunks()
        return try decodeOnEveryCore(count: count, chunks: chunks)
    }
}

/// The `count` elements of a chunked array, each chunk decoded on its own thread straight into
/// its place in the array: no copy of the elements, and no cast of the array.
///
/// Only a `Sendable` value may be made on one thread for another, which the type system cannot
/// check here (`Codable` arrays of every kind come through); every cached model value is one.
private func decodeOnEveryCore<Element: Decodable>(count: Int, chunks: [CacheReader]) throws -> [Element] {
    try Array(unsafeUninitializedCapacity: count) { buffer, initialized in
        let places = chunks.indices.map { index in
            index * CompactChunking.size..<Swift.min((index + 1) * CompactChunking.size, count)
        }
        let array = buffer
        let decodeChunk = HandedOver(value: { (place: Range<Int>, reader: CacheReader) in
            CompactDecoder.decode(into: UnsafeMutableBufferPointer(rebasing: array[place]), from: reader)
        })
        let read = parallelMap(Array(zip(places, chunks))) { place, reader in decodeChunk.value(place, reader) }
        guard read.allSatisfy(\.whole) else {
            for (place, part) in zip(places, read) {
                UnsafeMutableBufferPointer(rebasing: array[place.lowerBound..<place.lowerBound + part.made]).deinitialize()
            }
            throw CacheUnreadable()
        }
        initialized = count
    }
}

/// A value made on one thread and handed to others that only read it, once the first is done
/// with it: a chunk of a cached array, which the type system cannot see is `Sendable`
/// (`Codable` arrays of every kind come through), as every cached model value is.
struct HandedOver<Value>: @unchecked Sendable {
    let value: Value
}
