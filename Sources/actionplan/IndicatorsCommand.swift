import ActionPlanFormat
import ActionPlanModel
import ArgumentParser

/// `actionplan indicators`: each indicator's latest figure, target, rating and direction of travel.
struct IndicatorsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "indicators",
        abstract: "List the plan's indicators with their latest figure, target, RAG, direction of travel and flags.",
        discussion: "CSV and JSON give one row per indicator (and area, and comparator) per period of its series."
    )

    @Argument(help: "The plan, as --plan takes it (kept for scripts written before --plan).")
    var path: String?

    @OptionGroup var planOption: PlanOption

    @OptionGroup var asOf: AsOfOption

    @Option(help: "table, csv or json.")
    var format: ListFormat = .table

    @Option(help: "How many periods each series holds.")
    var periods: Int = Plan.seriesLength

    @Option(help: "Fit the table to this many columns (default: the terminal's width; no limit when piped).")
    var width: Int?

    func validate() throws {
        guard periods > 0 else { throw ValidationError("--periods takes a number of periods, 1 or more") }
    }

    func run() throws {
        try Self.show(path: try planOption.path(or: path), asOf: asOf, format: format, periods: periods, width: width)
    }

    /// Prints the indicators of the plan at `path` as of the chosen day, in `format`: what
    /// `indicators` and `list --indicators` both do.
    static func show(path: String?, asOf: AsOfOption, format: ListFormat, periods: Int = Plan.seriesLength, width: Int?) throws {
        let state = try PlanState.load(path)
        let day = try asOf.resolved(by: state.calendar).day
        let standings = state.plan.standings(state.journal.figures, asOf: day, periods: periods)
        switch format {
        case .table: Console.out(IndicatorText.table(standings, plan: state.plan, asOf: day, width: width ?? TerminalWidth.ofOutput))
        case .csv: Console.out(DataText.csv(header: IndicatorRecord.columns, rows: IndicatorRecord.rows(standings).map(\.fields)))
        case .json: Console.out(DataText.json(IndicatorRecord.rows(standings)))
        }
    }
}
