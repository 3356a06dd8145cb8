/// Where the lead agency says an output stands.
public enum Status: String, CaseIterable, Hashable, Sendable, Codable {
    case notStarted = "not-started"
    case onTrack = "on-track"
    case atRisk = "at-risk"
    case offTrack = "off-track"
    case complete
    case dropped

    /// Reads a status as written, forgiving case and spaces or underscores for hyphens
    /// ("On track", "off_track").
    public init?(written text: String) {
        let folded = text.trimmingWhitespace.lowercased()
            .split { $0.isWhitespace || $0 == "_" || $0 == "-" }
            .joined(separator: "-")
        self.init(rawValue: folded)
    }

    /// The status in words, as the screens show it: `on track`, `not started`.
    public var words: String { String(rawValue.map { $0 == "-" ? " " : $0 }) }

    /// A status in words, or `not rated` for an output nobody has given one.
    public static func words(_ status: Status?) -> String { status?.words ?? "not rated" }

    /// Still to be delivered: neither complete nor dropped.
    public var isOpen: Bool {
        self != .complete && self != .dropped
    }
}
