import ActionPlanFormat
import ActionPlanModel
import ArgumentParser

/// `actionplan history`: everything recorded about one output, oldest first.
struct History: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Show an output as the plan gives it and every update since, or an indicator and every figure recorded.")

    @Argument(help: "The output's id, such as 1.2, or an indicator's.")
    var id: String

    @Option(name: .customLong("plan"), help: "The plan (default: plans/).")
    var path: String?

    func run() throws {
        let state = try PlanState.load(path)
        if state.plan.entry(id) == nil, let indicator = state.plan.indicator(id) {
            return Console.out(IndicatorText.history(indicator, records: state.journal.figureHistory(of: indicator.id), calendar: state.plan.calendar))
        }
        guard let entry = state.plan.entry(id) else {
            let known = state.plan.entries.map(\.output.id) + state.plan.indicators.map(\.id)
            let hint = Suggestion.nearest(to: id, among: known).map { "; did you mean \($0)?" } ?? ""
            throw CommandFailure.mistyped("no output or indicator '\(TerminalText.safe(id))' in \(TerminalText.safe(state.path))\(hint)")
        }
        let output = entry.output
        var lines = [
            "\(TerminalText.safe(output.id)) \(TerminalText.safe(output.text))",
            "  pillar \(TerminalText.safe(entry.pillar)), objective \(TerminalText.safe(entry.objectiveID))",
            "  plan: lead \(TerminalText.safe(LeadText.text(output.leads))), due \(TerminalText.safe(DueText.written(output.due)))"
                + (output.status.map { ", status \($0.rawValue)" } ?? ""),
        ]
        let records = state.journal.history(of: id)
        if !records.isEmpty, let now = state.asOf(.allRecords).entry(id)?.output {
            lines.append("  now:  lead \(TerminalText.safe(LeadText.text(now.leads))), due "
                + TerminalText.safe(DueText.describe(now)) + ", status \(now.status?.rawValue ?? "not rated")")
        }
        if records.isEmpty { lines.append("  no updates recorded") }
        for record in records {
            lines.append("  line \(record.line)  \(record.at.readable)  \(TerminalText.safe(record.by)): \(TerminalText.safe(record.summary))")
        }
        Console.out(lines.joined(separator: "\n"))
    }
}
