import ArgumentParser
import Foundation

/// Why a command stopped short: what it says on standard error and the exit status scripts read.
///
/// Commands throw one of these and print nothing of it themselves; `ActionPlanCommand.exit(after:)`
/// prints it and exits, so the README's contract (0 fine; 1 a plan has errors, an update was
/// refused, a journal is broken; 2 mistyped or no single plan named) is kept in one place.
/// Mistakes found before a command runs (argument-parser's, and each `validate()`'s
/// `ValidationError`) go through the same place, said in the same style and followed by the
/// command's usage.
struct CommandFailure: Error {
    /// The process's exit status.
    let status: Int32
    /// What is printed on standard error, a line each, in order.
    let lines: [String]

    /// The command was mistyped, or named no single plan: exit 2.
    static func mistyped(_ message: String) -> CommandFailure {
        CommandFailure(status: ExitStatus.mistyped, lines: ["actionplan: " + message])
    }

    /// A plan has errors, an update was refused, or a journal cannot be trusted: exit 1, printing
    /// `details` (rendered diagnostics) as they are and then each of `messages`.
    static func refused(_ messages: String..., details: [String] = []) -> CommandFailure {
        CommandFailure(status: ExitStatus.refused, lines: details + messages.map { "actionplan: " + $0 })
    }

    /// Problems were found and listed as the command's output (`check`, `verify`): exit 1, with
    /// nothing more to say.
    static let problemsListed = CommandFailure(status: ExitStatus.refused, lines: [])

    /// The full-screen interface ended with `status` (128 + a signal): passed on as it is.
    static func ended(_ status: Int32) -> CommandFailure {
        CommandFailure(status: status, lines: [])
    }
}

/// The exit statuses the README promises, besides 0.
enum ExitStatus {
    /// A plan has errors, an update was refused, or `verify` found a broken journal.
    static let refused: Int32 = 1
    /// The command was mistyped or named no single plan (argument-parser's default is 64).
    static let mistyped: Int32 = 2
}

extension ActionPlanCommand {
    /// Prints why the command stopped and exits with the status that says so: a `CommandFailure`
    /// as it asks; argument-parser's own mistakes (a bad option, a failed `validate()`) with 2,
    /// not its default 64; help and version as argument-parser does.
    static func exit(after error: any Error) -> Never {
        if let failure = error as? CommandFailure {
            failure.lines.forEach(Console.error)
            Foundation.exit(failure.status)
        }
        if exitCode(for: error) == .validationFailure {
            Console.error(inOurStyle(fullMessage(for: error)))
            Foundation.exit(ExitStatus.mistyped)
        }
        exit(withError: error)
    }

    /// argument-parser's "Error: Unknown option …" as every other failure is said:
    /// "actionplan: unknown option …".
    private static func inOurStyle(_ message: String) -> String {
        guard message.hasPrefix("Error: "), let first = message.dropFirst(7).first else { return message }
        return "actionplan: " + first.lowercased() + message.dropFirst(8)
    }
}
