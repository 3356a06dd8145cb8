import ActionPlanFormat
import ActionPlanModel
import ActionPlanStore
import ArgumentParser
import Foundation

/// The as-of date every command takes, as people say it in the meeting; today by default.
struct AsOfOption: ParsableArguments {
    @Option(name: .customLong("as-of"), help: ArgumentHelp(
        "Judge deadlines and flags as of this day: 2016-03-31 or 31/03/2016, or the last day of a month or quarter ('March 2016', 'end of March 2016', 2016-03, 'Q4 2015/16').",
        valueName: "day"))
    var text: String?

    /// The day and the records that count, read by the plan's `calendar` (which says what a
    /// quarter is); text that names no day is a usage error saying what to write.
    func resolved(by calendar: ReportingCalendar) throws(CommandFailure) -> AsOf {
        guard let text else { return AsOf(day: Clock.today(), foldThrough: .allRecords) }
        guard let day = Day.asOf(text, calendar: calendar) else {
            // The one date inside the words ("Q2 2015" for "Q2 2015/16"), read as a plan's date cell is.
            let inside: String? = if case .failure(let problem) = Due.parse(text, calendar: calendar), problem.datesFound.count == 1 {
                problem.datesFound.first
            } else { nil }
            throw .mistyped("--as-of '\(TerminalText.safe(text))' names no day" + (inside.map { "; did you mean '\(TerminalText.safe($0))'?" }
                ?? "; write 2016-03-31 or 31/03/2016, or a month or quarter for its last day: 'March 2016', 'end of March 2016', 2016-03 or 'Q4 \(calendar.yearLabel(startingIn: 2015))'"))
        }
        return AsOf(day: day, foldThrough: day)
    }
}

/// The as-of day a command judges by, and the last day whose journal records count.
struct AsOf {
    let day: Day
    /// The chosen day, or with none chosen every record so far (a record made this evening in
    /// UTC may fall on tomorrow's date).
    let foldThrough: Day
}

extension ActionPlanModel.Flag: ExpressibleByArgument {}
extension Status: ExpressibleByArgument {}
extension Summary.Axis: ExpressibleByArgument {}

/// What `list`, `summary` and `indicators` print.
enum ListFormat: String, CaseIterable, ExpressibleByArgument {
    case table, csv, json
}
