import ActionPlanFormat
import ActionPlanModel
import ActionPlanStore
import ActionPlanTUI
import ArgumentParser
import Foundation

/// `actionplan-timing PLAN`: times, inside the process, the steps of a start and of each kind of
/// key press, for `docs/performance.md`; what reaches the terminal is measured from outside, under
/// tmux, by `scripts/bytes-per-key`.
///
/// A benchmark program of its own, not part of the product: the load cache is keyed by the plan
/// and the cache's format, not the build, so it shares the tool's cache through `PlanStore.open`.
@main
struct Timing: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "actionplan-timing",
        abstract: "Time opening a plan, the first screen, and update+render per key, without a terminal."
    )

    @Argument(help: "The plan file.")
    var path: String

    @Option(help: "How many presses of each key to time (at least 1).")
    var presses = 500

    @Option(help: "The screen's width.")
    var width = 100

    @Option(help: "The screen's height.")
    var height = 30

    func validate() throws {
        guard presses >= 1 else { throw ValidationError("--presses must be at least 1") }
    }

    func run() throws {
        let clock = ContinuousClock()
        var lines: [(String, String)] = []
        func milliseconds(_ duration: Duration) -> Double {
            Double(duration.components.seconds) * 1_000 + Double(duration.components.attoseconds) / 1e15
        }
        func time<T>(_ label: String, _ work: () throws -> T) rethrows -> T {
            let start = clock.now
            let result = try work()
            lines.append((label, String(format: "%.1f ms", milliseconds(clock.now - start))))
            return result
        }

        let opened = time("open plan and journal (PlanStore.open)") { PlanStore.open(path: path) }
        guard let plan = opened.loaded.plan, let journal = opened.journal, let current = opened.current else {
            throw ValidationError("\(TerminalText.safe(path)) has errors; run 'actionplan check \(TerminalText.safe(path))'")
        }
        let today = Clock.today()
        var state = time("fold, flag and list (TUIState.init)") {
            TUIState(plan: plan, journal: journal.journal, folded: current, asOf: today, foldThrough: .last(ofMonth: 12, year: 9999),
                     account: "timing", agencies: [], width: width, height: height)
        }
        _ = time("first screen (render overview)") { render(state) }
        _ = time("open the list (Tab, render)") { () -> Grid in
            _ = update(&state, .key(.tab))
            return render(state)
        }

        func perKey(_ label: String, _ keys: [Key]) {
            var samples: [Double] = []
            for index in 0..<presses {
                let key = keys[index % keys.count]
                let elapsed = clock.measure {
                    _ = update(&state, .key(key))
                    _ = render(state)
                }
                samples.append(milliseconds(elapsed))
            }
            samples.sort()
            // `validate` keeps `presses`, so `samples`, at one or more.
            guard let max = samples.last else { return }
            let median = samples[samples.count / 2]
            let p99 = samples[min(samples.count - 1, samples.count * 99 / 100)]
            lines.append((label, String(format: "median %.3f ms, p99 %.3f ms, max %.3f ms", median, p99, max)))
        }
        perKey("Down (update+render)", [.down])
        perKey("Up (update+render)", [.up])
        perKey("PgDn/PgUp (update+render)", [.pageDown, .pageDown, .pageUp, .pageUp])
        perKey("End/Home (update+render)", [.end, .home])
        perKey("O overdue filter on/off", [.character("O")])
        perKey("Enter detail, Esc back", [.enter, .escape])

        // A long note: keys typed into a short one, an 800-character paste, then keys typed at the
        // end of 2,000 characters, which should cost what the short note's keys do.
        _ = update(&state, .key(.character("n")))
        perKey("typing into a short note (update+render)", "abcdefghi ".prefix(presses).map(Key.character))
        _ = update(&state, .key(.control("u")))
        _ = time("800-character paste into a note (update+render)") { () -> Grid in
            _ = update(&state, .paste(String(repeating: "Six referrals received, all allocated. ", count: 21).prefix(800).description))
            return render(state)
        }
        _ = update(&state, .paste(String(repeating: "x", count: 1_200)))
        perKey("typing into a 2,000-character note (update+render)", "abcdefghi ".map(Key.character))
        _ = update(&state, .key(.escape))
        _ = update(&state, .key(.escape))

        if let output = plan.entries.last?.output.id {
            let record = Record(line: (journal.journal.records.last?.line ?? 0) + 1, at: Clock.now(), by: "timing", change: Change(outputID: output, note: "timing"))
            let grown = Journal(journal.journal.records + [record])
            _ = time("another session's record arrives (refold, render)") { () -> Grid in
                _ = update(&state, .journalChanged(grown))
                return render(state)
            }
        }

        print("\(TerminalText.safe(path)): \(plan.entries.count) outputs, \(journal.journal.records.count) records, \(width)x\(height)")
        let labelWidth = lines.map(\.0.count).max() ?? 0
        for (label, value) in lines {
            print(label.padding(toLength: labelWidth, withPad: " ", startingAt: 0) + "  " + value)
        }
    }
}
