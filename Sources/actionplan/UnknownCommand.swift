import ActionPlanFormat
import ActionPlanModel
import ActionPlanStore
import ArgumentParser

/// A first word that is neither a command nor a plan: a mistyped command, said as git says it,
/// instead of being taken for the plan the interface should open.
enum UnknownCommand {
    /// The failure for `arguments` (without the program's name) when their first word names
    /// no command and no plan; nil when it does, or is an option.
    static func failure(for arguments: [String]) -> CommandFailure? {
        guard let word = arguments.first, !word.hasPrefix("-") else { return nil }
        let commands = ActionPlanCommand.configuration.subcommands.map { $0._commandName } + ["help"]
        guard !commands.contains(word), (try? PlanLocator.files(at: word)) == nil else { return nil }
        if let nearest = Suggestion.nearest(to: word, among: commands) {
            return .mistyped("unknown command '\(TerminalText.safe(word))'; did you mean '\(nearest)'?")
        }
        return .mistyped("unknown command '\(TerminalText.safe(word))', and no plan by that name; "
            + "the commands are: \(commands.joined(separator: ", ")) (see 'actionplan --help')")
    }
}
