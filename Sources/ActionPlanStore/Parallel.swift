import ActionPlanModel
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

/// `first` worked out on this thread while `second` is on another, so that two unrelated jobs
/// take two cores.
func concurrently<First, Second: Sendable>(_ first: () -> First, _ second: @escaping @Sendable () -> Second) -> (First, Second) {
    let done = DispatchGroup()
    let result = Mutex<Second?>(nil)
    DispatchQueue.global().async(group: done) {
        let value = second()
        result.withLock { $0 = value }
    }
    let firstValue = first()
    done.wait()
    // The group has finished, so the result is there; working it out again is only for the type.
    return (firstValue, result.withLock { $0 } ?? second())
}

/// Runs the model's independent parts (a pillar's fold) on every core at once.
struct EveryCore: PartRunner {
    func map<Value: Sendable>(_ count: Int, _ part: @Sendable (Int) -> Value) -> [Value] {
        parallelMap(Array(0..<max(0, count)), part)
    }
}
