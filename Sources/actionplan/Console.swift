import ActionPlanFormat
import ActionPlanModel
import ActionPlanStore
import ArgumentParser
import Foundation

/// Where commands print, and how wide the terminal is.
enum Console {
    static func out(_ text: String) {
        FileHandle.standardOutput.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
    }

    static func error(_ text: String) {
        FileHandle.standardError.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
    }

    /// The terminal's width when output goes to one; nil (no limit) when piped to a file or tool.
    static var width: Int? {
        guard isatty(STDOUT_FILENO) == 1 else { return nil }
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        return Int(ProcessInfo.processInfo.environment["COLUMNS"] ?? "") ?? 80
    }

    /// The one plan at `path`, or, having printed why not, a failure exit.
    ///
    /// Errors stop the command (exit 1); warnings are left to `check`, with a one-line pointer.
    static func loadPlan(at path: String?) throws -> Plan {
        let file: String
        do {
            file = try PlanLocator.file(at: path)
        } catch {
            Self.error("actionplan: \(TerminalText.safe(error.message, keepingLines: true))")
            throw ExitCode(2)
        }
        let loaded = PlanLoader.load(path: file)
        for diagnostic in loaded.errors {
            Self.error(DiagnosticText.render(diagnostic))
        }
        guard let plan = loaded.plan else {
            Self.error("actionplan: \(TerminalText.safe(file)) has \(loaded.errors.count) error(s); fix them and try again")
            throw ExitCode(1)
        }
        if !loaded.warnings.isEmpty {
            Self.error("actionplan: \(loaded.warnings.count) warning(s) in \(TerminalText.safe(file)); run 'actionplan check \(TerminalText.safe(file))'")
        }
        return plan
    }
}
