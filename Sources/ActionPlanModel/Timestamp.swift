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
        var text = text
        guard let time = text.withUTF8({ Timestamp(utf8: $0) }) else { return nil }
        self = time
    }

    /// Reads `YYYY-MM-DDTHH:MM:SSZ` from its UTF-8 bytes, as a journal line holds them, or returns nil.
    public init?(utf8 bytes: UnsafeBufferPointer<UInt8>) {
        // Read as bytes, fixed positions, through a pointer: every journal record has one, and a start reads them all.
        guard bytes.count == 20, bytes[10] == UInt8(ascii: "T"), bytes[13] == UInt8(ascii: ":"),
              bytes[16] == UInt8(ascii: ":"), bytes[19] == UInt8(ascii: "Z"),
              let day = Day(isoBytes: bytes, from: 0), let hour = Day.digits(bytes, 11..<13),
              let minute = Day.digits(bytes, 14..<16), let second = Day.digits(bytes, 17..<19),
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
