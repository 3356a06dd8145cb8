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
/// Integers are LEB128, strings length-prefixed UTF-8 (`CacheWriter`). An array of 768 elements
/// or more is written in chunks (the tag `chunked`, `CompactChunked`) that are read on every core.
final class CompactEncoder: Encoder {
    var writer = CacheWriter()
    private var keyNumbers: [String: Int] = [:]

    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    /// `value` in the compact form.
    static func encode(_ value: some Encodable) throws -> [UInt8] {
        let encoder = CompactEncoder()
        try encoder.value(value)
        return encoder.writer.bytes
    }

    func key(_ key: some CodingKey) {
        if let number = keyNumbers[key.stringValue] { return writer.int(number) }
        writer.int(keyNumbers.count)
        writer.string(key.stringValue)
        keyNumbers[key.stringValue] = keyNumbers.count
    }

    /// Strings, integers and booleans directly (most of a plan), anything else through its own `encode(to:)`.
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
        } else if Value.self is any CompactChunked.Type {
            try chunked(value)
        } else {
            try value.encode(to: self)
        }
    }

    /// An array, in chunks when it is long enough (`CompactChunked`).
    @inline(never)
    private func chunked<Value: Encodable>(_ value: Value) throws {
        if let array = value as? any CompactChunked, array.chunkedCount >= CompactChunking.threshold {
            try array.encodeChunks(to: self)
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

    func optional<Value: Encodable>(_ value: Value?, forKey key: some CodingKey) throws {
        self.key(key)
        if let value { try self.value(value) } else { writer.byte(CompactTag.absent.rawValue) }
    }

    /// Nil is written only as an absent field: Optional's own `encode(to:)`, in an array or alone,
    /// cannot be told apart from its value on reading, and the model has no such place.
    func refuseNil() throws -> Never {
        throw EncodingError.invalidValue(Optional<Int>.none as Any, EncodingError.Context(codingPath: [], debugDescription: "nil outside a field"))
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        writer.byte(CompactTag.keyed.rawValue)
        return KeyedEncodingContainer(KeyedWriter(encoder: self))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        writer.byte(CompactTag.unkeyed.rawValue)
        return UnkeyedWriter(encoder: self, place: writer.countPlaceholder())
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { SingleWriter(encoder: self) }

    fileprivate func setCount(_ count: Int, at place: Int) {
        writer.setCount(UInt32(truncatingIfNeeded: count), at: place)
    }
}

private struct KeyedWriter<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let encoder: CompactEncoder
    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil(forKey key: Key) throws { try encoder.refuseNil() }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        encoder.key(key)
        try encoder.value(value)
    }

    // Each kind of optional field, written as present or absent (the default skips an absent one).
    mutating func encodeIfPresent<T: Encodable>(_ value: T?, forKey key: Key) throws { try encoder.optional(value, forKey: key) }
    mutating func encodeIfPresent(_ value: Bool?, forKey key: Key) throws { try encoder.optional(value, forKey: key) }
    mutating func encodeIfPresent(_ value: String?, forKey key: Key) throws { try encoder.optional(value, forKey: key) }
    mutating func encodeIfPresent(_ value: Double?, forKey key: Key) throws { try encoder.optional(value, forKey: key) }
    mutating func encodeIfPresent(_ value: Float?, forKey key: Key) throws { try encoder.optional(value, forKey: key) }
    mutating func encodeIfPresent(_ value: Int?, forKey key: Key) throws { try encoder.optional(value, forKey: key) }
    mutating func encodeIfPresent(_ value: Int8?, forKey key: Key) throws { try encoder.optional(value, forKey: key) }
    mutating func encodeIfPresent(_ value: Int16?, forKey key: Key) throws { try encoder.optional(value, forKey: key) }
    mutating func encodeIfPresent(_ value: Int32?, forKey key: Key) throws { try encoder.optional(value, forKey: key) }
    mutating func encodeIfPresent(_ value: Int64?, forKey key: Key) throws { try encoder.optional(value, forKey: key) }
    mutating func encodeIfPresent(_ value: UInt?, forKey key: Key) throws { try encoder.optional(value, forKey: key) }
    mutating func encodeIfPresent(_ value: UInt8?, forKey key: Key) throws { try encoder.optional(value, forKey: key) }
    mutating func encodeIfPresent(_ value: UInt16?, forKey key: Key) throws { try encoder.optional(value, forKey: key) }
    mutating func encodeIfPresent(_ value: UInt32?, forKey key: Key) throws { try encoder.optional(value, forKey: key) }
    mutating func encodeIfPresent(_ value: UInt64?, forKey key: Key) throws { try encoder.optional(value, forKey: key) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        encoder.key(key)
        return encoder.container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        encoder.key(key)
        return encoder.unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder { encoder }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        encoder.key(key)
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
