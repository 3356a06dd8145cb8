import ActionPlanFormat
import ActionPlanModel
import ActionPlanStore
import ArgumentParser

/// `actionplan history`: everything recorded about one output, oldest first, in this plan year
/// and the years it follows.
struct History: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "Show an output as the plan gives it and every update since, or an indicator and every figure recorded.",
        discussion: """
            Records written under an id the output had before ('was:') are its history too, and so are \
            those in the journals of the plans this one follows ('follows:'), year by year. An id that \
            is no longer in the plan shows the records written under it.
            """
    )

    @Argument(help: "The output's id, such as 1.2, or an indicator's.")
    var id: String

    @OptionGroup var planOption: PlanOption

    func run() throws {
        let state = try PlanState.load(try planOption.path())
        if state.plan.entry(id) == nil, let indicator = state.plan.indicator(id) {
            return Console.out(IndicatorText.history(indicator, records: state.journal.figureHistory(of: indicator.id), calendar: state.calendar))
        }
        let (lineage, problems) = EarlierYears.lineage(of: state.plan, at: state.path, journal: state.journal)
        for problem in problems { Console.error(DiagnosticText.render(problem)) }
        // An old id (`was:`) names the output it became.
        let owner = RecordOwners(state.plan).output(of: id)
        let id = state.plan.entry(owner) == nil ? id : owner
        if id != self.id { Console.out("\(TerminalText.safe(self.id)) is now \(TerminalText.safe(id)) (its 'was:' in the plan)") }
        let records = lineage.history(of: id)
        var lines: [String]
        if let entry = state.plan.entry(id) {
            lines = Self.describe(entry, now: records.isEmpty ? nil : state.asOf(.allRecords).entry(id)?.output)
        } else if state.journal.unplaced(in: state.plan).contains(where: { $0.kind == .output && $0.id == id }) {
            lines = ["\(TerminalText.safe(id)): not in the plan: removed from \(TerminalText.safe(state.path)) without 'retired:' or 'was:'; its records are kept"]
        } else if !records.isEmpty {
            lines = ["\(TerminalText.safe(id)): not in \(TerminalText.safe(state.path)): left behind when the plan was rolled over (complete, dropped or retired), or removed before; its records in earlier plan years:"]
        } else {
            let known = state.plan.entries.map(\.output.id) + state.plan.indicators.map(\.id)
            let hint = Suggestion.hint(for: id, among: known) ?? ""
            throw CommandFailure.mistyped("no output or indicator '\(TerminalText.safe(id))' in \(TerminalText.safe(state.path))\(hint)")
        }
        if records.isEmpty { lines.append("  no updates recorded") }
        var year: Int?
        for found in records {
            // A heading for each plan year, once the history runs over more than the one in use.
            if lineage.years.count > 1, found.year != year, lineage.years.indices.contains(found.year) {
                year = found.year
                let plan = lineage.years[found.year]
                lines.append("  in \(TerminalText.safe(plan.file)) (\(TerminalText.safe(plan.plan.title))):")
            }
            let record = found.record
            let alias = record.change.outputID == id ? "" : " (as \(TerminalText.safe(record.change.outputID)))"
            lines.append("  line \(record.line)  \(RecordText.when(record))  \(TerminalText.safe(record.by))\(alias): \(TerminalText.safe(record.summary))")
        }
        Console.out(lines.joined(separator: "\n"))
    }

    /// The output as the plan gives it, where it left the plan, and as it stands `now`.
    private static func describe(_ entry: Plan.Entry, now: Output?) -> [String] {
        let output = entry.output
        var lines = [
            "\(TerminalText.safe(output.id)) \(TerminalText.safe(output.text))",
            "  pillar \(TerminalText.safe(entry.pillar)), objective \(TerminalText.safe(entry.objectiveID))",
            "  plan: lead \(TerminalText.safe(LeadText.text(output.leads))), due \(TerminalText.safe(DueText.written(output.due)))"
                + (output.status.map { ", status \($0.rawValue)" } ?? ""),
        ]
        if !output.was.isEmpty { lines.append("  was:  \(TerminalText.safe(output.was.joined(separator: ", ")))") }
        if let retired = output.retired {
            lines.append("  retired: \(retired.on): \(TerminalText.safe(retired.reason))")
        }
        if let now {
            lines.append("  now:  lead \(TerminalText.safe(LeadText.text(now.leads))), due "
                + TerminalText.safe(DueText.describe(now)) + ", status \(now.status?.rawValue ?? "not rated")")
        }
        return lines
    }
}
