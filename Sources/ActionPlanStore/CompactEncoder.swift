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
    @exclusivity(unchecked) private var containers = TypeMemo<AnyObject>()
    /// Whether each type met so far is an array, and which: a conformance check for every
    /// value written cost more than this look-up.
    @exclusivity(unchecked) private var arrays = TypeMemo<(any CompactArray.Type)?>()

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
        } else if let array = arrays.value(for: Value.self, making: { Value.self as? any CompactArray.Type }) {
            try array.encode(value, to: self)
        } else {
            try value.encode(to: self)
        }
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
        containers = TypeMemo()
        return writer.bytes
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        writer.byte(CompactTag.keyed.rawValue)
        // Kept as the one reference a `KeyedEncodingContainer` is, as `CompactDecoder.container` does.
        let made = containers.value(for: type) {
            unsafeBitCast(KeyedEncodingContainer(KeyedWriter(encoder: self, keys: KeyTable<Key>())), to: AnyObject.self)
        }
        return unsafeBitCast(made, to: KeyedEncodingContainer<Key>.self)
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

/// Something worked out once for each type a coder meets, and found again by a short scan: a
/// coder meets a few dozen types, and comparing them all cost less than hashing one.
struct TypeMemo<Value> {
    private var entries: [(type: ObjectIdentifier, value: Value)] = []

    /// What `make` gave for `type`, made the first time.
    mutating func value(for type: Any.Type, making make: () -> Value) -> Value {
        let id = ObjectIdentifier(type)
        for entry in entries where entry.type == id { return entry.value }
        let value = make()
        entries.append((id, value))
        return value
    }
}

/// The numbers of one key type's keys in one encoder's or decoder's bytes, kept by the key's one
/// byte, so that a field's key is neither hashed nor compared by its name each time.
///
/// Only a key type of one byte or none (a plain enum's, as `Codable` makes) is kept: all there is
/// to such a key is its byte, and so its name. Keys of a larger type go by name each time.
final class KeyTable<Key: CodingKey> {
    // Only ever used by its coder's thread (see `CompactDecoder.reader`).
    /// By the key's byte, as far as the largest met; -1 for a key not met yet. Grown as keys are
    /// met, as a plain enum's keys are its first few bytes: a table of every byte for each type of
    /// key would fill the processor's cache.
    @exclusivity(unchecked) private var numbers: [Int] = []
    /// The one key a keyed value has (`allKeys`, what tells an enum's cases apart), by its
    /// number; empty for one not met yet, or not of this type. Not optional: looking up how an
    /// optional of a generic array is laid out cost more than making the key.
    @exclusivity(unchecked) private var onlyKeys: [[Key]] = []

    /// Where `key`'s number is kept, or nil for a key type that is not.
    private static func slot(of key: Key) -> Int? {
        switch MemoryLayout<Key>.size {
        case 0: 0
        // The sizes are equal, so the cast reads the key's one byte.
        case 1: Int(unsafeBitCast(key, to: UInt8.self))
        default: nil
        }
    }

    /// `key`'s number, if it is kept.
    func number(of key: Key) -> Int? {
        guard let slot = Self.slot(of: key), slot < numbers.count, numbers[slot] >= 0 else { return nil }
        return numbers[slot]
    }

    /// Keeps `number` as `key`'s.
    func keep(_ number: Int, for key: Key) {
        guard let slot = Self.slot(of: key) else { return }
        if slot >= numbers.count { numbers += [Int](repeating: -1, count: slot + 1 - numbers.count) }
        numbers[slot] = number
    }

    /// The one key that the key numbered `number` is of this type, or none; `name` is its name,
    /// read the first time.
    func onlyKey(numbered number: Int, name: () -> String) -> [Key] {
        if number < onlyKeys.count, !onlyKeys[number].isEmpty { return onlyKeys[number] }
        return newOnlyKey(numbered: number, named: name())
    }

    /// Apart from `onlyKey` so that what it needs looked up (an optional key) is not looked up
    /// every time.
    @inline(never)
    private func newOnlyKey(numbered number: Int, named name: String) -> [Key] {
        guard let key = Key(stringValue: name) else { return [] }
        if number >= onlyKeys.count { onlyKeys += [[Key]](repeating: [], count: number + 1 - onlyKeys.count) }
        onlyKeys[number] = [key]
        return [key]
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
