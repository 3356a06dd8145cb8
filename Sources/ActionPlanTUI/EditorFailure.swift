/// Why the text written in an editor was not taken: the editor could not run, failed, or the
/// file could not be made or read.
public struct EditorFailure: Error, Hashable, Sendable {
    public let message: String

    public init(message: String) {
        self.message = message
    }
}
