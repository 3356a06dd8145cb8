import ArgumentParser
import Foundation

/// `actionplan`: track a partnership's strategy action plan from the terminal.
@main
struct ActionPlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "actionplan",
        abstract: "Track a multi-agency strategy action plan: what is overdue, unowned, red or stale.",
        discussion: "PATH is a plan file, a folder of plans (default: plans/), or the start of a plan's file name in plans/.",
        subcommands: [Tui.self, Check.self, List.self, SummaryCommand.self, Report.self, Update.self, NoteCommand.self, History.self, Verify.self],
        defaultSubcommand: Tui.self
    )

    /// Runs the command, with usage errors exiting 2 (argument-parser's default is 64), as the
    /// documentation promises: 0 fine, 1 problems in a plan, 2 the command was mistyped.
    static func main() {
        // A closed pipe is then an error that Console reports, not a signal that kills the tool
        // between writing a record and printing its receipt.
        signal(SIGPIPE, SIG_IGN)
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                Console.error(fullMessage(for: error))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}
