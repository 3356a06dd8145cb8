/// Why the runtime could not record a change; nothing was written.
public struct WriteFailure: Error, Hashable, Sendable {
    public let message: String
    /// True when somebody updated the output since the form opened.
    public let isConflict: Bool

    public init(message: String, isConflict: Bool) {
        self.message = message
        self.isConflict = isConflict
    }
}
