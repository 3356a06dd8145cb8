import ActionPlanFormat
import ActionPlanModel
import ActionPlanStore
import ArgumentParser

/// `actionplan rollover`: start next year's plan from this year's.
struct RolloverCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rollover",
        abstract: "Write next year's plan: every open output carried forward as it now stands.",
        discussion: """
            Each open output keeps its id, lead, status, latest note and latest (revised) date; complete, \
            dropped and retired ones are left behind and listed in a comment at the top. The new plan \
            says 'follows: OLD.yaml', so 'history' shows each output's records from both years. The file \
            must be new and beside the old plan; the old plan and its journal are only read.
            """
    )

    @Argument(help: "This year's plan, as --plan takes it (kept for scripts written before --plan).")
    var path: String?

    @OptionGroup var planOption: PlanOption

    @Option(help: ArgumentHelp("The reporting year the new plan covers, such as 2016/17.", valueName: "year"))
    var year: String

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("The new plan file.", valueName: "file"))
    var output: String

    func run() throws {
        let state = try PlanState.load(try planOption.path(or: path))
        let calendar = state.calendar
        guard let period = Period.parse(year, calendar: calendar), period == calendar.year(startingIn: period.first.year) else {
            throw CommandFailure.mistyped("--year takes a reporting year, such as \(calendar.yearLabel(startingIn: 2016)); found '\(TerminalText.safe(year))'")
        }
        let made: (rollover: Rollover, warnings: [Diagnostic])
        do {
            made = try RolloverFile.write(state.current, from: state.path, year: period, to: output)
        } catch {
            throw CommandFailure.refused("not written: \(TerminalText.safe(error.message))")
        }
        for warning in made.warnings { Console.error(DiagnosticText.render(warning)) }
        let carried = made.rollover.plan.entries.count
        Console.out("\(TerminalText.safe(output)): \(carried) open output\(carried == 1 ? "" : "s") carried forward into \(calendar.yearLabel(startingIn: period.first.year)), "
            + "\(made.rollover.leftBehind.count) left behind (listed at the top of the file); it follows \(TerminalText.safe(state.path))")
    }
}
