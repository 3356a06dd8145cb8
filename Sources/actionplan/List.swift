import ActionPlanFormat
import ActionPlanModel
import ArgumentParser

/// `actionplan list`: the outputs, filtered, with their lead, dates, status, RAG and flags.
struct List: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List outputs with lead, due date, deadline, status, RAG and flags.",
        discussion: "Filters narrow one another: '--flag overdue --flag unowned' lists outputs that are both."
    )

    @Argument(help: "The plan, as --plan takes it (kept for scripts written before --plan).")
    var path: String?

    @OptionGroup var planOption: PlanOption

    @Option(help: "Only this pillar: its number, name, or the start of its name.")
    var pillar: String?

    @Option(help: "Only outputs this agency leads, alone or jointly (name, short form or alias).")
    var lead: String?

    @OptionGroup var group: GroupOption

    @Option(name: .customLong("flag"), help: "Only outputs with this flag (repeatable).")
    var flags: [ActionPlanModel.Flag] = []

    @Option(help: "Only outputs with this status ('not-started' includes outputs not yet rated).")
    var status: Status?

    @ArgumentParser.Flag(help: "Instead of the live outputs, those retired from the plan by the as-of day, with when and why.")
    var retired = false

    @OptionGroup var asOf: AsOfOption

    @Option(help: "table, csv or json.")
    var format: ListFormat = .table

    @Option(help: "Fit the table to this many columns (default: the terminal's width; no limit when piped).")
    var width: Int?

    @ArgumentParser.Flag(help: "List the plan's indicators instead of its outputs (as 'actionplan indicators').")
    var indicators = false

    func validate() throws {
        if indicators, pillar != nil || lead != nil || !flags.isEmpty || status != nil {
            throw ValidationError("--indicators lists every indicator: leave out --pillar, --lead, --flag and --status")
        }
    }

    func run() throws {
        if indicators { return try IndicatorsCommand.show(path: try planOption.path(or: path), asOf: asOf, format: format, width: width) }
        let state = try PlanState.load(try planOption.path(or: path))
        let asOf = try self.asOf.resolved(by: state.calendar)
        let day = asOf.day
        let plan = state.asOf(asOf.foldThrough)
        var query = Query(lead: lead, flags: flags, status: status, retired: retired)
        if let pillar {
            switch plan.pillarIndex(matching: pillar) {
            case .success(let index): query.pillar = index
            case .failure(let problem): throw CommandFailure.mistyped(TerminalText.safe(problem.message))
            }
        }
        query.group = try group.chosen(in: plan)?.name
        if let lead, let problem = plan.leadProblem(lead) {
            throw CommandFailure.mistyped(TerminalText.safe(problem.message))
        }
        let rows = plan.rows(matching: query, asOf: day)
        switch format {
        case .table: Console.out(bytes: ListText.bytes(rows, plan: plan, asOf: day, width: width ?? TerminalWidth.ofOutput, leadsFirst: lead.map { [$0] } ?? []))
        case .csv: Console.out(DataText.csv(header: ListRecord.columns, rows: rows.map { ListRecord($0).fields }))
        case .json: Console.out(DataText.json(rows.map(ListRecord.init)))
        }
    }
}
