import ActionPlanFormat
import ActionPlanModel
import ArgumentParser

/// `actionplan summary`: per pillar, how many outputs of each RAG and with each flag.
struct SummaryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "summary",
        abstract: "Count outputs by RAG and by flag, per pillar or per delivery group."
    )

    @Argument(help: "The plan, as --plan takes it (kept for scripts written before --plan).")
    var path: String?

    @OptionGroup var planOption: PlanOption

    @OptionGroup var asOf: AsOfOption

    @OptionGroup var group: GroupOption

    @Option(help: "A row per pillar, or per delivery group.")
    var by: Summary.Axis = .pillar

    @Option(help: "table, csv or json (a row per pillar or group, then the whole plan's).")
    var format: ListFormat = .table

    @Option(help: "Fit the table to this many columns (default: the terminal's width; no limit when piped).")
    var width: Int?

    func run() throws {
        let state = try PlanState.load(try planOption.path(or: path))
        let asOf = try self.asOf.resolved(by: state.calendar)
        let day = asOf.day
        let plan = state.asOf(asOf.foldThrough)
        if by == .group, plan.groups.isEmpty {
            throw CommandFailure.mistyped("'\(TerminalText.safe(plan.title))' has no delivery groups to count by (see 'groups:' in docs/plan-format.md)")
        }
        let summary = try group.chosen(in: plan).map { Summary(rows: plan.rows(matching: Query(group: $0.name), asOf: day), of: plan) }
            ?? plan.summary(asOf: day)
        let records = summary.tallies(by: by).map { TallyRecord(tally: $0, axis: by) }
            + [TallyRecord(tally: summary.total, axis: by, name: by == .pillar ? nil : "All groups")]
        switch format {
        case .csv: return Console.out(DataText.csv(header: TallyRecord.columns(by), rows: records.map(\.fields)))
        case .json: return Console.out(DataText.json(records))
        case .table: Console.out(SummaryText.table(summary, by: by, plan: plan, asOf: day, width: width ?? TerminalWidth.ofOutput))
        }
        if !plan.indicators.isEmpty {
            Console.out("\n" + IndicatorText.counts(plan.standings(state.journal.figures, asOf: day)))
        }
    }
}
