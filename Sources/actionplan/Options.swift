import ActionPlanModel
import ArgumentParser
import Foundation

/// The as-of date every command takes; today by default.
struct AsOfOption: ParsableArguments {
    @Option(name: .customLong("as-of"), help: ArgumentHelp("Judge deadlines and flags as of this day.", valueName: "YYYY-MM-DD"))
    var asOf: Day?

    /// The chosen day, or today on this machine's calendar.
    var day: Day {
        asOf ?? Day.today
    }
}

extension Day: ExpressibleByArgument {
    public init?(argument: String) {
        self.init(iso: argument)
    }

    public static var defaultCompletionKind: CompletionKind { .default }
}

extension Day {
    /// Today, in the machine's time zone: a meeting judges overdue by the local date.
    static var today: Day {
        let parts = Calendar.current.dateComponents([.year, .month, .day], from: Date())
        return Day(year: parts.year ?? 2000, month: parts.month ?? 1, day: parts.day ?? 1)
            ?? Day.first(ofMonth: 1, year: 2000)
    }
}

extension ActionPlanModel.Flag: ExpressibleByArgument {}
extension Status: ExpressibleByArgument {}

/// What `list` prints.
enum ListFormat: String, CaseIterable, ExpressibleByArgument {
    case table, csv, json
}
