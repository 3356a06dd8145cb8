import Dispatch
import Synchronization

/// `items` transformed on every core at once, results in the order of `items`.
func parallelMap<Item: Sendable, Value: Sendable>(_ items: [Item], _ transform: @Sendable (Item) -> Value) -> [Value] {
    let results = Mutex([Value?](repeating: nil, count: items.count))
    DispatchQueue.concurrentPerform(iterations: items.count) { index in
        let value = transform(items[index])
        results.withLock { $0[index] = value }
    }
    // concurrentPerform returns once every index has run, so every slot is filled.
    return results.withLock { $0.compactMap { $0 } }
}
