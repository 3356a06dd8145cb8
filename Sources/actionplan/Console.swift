import ActionPlanFormat
import ActionPlanModel
import ActionPlanStore
import ArgumentParser
import Foundation

/// Where commands print, and how wide the terminal is.
enum Console {
    /// Prints `text` on standard output. When it cannot be written (a full disk, a closed pipe)
    /// the command stops with exit 1, saying why on standard error: nothing it would print next
    /// could be read either. A reader that went away (`list | head`) is no news, so it is not said.
    static func out(_ text: String) {
        guard let problem = write(line(text), to: STDOUT_FILENO) else { return }
        if problem != EPIPE { error("actionplan: cannot write the output: \(String(cString: strerror(problem)))") }
        Foundation.exit(1)
    }

    /// Prints the receipt of a record already written. The record stands whether or not its
    /// receipt can be printed, so a failure is said on standard error and the command still
    /// succeeds: a script that retried on failure would record it twice.
    static func receipt(_ text: String) {
        guard let problem = write(line(text), to: STDOUT_FILENO) else { return }
        error("actionplan: \(text); its receipt could not be printed: \(String(cString: strerror(problem)))")
    }

    /// Prints `text` on standard error, if it can be: there is nowhere left to say otherwise.
    static func error(_ text: String) {
        _ = write(line(text), to: STDERR_FILENO)
    }

    /// Writes all of `bytes` to `fd`; nil when done, otherwise the errno that stopped it.
    private static func write(_ bytes: Data, to fd: Int32) -> Int32? {
        FileBytes.write(bytes, to: fd) ? nil : errno
    }

    /// The text's bytes ending in one newline. Bytes, not characters: CSV's closing "\r\n" is a
    /// single Character, which `hasSuffix("\n")` does not match.
    private static func line(_ text: String) -> Data {
        var bytes = Data(text.utf8)
        if bytes.last != UInt8(ascii: "\n") { bytes.append(UInt8(ascii: "\n")) }
        return bytes
    }

    /// The terminal's width when output goes to one; nil (no limit) when piped to a file or tool.
    static var width: Int? {
        guard isatty(STDOUT_FILENO) == 1 else { return nil }
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        return Int(ProcessInfo.processInfo.environment["COLUMNS"] ?? "") ?? 80
    }

    /// The one plan at `path`, read with its journal, or, having printed why not, a failure exit.
    ///
    /// Plan errors stop the command (exit 1), and so does a journal that cannot be read at all; a
    /// journal's bad lines are reported and skipped, so one bad line never hides the rest of the plan. Warnings are left to `check` and `verify`.
    static func load(_ path: String?) throws -> PlanState {
        let file: String
        do {
            file = try PlanLocator.file(at: path)
        } catch {
            Self.error("actionplan: \(TerminalText.safe(error.message, keepingLines: true))")
            throw ExitCode(2)
        }
        let opened = PlanStore.open(path: file)
        let loaded = opened.loaded
        for diagnostic in loaded.errors {
            Self.error(DiagnosticText.render(diagnostic))
        }
        guard let plan = loaded.plan, let journal = opened.journal, let current = opened.current else {
            Self.error("actionplan: \(TerminalText.safe(file)) has \(loaded.errors.count) error(s); fix them and try again")
            throw ExitCode(1)
        }
        if !loaded.warnings.isEmpty {
            Self.error("actionplan: \(loaded.warnings.count) warning(s) in \(TerminalText.safe(file)); run 'actionplan check \(TerminalText.safe(file))'")
        }
        // A journal that is there but cannot be read (a FIFO, a folder, a link) would show the
        // plan as if nothing had been recorded: stop instead.
        if journal.presence == .unreadable {
            journal.problems.forEach { Self.error(DiagnosticText.render($0)) }
            throw ExitCode(1)
        }
        if let warning = opened.headWarning {
            Self.error("actionplan: \(TerminalText.safe(warning.message))")
        }
        if let first = journal.problems.first {
            Self.error(DiagnosticText.render(first))
            Self.error("actionplan: \(journal.problems.count + journal.unlistedProblems) problem(s) in \(TerminalText.safe(journal.path)); the rest of it is used. Run 'actionplan verify \(TerminalText.safe(file))'")
        }
        return PlanState(path: file, plan: plan, loadedJournal: journal, current: current, headWarning: opened.headWarning)
    }
}

extension Console {
    /// The access rules beside the plan that `state` read, and the account the session acts as
    /// (the running one, or with `asked` the officer a service account acts for); or, having
    /// printed why not, a failure exit. Every change goes through here: an access file that
    /// cannot be trusted, or is missing where it is needed, or is broken, stops them all.
    /// `rules`, when given, are the access rules as already read.
    static func identify(_ state: PlanState, asked: String?,
                         rules: Result<Access, AccessProblem>? = nil) throws -> (access: Access, account: String) {
        let access: Access
        switch rules ?? AccessFile.rules(forPlan: state.path, journal: state.journal) {
        case .success(let rules): access = rules
        case .failure(let problem):
            problem.diagnostics.forEach { error(DiagnosticText.render($0)) }
            error("actionplan: \(TerminalText.safe(problem.message))")
            throw ExitCode(1)
        }
        switch Identity.resolve(asked: asked, access: access) {
        case .success(let account): return (access, account)
        case .failure(let problem):
            error("actionplan: \(TerminalText.safe(problem.message))")
            throw ExitCode(1)
        }
    }
}

/// A plan file and its journal, as read by one command.
struct PlanState {
    let path: String
    /// As written in the plan file.
    let plan: Plan
    /// The journal as read, so that a write reads only what was appended since.
    let loadedJournal: LoadedJournal
    /// The plan folded with every record in the journal.
    let current: Plan
    /// Set when the journal no longer holds what this account last saw of it.
    let headWarning: HeadWarning?

    var journal: Journal { loadedJournal.journal }

    /// The plan as it stood at the end of `day`.
    func asOf(_ day: Day) -> Plan {
        // Through a day no record comes after, that is the plan already folded with them all.
        journal.records.allSatisfy({ $0.at.day <= day }) ? current : plan.folded(with: journal, through: day)
    }
}
