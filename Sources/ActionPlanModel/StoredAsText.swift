/// A value stored as the text it is written as, one text instead of a container of its parts:
/// a plan of 10,000 outputs holds tens of thousands of days and periods, and the load cache
/// reads them all on every start.
public protocol StoredAsText: Codable {
    /// The value `text` stands for, or nil.
    init?(storedText text: String)
    /// The value as written.
    var storedText: String { get }
    /// How the text is written, for the error when it is not.
    static var storedForm: String { get }
}

extension StoredAsText {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        guard let value = Self(storedText: try container.decode(String.self)) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not \(Self.storedForm)")
        }
        self = value
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(storedText)
    }
}

extension Day: StoredAsText {
    public init?(storedText text: String) { self.init(iso: text) }
    public var storedText: String { description }
    public static let storedForm = "a day written YYYY-MM-DD"
}

extension Timestamp: StoredAsText {
    public init?(storedText text: String) { self.init(text) }
    public var storedText: String { text }
    public static let storedForm = "a moment written YYYY-MM-DDTHH:MM:SSZ"
}

/// A period is stored as ISO 8601 writes an interval of days, `2015-04-01/2015-04-30`.
extension Period: StoredAsText {
    public init?(storedText text: String) { self.init(stored: text[...]) }

    /// A period read from its stored text, which may be part of a longer one (`Due.Meaning`'s).
    init?(stored text: Substring) {
        // Two ten-character days either side of the slash: read in place, as every output has one.
        let utf8 = text.utf8
        guard utf8.count == 21, let slash = utf8.index(utf8.startIndex, offsetBy: 10, limitedBy: utf8.endIndex),
              utf8[slash] == UInt8(ascii: "/"), let first = Day(iso: text[..<slash]), let last = Day(iso: text[utf8.index(after: slash)...])
        else { return nil }
        self.init(first: first, last: last)
    }

    public var storedText: String { "\(first)/\(last)" }
    public static let storedForm = "a period written YYYY-MM-DD/YYYY-MM-DD"
}

/// What a completion date means is stored as a word and, where it has one, its period or
/// recurrence: `by 2015-04-01/2015-06-30`, `milestone 2015-04-01/2015-06-30`, `every quarter 4`
/// (the reporting year's first month), `ongoing`, `undated`. Every output has one, and as an enum
/// with values it was a keyed container within a keyed container: a tenth of a warm start.
extension Due.Meaning: StoredAsText {
    public init?(storedText text: String) {
        // Split at the first space by its byte: a general split of every output's meaning was an
        // eighth of a warm summary of 100,000 outputs.
        let utf8 = text.utf8
        guard let space = utf8.firstIndex(of: UInt8(ascii: " ")) else {
            switch text {
            case "ongoing": self = .ongoing
            case "undated": self = .undated
            default: return nil
            }
            return
        }
        let rest = text[utf8.index(after: space)...]
        switch text[..<space] {
        case "by": guard let period = Period(stored: rest) else { return nil }; self = .by(period)
        case "milestone": guard let period = Period(stored: rest) else { return nil }; self = .milestoneThenOngoing(period)
        case "every":
            guard let gap = rest.utf8.firstIndex(of: UInt8(ascii: " ")), let every = Recurrence.Every(rawValue: String(rest[..<gap])),
                  let first = Int(rest[rest.utf8.index(after: gap)...]), (1...12).contains(first) else { return nil }
            self = .recurring(Recurrence(every: every, calendar: ReportingCalendar(firstMonth: first)))
        default: return nil
        }
    }

    public var storedText: String {
        switch self {
        case .by(let period): "by " + period.storedText
        case .milestoneThenOngoing(let period): "milestone " + period.storedText
        case .recurring(let recurrence): "every \(recurrence.every.rawValue) \(recurrence.calendar.firstMonth)"
        case .ongoing: "ongoing"
        case .undated: "undated"
        }
    }

    public static let storedForm = "a meaning written 'by PERIOD', 'milestone PERIOD', 'every year|quarter|month FIRST-MONTH', 'ongoing' or 'undated'"
}
