/// Days, moments and periods are stored as they are written (`2015-04-30`,
/// `2015-06-30T14:05:09Z`, `2015-04-01/2015-04-30`, ISO 8601's interval) rather than field by
/// field: one text each instead of a container of numbers. A plan of 10,000 outputs holds tens
/// of thousands of them, and the load cache reads them all on every start.
extension Day {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        guard let day = Day(iso: try container.decode(String.self)) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a day written YYYY-MM-DD")
        }
        self = day
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

extension Timestamp {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        guard let moment = Timestamp(try container.decode(String.self)) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a moment written YYYY-MM-DDTHH:MM:SSZ")
        }
        self = moment
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(text)
    }
}

extension Period {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        // Two ten-character days either side of the slash: read in place, as every output has one.
        let slash = text.utf8.index(text.utf8.startIndex, offsetBy: 10, limitedBy: text.utf8.endIndex)
        guard text.utf8.count == 21, let slash, text.utf8[slash] == UInt8(ascii: "/"),
              let first = Day(iso: text[..<slash]), let last = Day(iso: text[text.utf8.index(after: slash)...]) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a period written YYYY-MM-DD/YYYY-MM-DD")
        }
        self.init(first: first, last: last)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode("\(first)/\(last)")
    }
}
