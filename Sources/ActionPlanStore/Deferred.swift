import Synchronization

/// A value made once, when first asked for, on whichever thread asks first.
///
/// What a start that found its cache does not need is made this way: the journal's records (a
/// command that looks back reads them from the journal itself) and the plan as written (the cache
/// holds it folded). `list` and `summary` at today's date never make either.
final class Deferred<Value: Sendable>: Sendable {
    private let state: Mutex<State>

    private enum State {
        case made(Value)
        /// How to make it: run once, under the lock, so two threads asking at once make it once.
        case deferred(@Sendable () -> Value)
    }

    /// A value already made.
    init(_ value: Value) {
        state = Mutex(.made(value))
    }

    /// A value `make` makes when first asked for.
    init(making make: @escaping @Sendable () -> Value) {
        state = Mutex(.deferred(make))
    }

    /// The value if it has been made, without making it.
    var made: Value? {
        state.withLock { state in
            if case .made(let value) = state { value } else { nil }
        }
    }

    var value: Value {
        state.withLock { state in
            switch state {
            case .made(let value): return value
            case .deferred(let make):
                let value = make()
                state = .made(value)
                return value
            }
        }
    }
}
