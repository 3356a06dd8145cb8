import ActionPlanModel

/// A digest as people read it: on the terminal and in the email's text part (`text`), or as
/// Markdown. Every text from a plan, a note or the access file is made inert for the form.
public enum DigestText {
    public enum Form: Sendable {
        case text, markdown
    }

    /// The message's subject: `Harrow VAWG …: 5 actions to update for Police by 3 July 2015`.
    public static func subject(_ digest: Digest) -> String {
        "\(digest.title): \(count(digest.outputIDs.count)) to update for \(LeadText.text(digest.agencyNames))"
            + (digest.meeting.updatesDue.map { " by \(ReportDocument.date($0))" } ?? "")
    }

    /// The whole digest; `plan` is the plan as the update commands name it, a shell word.
    public static func render(_ digest: Digest, plan: String, as form: Form) -> String {
        let safe: (String) -> String = form == .markdown ? { ReportMarkdown.escape($0) } : { TerminalText.safe($0) }
        let block: (String) -> String = form == .markdown ? { ReportMarkdown.escape($0, startingBlock: true) } : { TerminalText.safe($0) }
        var lines = [heading(safe(digest.title), level: 1, form), "",
                     block("Actions to update for \(LeadText.text(digest.agencyNames)), as of \(ReportDocument.date(digest.asOf))"), ""]
        if let name = digest.officer.map({ $0.name ?? $0.account }) { lines += ["Dear \(safe(name)),", ""] }
        lines += [block(intro(digest)), ""]
        for agency in digest.agencies where !agency.sections.isEmpty {
            lines += [heading(safe(agency.agency), level: 2, form), ""]
            for part in agency.sections {
                lines += [heading(safe(part.section.heading(meeting: digest.meeting)) + " (\(part.rows.count))", level: 3, form), ""]
                for row in part.rows {
                    lines += item(row, section: part.section, agency: agency.agency, plan: plan, form: form, safe: safe) + [""]
                }
            }
        }
        lines += [form == .markdown ? "---" : "--", block("Sent by actionplan from \(digest.title). Nothing here changes the plan; "
            + "the commands above record your update in its journal.")]
        return lines.joined(separator: "\n")
    }

    /// What is asked, and by when.
    private static func intro(_ digest: Digest) -> String {
        let rows = digest.agencies.flatMap(\.sections).filter { $0.section != .unownedNearby }.flatMap(\.rows)
        let nearby = Set(digest.agencies.flatMap(\.sections).filter { $0.section == .unownedNearby }.flatMap(\.rows).map(\.output.id)).count
        let single = digest.agencies.count == 1
        var text = rows.isEmpty ? "" : "\(count(rows.count)) that \(LeadText.text(digest.agencyNames)) \(single ? "leads" : "lead") "
            + (rows.count == 1 ? "needs" : "need") + " an update"
        if nearby > 0 {
            text += (text.isEmpty ? "" : ", and ") + "\(count(nearby)) beside \(rows.isEmpty ? "yours" : "them") \(nearby == 1 ? "has" : "have") no lead agency"
        }
        text += digest.meeting.next.map { " before the meeting on \(ReportDocument.date($0))." } ?? "."
        text += digest.meeting.updatesDue.map { " Please record your updates by \(ReportDocument.date($0))." } ?? ""
        return text.prefix(1).uppercased() + text.dropFirst() + " Each shows the command that records it; 'actionplan' on its own opens the full-screen interface."
    }

    private static func count(_ number: Int) -> String {
        "\(number) action\(number == 1 ? "" : "s")"
    }

    private static func heading(_ text: String, level: Int, _ form: Form) -> String {
        switch form {
        case .markdown: return String(repeating: "#", count: level) + " " + text
        case .text: return level == 3 ? text : text + "\n" + String(repeating: level == 1 ? "=" : "-", count: min(text.count, 78))
        }
    }

    /// One output: id and text, its date and status, its latest note, and the command to run.
    private static func item(_ row: Row, section: AgencyDigest.Section, agency: String, plan: String, form: Form,
                             safe: (String) -> String) -> [String] {
        let output = row.output
        let note = output.latestNote.map { note in
            "Latest note: “\(safe(note.text))” (" + [note.by.map(safe) ?? "plan file", note.day.map(ReportDocument.date)].compactMap { $0 }.joined(separator: ", ") + ")"
        } ?? "No note yet"
        let command = section == .unownedNearby
            ? "To take it on, ask the chair or coordinator to record: actionplan update \(output.id) --plan \(plan) --lead \(Shell.quote(agency))"
            : "To update: actionplan update \(output.id) --plan \(plan) --status STATUS --note \"what has happened\""
        let details = ["Due: \(safe(DueText.describe(output))); status: \(ReportDocument.status(output))", note, form == .markdown ? ReportMarkdown.escape(command) : TerminalText.safe(command)]
        switch form {
        case .markdown:
            // Two trailing spaces end each line with a break inside the one list item.
            return ["- **\(safe(output.id))** \(safe(output.text))  "] + details.map { "  \($0)  " }
        case .text:
            return ["\(TerminalText.safe(output.id))  \(safe(output.text))"] + details.map { "    " + $0 }
        }
    }
}
