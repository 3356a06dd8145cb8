/// What each value in the compact form is, written before it, so that bytes written from one
/// shape of the model are refused, not misread, by another.
enum CompactTag: UInt8 {
    case bool, integer, double, string, keyed, unkeyed, absent, chunked
}

/// Writes any `Encodable` value in the load cache's compact binary form, so the cache's layout is
/// derived from the model's own types: a new field is cached with no change here.
///
/// Each value starts with its `CompactTag`; each field with its key, as a number (the key's name
/// follows the first time it is used), so a cache from a model whose fields have since changed
/// fails to decode (`CompactDecoder`) and is rebuilt; an absent optional is the tag `absent`.
/// Integers are LEB128, strings length-prefixed UTF-8 (`CacheWriter`). An array is its count and
/// its elements (`CompactArray`); one of 768 elements or more is written in chunks (the tag
/// `chunked`) that are read on every core.
///
/// What Codable would look up for every value is looked up once per type instead: whether a type
/// is an array, a keyed container (reused, as it holds nothing but this encoder) and each key's
/// number (`KeyTable`).
final class CompactEncoder: Encoder {
    // Only ever used by one thread, and never accessed overlapping: the dynamic exclusivity
    // checks on these (several per value written) were a tenth of writing a cache.
    @exclusivity(unchecked) var writer = CacheWriter()
    /// Each key's number, by its name: a key type's first use of a key, whose number its
    /// `KeyTable` then keeps.
    @exclusivity(unchecked) private var keyNumbers: [String: Int] = [:]
    /// A keyed container for each type of key met so far, reused (see `CompactDecoder.containers`).
    @exclusivity(unchecked) private var containers: [ObjectIdentifier: AnyObject] = [:]
    /// Whether each type met so far is an array, and which: a conformance check for every
    /// value written cost more than this look-up.
    @exclusivity(unchecked) private var arrays: [ObjectIdentifier: (any CompactArray.Type)?] = [:]

    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    /// `value` in the compact form.
    static func encode(_ value: some Encodable) throws -> [UInt8] {
        let encoder = CompactEncoder()
        try encoder.value(value)
        return encoder.writer.bytes
    }

    /// Writes `key` of a container whose keys' numbers `table` keeps: its number, and its name
    /// too the first time the name is used.
    func key<Key: CodingKey>(_ key: Key, in table: KeyTable<Key>) {
        if let number = table.number(of: key) { return writer.int(number) }
        let name = key.stringValue
        let number: Int
        if let known = keyNumbers[name] {
            number = known
            writer.int(number)
        } else {
            number = keyNumbers.count
            writer.int(number)
            writer.string(name)
            keyNumbers[name] = number
        }
        table.keep(number, for: key)
    }

    /// Strings, integers and booleans directly (most of a plan), arrays by their elements,
    /// anything else through its own `encode(to:)`.
    func value<Value: Encodable>(_ value: Value) throws {
        // The type is compared, not the value cast: a dynamic cast of every value written was
        // most of writing a cache. The casts are between identical types (checked just before).
        if Value.self == String.self {
            writer.byte(CompactTag.string.rawValue)
            writer.string(unsafeBitCast(value, to: String.self))
        } else if Value.self == Int.self {
            integer(unsafeBitCast(value, to: Int.self))
        } else if Value.self == Bool.self {
            writer.byte(CompactTag.bool.rawValue)
            writer.bool(unsafeBitCast(value, to: Bool.self))
        } else if let array = arrayType(Value.self) {
            try array.encode(value, to: self)
        } else {
            try value.encode(to: self)
        }
    }

    /// Which array `type` is, or nil when it is none.
    private func arrayType(_ type: Any.Type) -> (any CompactArray.Type)? {
        if let known = arrays[ObjectIdentifier(type)] { return known }
        let array = type as? any CompactArray.Type
        arrays[ObjectIdentifier(type)] = array
        return array
    }

    func integer(_ value: some FixedWidthInteger) {
        writer.byte(CompactTag.integer.rawValue)
        writer.int(Int(truncatingIfNeeded: Int64(truncatingIfNeeded: value)))
    }

    func double(_ value: Double) {
        writer.byte(CompactTag.double.rawValue)
        writer.int(Int(truncatingIfNeeded: value.bitPattern))
    }

    func optional<Value: Encodable, Key: CodingKey>(_ value: Value?, forKey key: Key, in table: KeyTable<Key>) throws {
        self.key(key, in: table)
        if let value { try self.value(value) } else { writer.byte(CompactTag.absent.rawValue) }
    }

    /// Nil is written only as an absent field: Optional's own `encode(to:)`, in an array or alone,
    /// cannot be told apart from its value on reading, and the model has no such place.
    func refuseNil() throws -> Never {
        throw EncodingError.invalidValue(Optional<Int>.none as Any, EncodingError.Context(codingPath: [], debugDescription: "nil outside a field"))
    }

    /// The bytes written, once every value is: the containers kept for reuse are let go, as
    /// each holds this encoder.
    func finish() -> [UInt8] {
        containers = [:]
        return writer.bytes
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        writer.byte(CompactTag.keyed.rawValue)
        // Kept as the one reference a `KeyedEncodingContainer` is, as `CompactDecoder.container` does.
        if let made = containers[ObjectIdentifier(type)] { return unsafeBitCast(made, to: KeyedEncodingContainer<Key>.self) }
        let made = KeyedEncodingContainer(KeyedWriter(encoder: self, keys: KeyTable<Key>()))
        containers[ObjectIdentifier(type)] = unsafeBitCast(made, to: AnyObject.self)
        return made
    }

    /// A container of elements that are not an array's (an array writes its own, `CompactArray`),
    /// its count rewritten as each is added.
    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        writer.byte(CompactTag.unkeyed.rawValue)
        return UnkeyedWriter(encoder: self, place: writer.countPlaceholder())
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { SingleWriter(encoder: self) }

    fileprivate func setCount(_ count: Int, at place: Int) {
        writer.setCount(UInt32(truncatingIfNeeded: count), at: place)
    }
}

/// The numbers of one key type's keys in one encoder's or decoder's bytes, kept by the key's one
/// byte, so that a field's key is neither hashed nor compared by its name each time.
///
/// Only a key type of one byte or none (a plain enum's, as `Codable` makes) is kept: all there is
/// to such a key is its byte, and so its name. Keys of a larger type go by name each time.
final class KeyTable<Key: CodingKey> {
    /// By the key's byte; -1 for a key not met yet.
    private var numbers: [Int]
    /// The one key a keyed value has (`allKeys`, what tells an enum's cases apart), by its
    /// number; nil for one not met yet.
    private var onlyKeys: [[Key]?] = []

    init() {
        numbers = MemoryLayout<Key>.size <= 1 ? [Int](repeating: -1, count: 256) : []
    }

    /// Where `key`'s number is kept, or nil for a key type that is not.
    private static func slot(of key: Key) -> Int? {
        guard MemoryLayout<Key>.size <= 1 else { return nil }
        return withUnsafeBytes(of: key) { Int($0.first ?? 0) }
    }

    /// `key`'s number, if it is kept.
    func number(of key: Key) -> Int? {
        guard let slot = Self.slot(of: key), numbers[slot] >= 0 else { return nil }
        return numbers[slot]
    }

    /// Keeps `number` as `key`'s.
    func keep(_ number: Int, for key: Key) {
        if let slot = Self.slot(of: key) { numbers[slot] = number }
    }

    /// The one key that the key numbered `number` is of this type, or none; `name` is its name,
    /// read the first time.
    func onlyKey(numbered number: Int, name: () -> String) -> [Key] {
        if number < onlyKeys.count, let keys = onlyKeys[number] { return keys }
        let keys = Key(stringValue: name()).map { [$0] } ?? []
        if number >= onlyKeys.count { onlyKeys += [[Key]?](repeating: nil, count: number + 1 - onlyKeys.count) }
        onlyKeys[number] = keys
        return keys
    }
}

private struct KeyedWriter<Key: CodingKey>: KeyedEncodingContainerProtocol {
    // Stateless but for the encoder and its key numbers: the encoder keeps one per type of key.
    let encoder: CompactEncoder
    let keys: KeyTable<Key>
    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil(forKey key: Key) throws { try encoder.refuseNil() }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        encoder.key(key, in: keys)
        try encoder.value(value)
    }

    // Each kind of optional field, written as present or absent (the default skips an absent one).
    mutating func encodeIfPresent<T: Encodable>(_ value: T?, forKey key: Key) throws { try encoder.optional(value, forKey: key, in: keys) }
    mutating func encodeIfPresent(_ value: Bool?, forKey key: Key) throws { try encoder.optional(value, forKey: key, in: keys) }
    mutating func encodeIfPresent(_ value: String?, forKey key: Key) throws { try encoder.optional(value, forKey: key, in: keys) }
    mutating func encodeIfPresent(_ value: Double?, forKey key: Key) throws { try encoder.optional(value, forKey: key, in: keys) }
    mutating func encodeIfPresent(_ value: Float?, forKey key: Key) throws { try encoder.optional(value, forKey: key, in: keys) }
    mutating func encodeIfPresent(_ value: Int?, forKey key: Key) throws { try encoder.optional(value, forKey: key, in: keys) }
    mutating func encodeIfPresent(_ value: Int8?, forKey key: Key) throws { try encoder.optional(value, forKey: key, in: keys) }
    mutating func encodeIfPresent(_ value: Int16?, forKey key: Key) throws { try encoder.optional(value, forKey: key, in: keys) }
    mutating func encodeIfPresent(_ value: Int32?, forKey key: Key) throws { try encoder.optional(value, forKey: key, in: keys) }
    mutating func encodeIfPresent(_ value: Int64?, forKey key: Key) throws { try encoder.optional(value, forKey: key, in: keys) }
    mutating func encodeIfPresent(_ value: UInt?, forKey key: Key) throws { try encoder.optional(value, forKey: key, in: keys) }
    mutating func encodeIfPresent(_ value: UInt8?, forKey key: Key) throws { try encoder.optional(value, forKey: key, in: keys) }
    mutating func encodeIfPresent(_ value: UInt16?, forKey key: Key) throws { try encoder.optional(value, forKey: key, in: keys) }
    mutating func encodeIfPresent(_ value: UInt32?, forKey key: Key) throws { try encoder.optional(value, forKey: key, in: keys) }
    mutating func encodeIfPresent(_ value: UInt64?, forKey key: Key) throws { try encoder.optional(value, forKey: key, in: keys) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        encoder.key(key, in: keys)
        return encoder.container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        encoder.key(key, in: keys)
        return encoder.unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder { encoder }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        encoder.key(key, in: keys)
        return encoder
    }
}

private struct UnkeyedWriter: UnkeyedEncodingContainer {
    let encoder: CompactEncoder
    /// Where the count is written.
    let place: Int
    private(set) var count = 0
    var codingPath: [any CodingKey] { [] }

    init(encoder: CompactEncoder, place: Int) {
        self.encoder = encoder
        self.place = place
    }

    /// Counts one more element, written next.
    private mutating func next() -> CompactEncoder {
        count += 1
        encoder.setCount(count, at: place)
        return encoder
    }

    mutating func encodeNil() throws { try encoder.refuseNil() }

    mutating func encode<T: Encodable>(_ value: T) throws { try next().value(value) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        next().container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer { next().unkeyedContainer() }

    mutating func superEncoder() -> any Encoder { next() }
}

private struct SingleWriter: SingleValueEncodingContainer {
    let encoder: CompactEncoder
    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil() throws { try encoder.refuseNil() }
    mutating func encode<T: Encodable>(_ value: T) throws { try encoder.value(value) }
    mutating func encode(_ value: Bool) throws { try encoder.value(value) }
    mutating func encode(_ value: String) throws { try encoder.value(value) }
    mutating func encode(_ value: Double) throws { encoder.double(value) }
    mutating func encode(_ value: Float) throws { encoder.double(Double(value)) }
    mutating func encode(_ value: Int) throws { encoder.integer(value) }
    mutating func encode(_ value: Int8) throws { encoder.integer(value) }
    mutating func encode(_ value: Int16) throws { encoder.integer(value) }
    mutating func encode(_ value: Int32) throws { encoder.integer(value) }
    mutating func encode(_ value: Int64) throws { encoder.integer(value) }
    mutating func encode(_ value: UInt) throws { encoder.integer(value) }
    mutating func encode(_ value: UInt8) throws { encoder.integer(value) }
    mutating func encode(_ value: UInt16) throws { encoder.integer(value) }
    mutating func encode(_ value: UInt32) throws { encoder.integer(value) }
    mutating func encode(_ value: UInt64) throws { encoder.integer(value) }
}
