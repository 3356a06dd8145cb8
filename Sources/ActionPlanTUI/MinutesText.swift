import ActionPlanFormat
import ActionPlanModel

/// The minutes' action log of a review meeting, as Markdown: what the agenda covered and each
/// decision recorded, with the journal line that holds it.
///
/// Plan and note text is escaped as the Markdown report escapes it, so a note can never become
/// a heading, a link, a table column or raw HTML; a note's own line breaks stay, as `<br>`.
enum MinutesText {
    static func markdown(_ state: TUIState, review: Review) -> String {
        let quarter = state.current.calendar.quarter(containing: state.asOf)
        let decisions = state.meeting.decisions
        var lines = [
            "# " + ReportMarkdown.escape("Review meeting: \(state.current.title)"), "",
            ReportMarkdown.escape("Quarter \(quarter), judged as of \(state.asOf); agenda of \(state.scopeText(review.scope)), "
                + "\(review.items.count) items; chaired from the account \(state.account).", startingBlock: true), "",
        ]
        if let day = state.recordsSpeakFor {
            lines += [ReportMarkdown.escape("Each decision is recorded\(RecordText.speaksFor(day)), the as-of day, so the plan as of then shows it.", startingBlock: true), ""]
        }
        lines += ["## Action log", ""]
        guard !decisions.isEmpty else { return (lines + ["No decisions were recorded in this meeting.", ""]).joined(separator: "\n") }
        lines += ["| # | Item | On the agenda as | Decision | By | Journal line | Recorded |", "|---|---|---|---|---|---|---|"]
        for (number, decision) in decisions.enumerated() {
            let cells = [
                String(number + 1), cell(state.itemTitle(decision.itemID)), cell(decision.reason), cell(decision.text), cell(decision.by),
                String(decision.line), cell(decision.at.readable),
            ]
            lines.append("| " + cells.joined(separator: " | ") + " |")
        }
        return (lines + [""]).joined(separator: "\n")
    }

    /// `text` escaped for a table cell, each of its lines kept as a line break in the cell.
    private static func cell(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { ReportMarkdown.escape(String($0)) }.joined(separator: "<br>")
    }
}

extension TUIState {
    /// `2.3 Develop the protocol`, `MALE Male victims referred`: an agenda item as the minutes name it.
    func itemTitle(_ id: String) -> String {
        if let entry = current.entry(id) { return "\(id) \(entry.output.text)" }
        if let indicator = current.indicator(id) { return "\(id) \(indicator.name)" }
        return id
    }
}
