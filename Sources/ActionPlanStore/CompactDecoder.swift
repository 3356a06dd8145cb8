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
    /// decoder and its key numbers, and making one (its box, and the generic types it needs looked
    /// up) for every keyed value was a quarter of a warm start.
    @exclusivity(unchecked) private var containers = TypeMemo<AnyObject>()
    /// Whether each type met so far where an array's tag was is an array, and which
    /// (`CompactEncoder.arrays`).
    @exclusivity(unchecked) private var arrays = TypeMemo<(any CompactArray.Type)?>()

    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    private init(_ reader: CacheReader) {
        self.reader = reader
    }

    /// The one value of `Value` that `reader`'s bytes hold, to their end.
    static func decode<Value: Decodable>(_ type: Value.Type, from reader: CacheReader) throws -> Value {
        let decoder = CompactDecoder(reader)
        defer { decoder.finish() }
        let value = try decoder.value(type)
        guard decoder.reader.isAtEnd else { throw CacheUnreadable() }
        return value
    }

    /// Values of `Element`, one after the other, that `reader`'s bytes hold, made in `place`: how
    /// many were made from its start, and whether they fill it and end the bytes.
    static func decode<Element: Decodable>(into place: UnsafeMutableBufferPointer<Element>, from reader: CacheReader) -> (made: Int, whole: Bool) {
        let decoder = CompactDecoder(reader)
        defer { decoder.finish() }
        var made = 0
        // Each made straight in its place: bound to a name first, it was copied there and then
        // destroyed, a retain and a release of every string and array in it.
        do {
            while made < place.count {
                place.initializeElement(at: made, to: try decoder.value(Element.self))
                made += 1
            }
        } catch {
            return (made, false)
        }
        return (made, decoder.reader.isAtEnd)
    }

    /// Lets go of the containers kept for reuse, each of which holds this decoder.
    private func finish() {
        containers = TypeMemo()
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

    /// Reads the next field's key, which must be `key` (of a container whose keys' numbers `table`
    /// keeps): its number.
    func field<Key: CodingKey>(_ key: Key, in table: KeyTable<Key>) throws -> Int {
        let number = try nextKeyNumber()
        if table.number(of: key) == number { return number }
        guard names[number] == key.stringValue else { throw CacheUnreadable() }
        table.keep(number, for: key)
        return number
    }

    /// Keeps the key numbered `number`, already read, to be read again.
    func keepKey(_ number: Int) {
        pending = number
    }

    /// The next key as the only key of a container whose key numbers `table` keeps (none when it
    /// is not one of its keys), kept to be read again: what an enum's cases are told apart by.
    func onlyKey<Key: CodingKey>(in table: KeyTable<Key>) -> [Key] {
        guard let number = try? nextKeyNumber() else { return [] }
        pending = number
        return table.onlyKey(numbered: number) { names[number] }
    }

    /// Whether the value next is an absent field's, which it then steps over.
    func isAbsent() throws -> Bool {
        guard try reader.peek() == CompactTag.absent.rawValue else { return false }
        _ = try reader.byte()
        return true
    }

    private func expect(_ tag: CompactTag) throws {
        guard try reader.byte() == tag.rawValue else { throw CacheUnreadable() }
    }

    func value<Value: Decodable>(_ type: Value.Type) throws -> Value {
        // The casts are between identical types (checked just before), so need no dynamic cast.
        if Value.self == String.self { return unsafeBitCast(try string(), to: Value.self) }
        if Value.self == Int.self { return unsafeBitCast(try integer(Int.self), to: Value.self) }
        if Value.self == Bool.self { return unsafeBitCast(try bool(), to: Value.self) }
        let tag = try reader.peek()
        // Four in every output (leads, measures, outcomes, was): made here with its type known,
        // not through `CompactArray`, whose array of a generic element has its type looked up
        // each time one is made.
        if Value.self == [String].self, tag == CompactTag.unkeyed.rawValue { return unsafeBitCast(try strings(), to: Value.self) }
        if tag == CompactTag.unkeyed.rawValue || tag == CompactTag.chunked.rawValue,
           let array = arrays.value(for: type, making: { type as? any CompactArray.Type }) {
            return try array.decode(type, from: self)
        }
        return try Value(from: self)
    }

    /// The count of an array's elements, after its tag, when they are not in chunks.
    fileprivate func count() throws -> Int {
        try expect(.unkeyed)
        return try reader.fixedCount()
    }

    /// The chunks of a chunked array (`CompactArray`), after its tag: its count, and a reader of
    /// each chunk; nil when the array is not in chunks.
    fileprivate func chunks() throws -> (count: Int, chunks: [CacheReader])? {
        guard try reader.peek() == CompactTag.chunked.rawValue else { return nil }
        _ = try reader.byte()
        let count = try reader.count()
        var chunks: [CacheReader] = []
        for _ in 0..<(count + CompactChunking.size - 1) / CompactChunking.size { chunks.append(try reader.section()) }
        return (count, chunks)
    }

    /// An array of strings, not in chunks.
    private func strings() throws -> [String] {
        let count = try count()
        guard count > 0 else { return [] }
        return try [String](unsafeUninitializedCapacity: count) { buffer, initialized in
            while initialized < count {
                buffer.initializeElement(at: initialized, to: try string())
                initialized += 1
            }
        }
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
        let made = containers.value(for: type) {
            unsafeBitCast(KeyedDecodingContainer(KeyedReader(decoder: self, keys: KeyTable<Key>())), to: AnyObject.self)
        }
        return unsafeBitCast(made, to: KeyedDecodingContainer<Key>.self)
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        try expect(.unkeyed)
        return UnkeyedReader(decoder: self, count: try reader.fixedCount())
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { SingleReader(decoder: self) }
}

private struct KeyedReader<Key: CodingKey>: KeyedDecodingContainerProtocol {
    // Stateless but for the decoder and its key numbers: the decoder keeps one per type of key
    // (`CompactDecoder.container`).
    let decoder: CompactDecoder
    let keys: KeyTable<Key>
    var codingPath: [any CodingKey] { [] }

    /// Only the next key: asked for by an enum, to know its case.
    var allKeys: [Key] { decoder.onlyKey(in: keys) }

    /// Every field is written, absent or not, so any key asked for is there.
    func contains(_ key: Key) -> Bool { true }

    /// Whether the field `key` is absent; when it is not, its key is kept for its value to be read.
    func decodeNil(forKey key: Key) throws -> Bool {
        let number = try decoder.field(key, in: keys)
        if try decoder.isAbsent() { return true }
        decoder.keepKey(number)
        return false
    }

    /// An optional field in one step, not the default's `contains`, `decodeNil`, then `decode`.
    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        _ = try decoder.field(key, in: keys)
        return try decoder.isAbsent() ? nil : try decoder.value(type)
    }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        _ = try decoder.field(key, in: keys)
        return try decoder.value(type)
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        _ = try decoder.field(key, in: keys)
        return try decoder.container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        _ = try decoder.field(key, in: keys)
        return try decoder.unkeyedContainer()
    }

    func superDecoder() throws -> any Decoder { decoder }

    func superDecoder(forKey key: Key) throws -> any Decoder {
        _ = try decoder.field(key, in: keys)
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

/// How large arrays are cut into chunks (`CompactArray`).
enum CompactChunking {
    /// Elements in each chunk but the last.
    static let size = 512
    /// The fewest elements an array needs to be chunked: enough for two chunks, so that the
    /// outputs of a plan of 1,000 are read on both cores too, while a short array is not handed to
    /// another thread for nothing.
    static let threshold = 768
}

/// An array, written as its count and its elements rather than through an unkeyed container:
/// its count is known before its elements, and they are made straight into their place. One of
/// `CompactChunking.threshold` elements or more is written in chunks, each with its own key
/// numbers and length, so its chunks are written and read on every core at once: the outputs of
/// a plan are most of a cache.
protocol CompactArray {
    /// Writes `value`, an array of this type.
    static func encode<Value>(_ value: Value, to encoder: CompactEncoder) throws
    /// Reads an array of this type, which `Value` is.
    static func decode<Value>(_ type: Value.Type, from decoder: CompactDecoder) throws -> Value
}

extension Array: CompactArray where Element: Codable {
    static func encode<Value>(_ value: Value, to encoder: CompactEncoder) throws {
        // `Value` is this very type (`CompactEncoder.arrays`), so the cast is between identical types.
        let elements = unsafeBitCast(value, to: Self.self)
        guard elements.count >= CompactChunking.threshold else {
            encoder.writer.byte(CompactTag.unkeyed.rawValue)
            encoder.writer.fixedCount(elements.count)
            for element in elements { try encoder.value(element) }
            return
        }
        encoder.writer.byte(CompactTag.chunked.rawValue)
        encoder.writer.int(elements.count)
        // Each chunk has its own key numbers, so the chunks are written on every core at once.
        let handed = HandedOver(value: elements)
        let chunks = parallelMap([Int](stride(from: 0, to: elements.count, by: CompactChunking.size))) { start in
            Result { () throws -> [UInt8] in
                let chunk = CompactEncoder()
                for element in handed.value[start..<Swift.min(start + CompactChunking.size, handed.value.count)] { try chunk.value(element) }
                return chunk.finish()
            }
        }
        // Room for them all at once: grown a chunk at a time, the bytes were copied again at each doubling.
        encoder.writer.reserve(chunks.reduce(0) { $0 + 10 + ((try? $1.get())?.count ?? 0) })
        for chunk in chunks { encoder.writer.raw(try chunk.get()) }
    }

    static func decode<Value>(_ type: Value.Type, from decoder: CompactDecoder) throws -> Value {
        // `Value` is this very type (`CompactDecoder.arrays`), so the cast is between identical types.
        unsafeBitCast(try elements(from: decoder), to: Value.self)
    }

    private static func elements(from decoder: CompactDecoder) throws -> [Element] {
        if let (count, chunks) = try decoder.chunks() { return try decodeOnEveryCore(count: count, chunks: chunks) }
        let count = try decoder.count()
        // An empty array needs no storage, nor its type looked up to make it.
        guard count > 0 else { return [] }
        return try Array(unsafeUninitializedCapacity: count) { buffer, initialized in
            while initialized < count {
                buffer.initializeElement(at: initialized, to: try decoder.value(Element.self))
                initialized += 1
            }
        }
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
