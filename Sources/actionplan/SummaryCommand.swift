import ActionPlanFormat
import ArgumentParser

/// `actionplan summary`: per pillar, how many outputs of each RAG and with each flag.
struct SummaryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "summary",
        abstract: "Count outputs by RAG and by flag, per pillar."
    )

    @Argument(help: "A plan file, or a folder holding one plan (default: plans/).")
    var path: String?

    @OptionGroup var asOf: AsOfOption

    @Option(help: "Fit the table to this many columns (default: the terminal's width; no limit when piped).")
    var width: Int?

    func run() throws {
        let day = asOf.day
        let state = try PlanState.load(path)
        let plan = state.asOf(asOf.foldThrough)
        Console.out(SummaryText.table(plan.summary(asOf: day), plan: plan, asOf: day, width: width ?? TerminalWidth.ofOutput))
        if !plan.indicators.isEmpty {
            Console.out("\n" + IndicatorText.counts(plan.standings(state.journal.figures, asOf: day)))
        }
    }
}
