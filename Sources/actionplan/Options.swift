import ActionPlanModel
import ActionPlanStore
import ArgumentParser
import Foundation

/// The as-of date every command takes; today by default.
struct AsOfOption: ParsableArguments {
    @Option(name: .customLong("as-of"), help: ArgumentHelp("Judge deadlines and flags as of this day.", valueName: "YYYY-MM-DD"))
    var asOf: Day?

    /// The chosen day, or today on this machine's calendar.
    var day: Day {
        asOf ?? Clock.today()
    }

    /// The last day whose journal records count: the chosen day, or with none chosen every record
    /// so far (a record made this evening in UTC may fall on tomorrow's date).
    var foldThrough: Day {
        asOf ?? .allRecords
    }
}

/// `--as NAME`: the officer a shared service account acts for, taken once.
struct ActingOption: ParsableArguments {
    @Option(name: .customLong("as"), help: ArgumentHelp("Act for this officer (only for the service account named in the access file).", valueName: "account"))
    var accounts: [String] = []

    /// The officer named, if any.
    var account: String? { accounts.first }

    func validate() throws {
        // Taking the last of several, as options usually do, would record under a name the
        // caller may not have meant: a forced SSH command with a second --as appended, say.
        if accounts.count > 1 {
            throw ValidationError("--as was given \(accounts.count) times (\(accounts.joined(separator: ", "))); give it once")
        }
    }
}

extension Day: ExpressibleByArgument {
    public init?(argument: String) {
        self.init(iso: argument)
    }

    public static var defaultCompletionKind: CompletionKind { .default }
}

extension ActionPlanModel.Flag: ExpressibleByArgument {}
extension Status: ExpressibleByArgument {}

/// What `list` prints.
enum ListFormat: String, CaseIterable, ExpressibleByArgument {
    case table, csv, json
}
