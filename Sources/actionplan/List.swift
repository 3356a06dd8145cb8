import ActionPlanFormat
import ActionPlanModel
import ArgumentParser

/// `actionplan list`: the outputs, filtered, with their lead, dates, status, RAG and flags.
struct List: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List outputs with lead, due date, deadline, status, RAG and flags.",
        discussion: "Filters narrow one another: '--flag overdue --flag unowned' lists outputs that are both."
    )

    @Argument(help: "A plan file, or a folder holding one plan (default: plans/).")
    var path: String?

    @Option(help: "Only this pillar: its number, name, or the start of its name.")
    var pillar: String?

    @Option(help: "Only outputs this agency leads, alone or jointly (name, short form or alias).")
    var lead: String?

    @Option(name: .customLong("flag"), help: "Only outputs with this flag (repeatable).")
    var flags: [ActionPlanModel.Flag] = []

    @Option(help: "Only outputs with this status ('not-started' includes outputs not yet rated).")
    var status: Status?

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
        if indicators { return try IndicatorsCommand.show(path: path, asOf: asOf, format: format, width: width) }
        let day = asOf.day
        let plan = try PlanState.load(path).asOf(asOf.foldThrough)
        var query = Query(lead: lead, flags: flags, status: status)
        if let pillar {
            switch plan.pillarIndex(matching: pillar) {
            case .success(let index): query.pillar = index
            case .failure(let problem): throw CommandFailure.mistyped(TerminalText.safe(problem.message))
            }
        }
        if let lead, let problem = plan.leadProblem(lead) {
            throw CommandFailure.mistyped(TerminalText.safe(problem.message))
        }
        let rows = plan.rows(matching: query, asOf: day)
        switch format {
        case .table: Console.out(ListText.table(rows, plan: plan, asOf: day, width: width ?? TerminalWidth.ofOutput))
        case .csv: Console.out(DataText.csv(header: ListRecord.columns, rows: rows.map { ListRecord($0).fields }))
        case .json: Console.out(DataText.json(rows.map(ListRecord.init)))
        }
    }
}
