/// A moment in UTC as journals write it, `2015-06-30T14:05:09Z`.
///
/// Fixed-width ISO text in UTC sorts in time order, so comparing the text compares the moments.
public struct Timestamp: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let text: String
    /// The UTC calendar day it falls on.
    public let day: Day

    /// Reads `YYYY-MM-DDTHH:MM:SSZ`, or returns nil.
    public init?(_ text: String) {
        // Read as bytes, fixed positions: every journal record has one, and a start reads them all.
        let bytes = Array(text.utf8)
        guard bytes.count == 20, bytes[10] == UInt8(ascii: "T"), bytes[13] == UInt8(ascii: ":"),
              bytes[16] == UInt8(ascii: ":"), bytes[19] == UInt8(ascii: "Z"),
              let day = Day(isoBytes: bytes, from: 0),
              let hour = Day.digits(bytes, 11..<13), let minute = Day.digits(bytes, 14..<16), let second = Day.digits(bytes, 17..<19),
              hour < 24, minute < 60, second < 61 else { return nil }
        self.text = text
        self.day = day
    }

    /// The moment at a time of day (UTC) on `day`; out-of-range parts are clamped.
    public init(day: Day, hour: Int, minute: Int, second: Int) {
        func two(_ n: Int, _ most: Int) -> String {
            let clamped = min(max(n, 0), most)
            return clamped < 10 ? "0\(clamped)" : String(clamped)
        }
        self.text = "\(day)T\(two(hour, 23)):\(two(minute, 59)):\(two(second, 59))Z"
        self.day = day
    }

    public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool { lhs.text < rhs.text }

    public var description: String { text }

    /// `2015-06-30 14:05 UTC`, for people.
    public var readable: String {
        String(text.prefix(10)) + " " + String(text.dropFirst(11).prefix(5)) + " UTC"
    }
}
