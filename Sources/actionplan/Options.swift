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

extension Day: ExpressibleByArgument {
    public init?(argument: String) {
        self.init(iso: argument)
    }

    public static var defaultCompletionKind: CompletionKind { .default }
}

extension ActionPlanModel.Flag: ExpressibleByArgument {}
extension Status: ExpressibleByArgument {}
extension Summary.Axis: ExpressibleByArgument {}

/// What `list` prints.
enum ListFormat: String, CaseIterable, ExpressibleByArgument {
    case table, csv, json
}
