/// A place in a text file: 1-based line and column (columns count characters).
public struct SourceLocation: Hashable, Sendable, CustomStringConvertible, Codable {
    public let file: String
    public let line: Int
    public let column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `file:line:column`.
    public var description: String { "\(file):\(line):\(column)" }
}

/// A problem found in a file, where it is, and what to do about it.
public struct Diagnostic: Error, Hashable, Sendable, Codable {
    public enum Severity: String, Hashable, Sendable, Codable {
        case error, warning
    }

    public let severity: Severity
    public let location: SourceLocation
    /// What was found and what to write instead.
    public let message: String
    /// The line of the file it points into, to show under the message.
    public let excerpt: String?

    public init(_ severity: Severity, at location: SourceLocation, _ message: String, excerpt: String? = nil) {
        self.severity = severity
        self.location = location
        self.message = message
        self.excerpt = excerpt
    }
}
