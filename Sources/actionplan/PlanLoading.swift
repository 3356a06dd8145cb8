import ActionPlanFormat
import ActionPlanStore

extension PlanState {
    /// The one plan at `path`, read with its journal; or why not, as a failure to print.
    ///
    /// Plan errors stop the command (exit 1), and so does a journal that cannot be read at all; a
    /// journal's bad lines are reported and skipped, so one bad line never hides the rest of the
    /// plan. Warnings are left to `check` and `verify`.
    static func load(_ path: String?) throws(CommandFailure) -> PlanState {
        let file: String
        do {
            file = try PlanLocator.file(at: path)
        } catch {
            throw .mistyped(TerminalText.safe(error.message, keepingLines: true))
        }
        let opened = PlanStore.open(path: file, caching: .alongside)
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
