/// Reads any `Decodable` value from what `CompactEncoder` wrote, refusing (with `CacheUnreadable`)
/// a tag, key or count that is not what the type asks for, rather than misreading or trapping.
final class CompactDecoder: Decoder {
    private var reader: CacheReader
    /// Each key's name, by its number in the bytes.
    private var names: [String] = []
    /// A key already read, by `allKeys` (an enum's case) or by a `decodeNil` that found a value.
    private var pending: String?

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

    /// The next field's key name.
    func nextKey() throws -> String {
        if let pending {
            self.pending = nil
            return pending
        }
        let number = try reader.int()
        if number == names.count { names.append(try reader.string()) }
        guard names.indices.contains(number) else { throw CacheUnreadable() }
        return names[number]
    }

    /// Reads the next field's key, which must be `key`.
    func field(_ key: some CodingKey) throws {
        guard try nextKey() == key.stringValue else { throw CacheUnreadable() }
    }

    /// The next key, kept to be read again: what an enum's cases are told apart by.
    func peekKey() -> String? {
        pending = try? nextKey()
        return pending
    }

    /// Whether the field `key` is absent; when it is not, its key is kept for the value to be read.
    func isAbsent(_ key: some CodingKey) throws -> Bool {
        try field(key)
        if try reader.peek() == CompactTag.absent.rawValue {
            _ = try reader.byte()
            return true
        }
        pending = key.stringValue
        return false
    }

    private func expect(_ tag: CompactTag) throws {
        guard try reader.byte() == tag.rawValue else { throw CacheUnreadable() }
    }

    func value<Value: Decodable>(_ type: Value.Type) throws -> Value {
        if Value.self == String.self, let string = try string() as? Value { return string }
        if Value.self == Int.self, let int = try integer(Int.self) as? Value { return int }
        if Value.self == Bool.self, let bool = try bool() as? Value { return bool }
        return try Value(from: self)
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
        return KeyedDecodingContainer(KeyedReader(decoder: self))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        try expect(.unkeyed)
        return UnkeyedReader(decoder: self, count: try reader.fixedCount())
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { SingleReader(decoder: self) }
}

private struct KeyedReader<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let decoder: CompactDecoder
    var codingPath: [any CodingKey] { [] }

    /// Only the next key: asked for by an enum, to know its case.
    var allKeys: [Key] { decoder.peekKey().flatMap(Key.init(stringValue:)).map { [$0] } ?? [] }

    /// Every field is written, absent or not, so any key asked for is there.
    func contains(_ key: Key) -> Bool { true }

    func decodeNil(forKey key: Key) throws -> Bool { try decoder.isAbsent(key) }

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
    let decoder: CompactDecoder
    let count: Int?
    private(set) var currentIndex = 0
    var codingPath: [any CodingKey] { [] }
    var isAtEnd: Bool { currentIndex >= count ?? 0 }

    init(decoder: CompactDecoder, count: Int) {
        self.decoder = decoder
        self.count = count
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
