/// Why the runtime could not save a report; no file was left half-written.
public struct ExportFailure: Error, Hashable, Sendable {
    public let message: String

    public init(message: String) {
        self.message = message
    }
}
