/// A calendar day with no time of day and no time zone: the unit every deadline is measured in.
///
/// Plans speak in days ("by 30 April"), so comparing days rather than instants keeps a deadline
/// from moving when an officer's machine is in another time zone.
public struct Day: Hashable, Comparable, Sendable, CustomStringConvertible, Codable {
    public let year: Int
    public let month: Int
    public let day: Int

    /// A day that exists in the proleptic Gregorian calendar, or nil (30 February, month 13).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              (1...Day.daysIn(month: month, year: year)).contains(day) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    private init(valid year: Int, _ month: Int, _ day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Reads the ISO form `YYYY-MM-DD`, the form journals use.
    public init?(iso text: some StringProtocol) {
        // Read as bytes: journals hold a date in every record, so this runs millions of times, and
        // a cached plan several in every output. Read where they are, not copied into an array
        // first, whose making and freeing was most of the cost.
        guard let read = text.utf8.withContiguousStorageIfAvailable({ Day(isoText: $0) }) ?? Day(isoText: Array(text.utf8)) else { return nil }
        self = read
    }

    /// Reads `bytes` when they are `YYYY-MM-DD` and nothing else.
    private init?<Bytes: RandomAccessCollection<UInt8>>(isoText bytes: Bytes) where Bytes.Index == Int {
        guard bytes.count == 10 else { return nil }
        self.init(isoBytes: bytes, from: bytes.startIndex)
    }

    /// Reads `YYYY-MM-DD` from the ten bytes at `start`, an index of `bytes`.
    init?<Bytes: RandomAccessCollection<UInt8>>(isoBytes bytes: Bytes, from start: Int) where Bytes.Index == Int {
        guard start >= bytes.startIndex, bytes.endIndex >= start + 10, bytes[start + 4] == UInt8(ascii: "-"), bytes[start + 7] == UInt8(ascii: "-"),
              let y = Self.digits(bytes, start..<start + 4), let m = Self.digits(bytes, start + 5..<start + 7),
              let d = Self.digits(bytes, start + 8..<start + 10)
        else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// The number that the ASCII digits at `range` of `bytes` spell, or nil if any is not a digit.
    static func digits<Bytes: RandomAccessCollection<UInt8>>(_ bytes: Bytes, _ range: Range<Int>) -> Int? where Bytes.Index == Int {
        var value = 0
        for index in range {
            guard bytes.indices.contains(index), (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) else { return nil }
            value = value * 10 + Int(bytes[index] - UInt8(ascii: "0"))
        }
        return value
    }

    /// The first day of a month, counting months past the end of the year into the next ones.
    public static func first(ofMonth month: Int, year: Int) -> Day {
        let index = year * 12 + (month - 1)
        return Day(valid: index / 12, index % 12 + 1, 1)
    }

    /// The last day of a month, counting months past the end of the year into the next ones.
    public static func last(ofMonth month: Int, year: Int) -> Day {
        let first = first(ofMonth: month, year: year)
        return Day(valid: first.year, first.month, daysIn(month: first.month, year: first.year))
    }

    /// A day after every record a journal can hold: folding through it takes them all.
    public static let allRecords = last(ofMonth: 12, year: 9999)

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    private static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    public static func < (lhs: Day, rhs: Day) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    /// `YYYY-MM-DD`.
    ///
    /// Its ten bytes are written as digits, not through string interpolation, which cost ten
    /// times as much: a long list prints a date in every row.
    public var description: String {
        // A year outside 0-9999 comes only from counting months past the first or last day there is.
        guard (0...9999).contains(year), (0...99).contains(month), (0...99).contains(day) else { return "\(year)-\(month.zeroPadded(2))-\(day.zeroPadded(2))" }
        func digit(_ value: Int) -> UInt8 { UInt8(truncatingIfNeeded: value % 10) &+ UInt8(ascii: "0") }
        let dash = UInt8(ascii: "-")
        let bytes = (digit(year / 1000), digit(year / 100), digit(year / 10), digit(year), dash,
                     digit(month / 10), digit(month), dash, digit(day / 10), digit(day))
        return withUnsafeBytes(of: bytes) { String(decoding: $0, as: UTF8.self) }
    }
}
