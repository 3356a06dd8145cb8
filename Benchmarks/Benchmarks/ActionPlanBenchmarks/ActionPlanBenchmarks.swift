import ActionPlanModel
import ActionPlanStore
import ActionPlanTUI
import Benchmark
import Foundation

/// In-process benchmarks of opening a plan (warm: the account's cache read; cold: no cache, the
/// YAML and journal read and a cache written) and of each kind of TUI key (update + render), on
/// the plan named by `ACTIONPLAN_BENCH_PLAN` (made by `plan-generator`; see scripts/benchmark).
/// Each reports wall and CPU time, allocations and peak memory.
let benchmarks: @Sendable () -> Void = {
    guard let path = ProcessInfo.processInfo.environment["ACTIONPLAN_BENCH_PLAN"] else {
        FileHandle.standardError.write(Data("ActionPlanBenchmarks: set ACTIONPLAN_BENCH_PLAN to a plan made by plan-generator\n".utf8))
        return
    }
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .cpuTotal, .mallocCountTotal, .peakMemoryResident],
        warmupIterations: 1, maxDuration: .seconds(10), maxIterations: 50
    )
    let scratch = NSTemporaryDirectory() + "actionplan-benchmarks-\(getpid())"
    let warm = AccountFolders(cache: scratch + "/warm/cache", state: scratch + "/warm/state")
    let cold = AccountFolders(cache: scratch + "/cold/cache", state: scratch + "/cold/state")

    Benchmark("open, warm (PlanStore.open, cache read)") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(PlanStore.open(path: path, folders: warm)) }
    }
    Benchmark("open, cold (no cache: YAML and journal read, cache written)", configuration: .init(maxIterations: 10)) { benchmark in
        try? FileManager.default.removeItem(atPath: scratch + "/cold")
        benchmark.startMeasurement()
        blackHole(PlanStore.open(path: path, folders: cold))
    }

    let opened = PlanStore.open(path: path, folders: warm)
    guard let plan = opened.loaded.plan, let journal = opened.journal?.journal, let current = opened.current else {
        FileHandle.standardError.write(Data("ActionPlanBenchmarks: \(path) has errors; run 'actionplan check' on it\n".utf8))
        return
    }
    /// The list screen of a fresh TUI on the plan, 100 by 30.
    func listScreen() -> TUIState {
        var state = TUIState(plan: plan, journal: journal, folded: current, asOf: Clock.today(), foldThrough: .last(ofMonth: 12, year: 9999),
                             account: "benchmark", agencies: [], width: 100, height: 30)
        _ = update(&state, .key(.tab))
        return state
    }
    Benchmark("TUI first screen (TUIState.init, render)") { benchmark in
        for _ in benchmark.scaledIterations {
            let state = TUIState(plan: plan, journal: journal, folded: current, asOf: Clock.today(), foldThrough: .last(ofMonth: 12, year: 9999),
                                 account: "benchmark", agencies: [], width: 100, height: 30)
            blackHole(render(state))
        }
    }
    let keys: [(String, [Key])] = [
        ("Down", [.down]), ("Up", [.up]), ("PgDn, PgDn, PgUp, PgUp", [.pageDown, .pageDown, .pageUp, .pageUp]),
        ("End, Home", [.end, .home]), ("O: overdue filter on, off", [.character("O")]), ("Enter detail, Esc back", [.enter, .escape]),
    ]
    for (name, presses) in keys {
        Benchmark("TUI key \(name) (update + render, per key)", configuration: .init(scalingFactor: .kilo)) { benchmark in
            var state = listScreen()
            benchmark.startMeasurement()
            for index in benchmark.scaledIterations {
                _ = update(&state, .key(presses[index % presses.count]))
                blackHole(render(state))
            }
        }
    }
    // Typing into a note: a key at the end of 2,000 characters should cost what one in a short
    // note does (a character typed, then taken back, so the note keeps its length).
    let longNote = String(String(repeating: "Six referrals received, all allocated. ", count: 52).prefix(2_000))
    for (name, text) in [("a short note", "Venue booked"), ("a 2,000-character note", longNote)] {
        Benchmark("TUI typing into \(name) (update + render, per key)", configuration: .init(scalingFactor: .kilo)) { benchmark in
            var state = listScreen()
            _ = update(&state, .key(.character("n")))
            _ = update(&state, .paste(text))
            benchmark.startMeasurement()
            for index in benchmark.scaledIterations {
                _ = update(&state, .key(index % 2 == 0 ? .character("a") : .backspace))
                blackHole(render(state))
            }
        }
    }
    Benchmark("TUI an 800-character paste into a note (update + render)") { benchmark in
        var state = listScreen()
        _ = update(&state, .key(.character("n")))
        benchmark.startMeasurement()
        _ = update(&state, .paste(String(longNote.prefix(800))))
        blackHole(render(state))
    }
    if let output = plan.entries.last?.output.id {
        let record = Record(line: (journal.records.last?.line ?? 0) + 1, at: Clock.now(), by: "benchmark", change: Change(outputID: output, note: "benchmark"))
        let grown = Journal(journal.records + [record])
        Benchmark("TUI another session's record arrives (refold, render)") { benchmark in
            var state = listScreen()
            benchmark.startMeasurement()
            _ = update(&state, .journalChanged(grown))
            blackHole(render(state))
        }
    }
}
