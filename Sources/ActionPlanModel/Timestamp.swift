/// A moment in UTC as journals write it, `2015-06-30T14:05:09Z`.
///
/// Held as its day and the second within it, not as text: a start reads one for every journal
/// record, and two numbers cost nothing to copy, compare or keep.
public struct Timestamp: Hashable, Comparable, Sendable, CustomStringConvertible, Codable {
    /// The UTC calendar day it falls on.
    public let day: Day
    /// Seconds since midnight UTC, up to 86,400 for a leap second.
    public let second: Int

    /// Reads `YYYY-MM-DDTHH:MM:SSZ`, or returns nil.
    public init?(_ text: String) {
        // Read where its bytes are, not copied into an array first: a cached plan holds one in
        // most outputs (the latest note's).
        guard let read = text.utf8.withContiguousStorageIfAvailable({ Timestamp(bytes: $0) }) ?? Timestamp(utf8: Array(text.utf8)[...]) else { return nil }
        self = read
    }

    /// Reads `YYYY-MM-DDTHH:MM:SSZ` from its UTF-8 bytes, as a journal line holds them, or returns nil.
    public init?(utf8 bytes: ArraySlice<UInt8>) {
        self.init(bytes: bytes)
    }

    private init?<Bytes: RandomAccessCollection<UInt8>>(bytes: Bytes) where Bytes.Index == Int {
        // Read as bytes, fixed positions: every journal record has one, and a start reads them all.
        let start = bytes.startIndex
        guard bytes.count == 20, bytes[start + 10] == UInt8(ascii: "T"), bytes[start + 13] == UInt8(ascii: ":"),
              bytes[start + 16] == UInt8(ascii: ":"), bytes[start + 19] == UInt8(ascii: "Z"),
              let day = Day(isoBytes: bytes, from: start), let hour = Day.digits(bytes, start + 11..<start + 13),
              let minute = Day.digits(bytes, start + 14..<start + 16), let second = Day.digits(bytes, start + 17..<start + 19),
              hour < 24, minute < 60, second < 61 else { return nil }
        self.init(day: day, second: hour * 3_600 + minute * 60 + second)
    }

    /// The moment `second` seconds after midnight UTC on `day`, or nil past the day's end.
    public init?(day: Day, second: Int) {
        guard (0...86_400).contains(second) else { return nil }
        self.init(valid: day, second)
    }

    private init(valid day: Day, _ second: Int) {
        self.day = day
        self.second = second
    }

    /// The moment at a time of day (UTC) on `day`; out-of-range parts are clamped.
    public init(day: Day, hour: Int, minute: Int, second: Int) {
        self.init(valid: day, min(max(hour, 0), 23) * 3_600 + min(max(minute, 0), 59) * 60 + min(max(second, 0), 59))
    }

    public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool {
        (lhs.day, lhs.second) < (rhs.day, rhs.second)
    }

    /// `2015-06-30T14:05:09Z`, as journals write it.
    public var text: String {
        // A leap second is written :60 of the minute before midnight.
        let (hour, rest) = min(second, 86_399).quotientAndRemainder(dividingBy: 3_600)
        return "\(day)T\(hour.zeroPadded(2)):\((rest / 60).zeroPadded(2)):\((second == 86_400 ? 60 : rest % 60).zeroPadded(2))Z"
    }

    public var description: String { text }

    /// `2015-06-30 14:05 UTC`, for people.
    public var readable: String {
        let (hour, rest) = min(second, 86_399).quotientAndRemainder(dividingBy: 3_600)
        return "\(day) \(hour.zeroPadded(2)):\((rest / 60).zeroPadded(2)) UTC"
    }
}
