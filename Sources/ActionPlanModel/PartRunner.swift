/// How work made of independent parts is run: one part after another, as the model itself does,
/// or on every core, as the store runs the fold of a start.
///
/// The model has no threads of its own: a caller that has them passes a runner that uses them.
public protocol PartRunner: Sendable {
    /// `part` of each of `0..<count`, in that order, whichever order they were worked out in.
    func map<Value: Sendable>(_ count: Int, _ part: @Sendable (Int) -> Value) -> [Value]
}

/// Runs the parts one after another on the calling thread.
public struct OneByOne: PartRunner {
    public init() {}

    public func map<Value: Sendable>(_ count: Int, _ part: @Sendable (Int) -> Value) -> [Value] {
        (0..<max(0, count)).map(part)
    }
}
