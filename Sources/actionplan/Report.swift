import ActionPlanFormat
import ActionPlanModel
import ActionPlanStore
import ActionPlanWorkbook
import ArgumentParser
import Foundation

/// `actionplan report`: the quarter's RAG report for the steering group.
struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write a quarter's RAG report: summary, exceptions, movement since the quarter before, the full plan, and a key.",
        discussion: """
            The report is as at the quarter's last day (or today, while the quarter is still running), \
            from the plan with the journal records made up to then, so a past quarter's report comes out \
            the same whenever it is made. --year gives the board's annual report instead, --group a \
            delivery group's own report, --exceptions only what the board must see. See docs/report.md.
            """
    )

    @Argument(help: "The plan, as --plan takes it (kept for scripts written before --plan).")
    var path: String?

    @OptionGroup var planOption: PlanOption

    @Option(help: ArgumentHelp("A quarter of the plan's reporting year, such as 'Q2 2015/16' (default: the quarter holding the as-of date).", valueName: "quarter"))
    var quarter: String?

    @Option(help: ArgumentHelp("The board's annual report on a reporting year, such as '2015/16': the year's movement, what was completed, what slipped and by how much, where each output began in earlier plan years, and what is carried forward.", valueName: "year"))
    var year: String?

    @OptionGroup var group: GroupOption

    @ArgumentParser.Flag(help: "Only what the board must see: red, overdue, unowned and stale actions, and revised deadlines.")
    var exceptions = false

    @OptionGroup var asOf: AsOfOption

    @Option(help: "The form: html, md, csv, json or xlsx (default: from the -o file's extension, otherwise md); it must agree with that extension.")
    var format: ReportForm?

    @Option(name: [.customShort("o"), .customLong("output")], help: ArgumentHelp("Write the report to this file, whole or not at all, instead of printing it: a new file or a regular one, never the plan's own files.", valueName: "file"))
    var output: String?

    @OptionGroup var acting: ActingOption

    func validate() throws {
        if quarter != nil, asOf.text != nil {
            throw ValidationError("give --quarter or --as-of, not both: --quarter names the quarter, --as-of picks the quarter that holds a day")
        }
        if year != nil, quarter != nil || asOf.text != nil {
            throw ValidationError("give --year or --\(quarter == nil ? "as-of" : "quarter"), not both: --year reports on the whole reporting year")
        }
        guard let output else {
            if format == .workbook { throw ValidationError("--format xlsx writes a workbook, which is a file: give -o FILE.xlsx") }
            return
        }
        if ReportForm(fileName: output) == .workbook {
            if let format, format != .workbook {
                throw ValidationError("--format \(format.name) contradicts -o \(output), whose extension is xlsx: drop --format, or write \(output.dropLast(5)).\(format.name)")
            }
            return
        }
        switch ReportFormat.fileExtension(of: output) {
        case .other(let suffix, let instead):
            let stem = output.dropLast(suffix.count + 1)
            throw ValidationError("-o \(output): a report is not .\(suffix); it is html, md, csv, json or xlsx. Write \(stem).\(instead.rawValue) instead"
                + (instead == .csv ? " (a spreadsheet opens it)" : instead == .html && suffix == "pdf" ? " (print it to PDF from a browser)" : ""))
        case .format(let named) where format.map({ $0 != .text(named) }) == true:
            let stem = output.lastIndex(of: ".").map { output[..<$0] } ?? output[...]
            throw ValidationError("--format \(format?.name ?? "") contradicts -o \(output), whose extension is \(named.rawValue): "
                + "drop --format, or write \(stem).\(format?.name ?? "")")
        case .format, .none:
            return
        }
    }

    func run() throws {
        let state = try PlanState.load(try planOption.path(or: path))
        let asOf = try self.asOf.resolved(by: state.calendar)
        let chosen = try chosenPeriod(calendar: state.calendar, asOf: asOf.day)
        let scope = QuarterReport.Scope(group: try group.chosen(in: state.plan), exceptionsOnly: exceptions)
        let author = acting.account == nil ? Identity.account() ?? "unknown account" : try acting.identify(in: state).account
        // A rolled-over plan's outputs began in the plan years it follows: the report measures from there.
        let earlier = state.plan.follows.map { _ in EarlierYears.lineage(of: state.plan, at: state.path, journal: state.journal) }
        for problem in earlier?.problems ?? [] { Console.error(DiagnosticText.render(problem)) }
        let report = QuarterReport(plan: state.plan, journal: state.journal, period: chosen, scope: scope, asOf: asOf.day,
                                   generated: .init(at: Clock.now(), by: author, journalHead: state.loadedJournal.head), lineage: earlier?.lineage)
        let form = format ?? output.flatMap(ReportForm.init(fileName:)) ?? .text(.md)
        let bytes: Data
        switch form {
        case .text(let format):
            let rendered = format.render(report)
            guard output != nil else { return Console.out(rendered) }
            // A file ends in a newline like any text file; CSV's closing CRLF already is one.
            bytes = Data((rendered.utf8.last == UInt8(ascii: "\n") ? rendered : rendered + "\n").utf8)
        case .workbook:
            do {
                bytes = try ReportWorkbook.render(report)
            } catch {
                throw CommandFailure.refused("the workbook could not be made: \(error)")
            }
        }
        guard let output else { return }
        do {
            try ReportFile.write(bytes, to: output, besidePlan: state.path)
        } catch {
            throw CommandFailure.refused("the report was not written: \(TerminalText.safe(error.message))")
        }
        // "the HPOG Q2 2015/16 exception report", "the 2015/16 annual report": what was written.
        let annual: String? = if case .year = chosen { "annual" } else { nil }
        let kind = [scope.group.map { TerminalText.safe($0.label) }, chosen.description, exceptions ? "exception" : nil, annual]
            .compactMap { $0 }.joined(separator: " ")
        Console.out("actionplan: wrote the \(kind) report (\(form.name), \(bytes.count) bytes) to \(TerminalText.safe(output))")
    }

    /// The year `--year` names, the quarter `--quarter` names, or the quarter holding the as-of
    /// day; a period that does not read, or has not begun, is a usage error.
    private func chosenPeriod(calendar: ReportingCalendar, asOf: Day) throws -> ReportPeriod {
        let named: Result<ReportPeriod, QuarterProblem>
        if let year {
            named = calendar.year(named: year)
        } else if let quarter {
            named = calendar.quarter(named: quarter).map(ReportPeriod.quarter)
        } else {
            return .quarter(calendar.quarter(containing: asOf))
        }
        let period: ReportPeriod
        switch named {
        case .success(let found): period = found
        case .failure(let problem): throw CommandFailure.mistyped(TerminalText.safe(problem.message))
        }
        let today = Clock.today()
        guard period.days.first <= today else {
            let latest = calendar.quarter(containing: today)
            throw CommandFailure.mistyped("\(period) has not begun (today is \(today)); the latest \(period.noun) to report is "
                + (year == nil ? latest.description : calendar.yearLabel(startingIn: latest.yearStart)))
        }
        return period
    }
}

