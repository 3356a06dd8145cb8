import ActionPlanFormat
import ActionPlanModel
import ActionPlanStore
import ArgumentParser
import Foundation

/// `--plan PATH`, which every command that reads a plan takes the same way. Commands that took
/// the plan as an argument before `--plan` was everywhere still do, so no script breaks.
struct PlanOption: ParsableArguments {
    @Option(name: .customLong("plan"), help: ArgumentHelp(
        "The plan: a file, a folder, or the start of its file name in plans/ (default: $ACTIONPLAN_PLAN, else the one plans/default-plan names).",
        valueName: "plan"))
    var named: String?

    /// The environment variable naming the plan for commands that name none.
    static let environmentName = "ACTIONPLAN_PLAN"

    /// The plan `$ACTIONPLAN_PLAN` names, if it is set.
    static var fromEnvironment: String? {
        ProcessInfo.processInfo.environment[environmentName].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The plan the command was given, by `--plan` or as the argument `positional`, else by
    /// `$ACTIONPLAN_PLAN`; nil leaves it to the plans folder (its only plan, or its default).
    func path(or positional: String? = nil) throws(CommandFailure) -> String? {
        if let named, let positional, named != positional {
            throw .mistyped("the plan is named twice, as '\(TerminalText.safe(positional))' and as --plan '\(TerminalText.safe(named))'; name it once")
        }
        return named ?? positional ?? Self.fromEnvironment
    }

    /// What a hint the tool prints must add to a command for it to open `file`: nothing when
    /// naming no plan opens that file anyway, otherwise ` --plan FILE`.
    static func naming(_ file: String) -> String {
        (try? PlanLocator.file(at: fromEnvironment)) == file ? "" : " --plan " + Shell.quote(file)
    }
}
