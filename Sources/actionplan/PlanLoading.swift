import ActionPlanFormat
import ActionPlanModel
import ActionPlanStore
import Synchronization

/// The folded plan a command opened, held until the process exits so that it is never freed.
///
/// A one-shot command ends by exiting, which gives back all of its memory at once; letting go of
/// the plan first freed every output's strings and arrays one by one: several percent of a warm
/// `summary` of 100,000 outputs. Like clang's `-disable-free`, nothing is freed that exit frees
/// anyway. The folded plan is what a warm start holds (the plan as written and the records are
/// made only when asked for), so it is the one kept.
private let keptUntilExit = Mutex<[Plan]>([])

extension PlanState {
    /// The one plan at `path`, read with its journal; or why not, as a failure to print.
    ///
    /// Plan errors stop the command (exit 1), and so does a journal that cannot be read at all; a
    /// journal's bad lines are reported and skipped, so one bad line never hides the rest of the
    /// plan. Warnings are left to `check` and `verify`.
    ///
    /// The folded plan is kept until the process exits (`keptUntilExit`), unless `untilExit` is
    /// false: the full-screen interface reads its plan again while it runs.
    static func load(_ path: String?, untilExit: Bool = true) throws(CommandFailure) -> PlanState {
        let file: String
        do {
            file = try PlanLocator.file(at: path)
        } catch {
            throw .mistyped(TerminalText.safe(error.message, keepingLines: true))
        }
        let opened = PlanStore.open(path: file, caching: .alongside)
        if untilExit, let current = opened.current { keptUntilExit.withLock { $0.append(current) } }
        let loaded = opened.loaded
        guard let journal = opened.journal, let current = opened.current else {
            throw .refused("\(TerminalText.safe(file)) has \(loaded.errors.count) error(s); fix them and try again",
                           details: loaded.errors.map(DiagnosticText.render))
        }
        for diagnostic in loaded.errors {
            Console.error(DiagnosticText.render(diagnostic))
        }
        if !loaded.warnings.isEmpty {
            Console.error("actionplan: \(loaded.warnings.count) warning(s) in \(TerminalText.safe(file)); run 'actionplan check \(TerminalText.safe(file))'")
        }
        // A journal that is there but cannot be read (a FIFO, a folder, a link) would show the
        // plan as if nothing had been recorded: stop instead.
        if journal.presence == .unreadable {
            throw .refused(details: journal.problems.map(DiagnosticText.render))
        }
        if let warning = opened.headWarning {
            Console.error("actionplan: \(TerminalText.safe(warning.message))")
        }
        if let first = journal.problems.first {
            Console.error(DiagnosticText.render(first))
            Console.error("actionplan: \(journal.problems.count + journal.unlistedProblems) problem(s) in \(TerminalText.safe(journal.path)); the rest of it is used. Run 'actionplan verify \(TerminalText.safe(file))'")
        }
        return PlanState(path: file, loaded: loaded, loadedJournal: journal, current: current, headWarning: opened.headWarning)
    }
}
