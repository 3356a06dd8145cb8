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

    /// Still to be delivered: neither complete nor dropped.
    public var isOpen: Bool {
        self != .complete && self != .dropped
    }
}
