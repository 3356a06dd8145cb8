import ArgumentParser
import Foundation

/// `actionplan`: track a partnership's strategy action plan from the terminal.
@main
struct ActionPlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "actionplan",
        abstract: "Track a multi-agency strategy action plan: what is overdue, unowned, red or stale.",
        discussion: """
            A plan is named with --plan (or as the first argument where a command took it so before): a plan file, \
            a folder of plans, or the start of a plan's file name in plans/. Naming none opens $ACTIONPLAN_PLAN, \
            else the only plan in plans/, else the one plans/default-plan names.
            """,
        version: Version.current,
        subcommands: [Tui.self, Check.self, List.self, SummaryCommand.self, Report.self, Update.self, NoteCommand.self, History.self, Verify.self,
                      FigureCommand.self, IndicatorsCommand.self, RolloverCommand.self, DigestCommand.self, ImportCommand.self],
        defaultSubcommand: Tui.self
    )

    /// Runs the command; whatever stops it is printed and mapped to an exit status in one place,
    /// `exit(after:)`.
    static func main() {
        // A closed pipe is then an error that Console reports, not a signal that kills the tool
        // between writing a record and printing its receipt.
        signal(SIGPIPE, SIG_IGN)
        if let mistyped = UnknownCommand.failure(for: Array(CommandLine.arguments.dropFirst())) {
            exit(after: mistyped)
        }
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            exit(after: error)
        }
    }
}
