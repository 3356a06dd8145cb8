import ActionPlanModel
import CSV
import Foundation

/// The journal's head as every report form prints it, and how `verify --head FILE` finds it again
/// in a report of any form.
///
/// Each form puts it where text from a plan or a note cannot imitate it: JSON under the top-level
/// key `journal_head`; CSV in the last column, `journal_head`, of every row; HTML in the
/// `data-journal-head` attribute of the heading's last line (note text never makes an attribute:
/// its quotes are escaped); Markdown on the heading's line that starts `Journal head: `, before the
/// first section (only the plan's title and partnership come before it).
public enum ReportHead {
    /// The CSV column and JSON key.
    public static let key = "journal_head"
    /// The HTML attribute.
    static let htmlAttribute = "data-journal-head"
    /// How the heading's line starts in HTML and Markdown.
    static let label = "Journal head: "

    /// The heading's line: the head, what it is, and how to check it.
    static func line(_ head: JournalHead) -> String {
        label + "\(head) (the journal's \(head.lines) line\(head.lines == 1 ? "" : "s") as read when this report was made; "
            + "'actionplan verify --head \(head)' checks that the journal still holds them)"
    }

    /// The head printed in `text`, a report in any of its forms; nil when it holds none (a report
    /// made before reports carried one, or not a report).
    public static func find(in text: String) -> JournalHead? {
        let body = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        let start = body.drop { $0.isWhitespace }
        if start.hasPrefix("{") { return fromJSON(body) }
        if start.hasPrefix("<") { return fromHTML(body) }
        if start.hasPrefix(ListRecord.columns.joined(separator: ",")) { return fromCSV(body) }
        return fromMarkdown(body)
    }

    private static func fromJSON(_ text: String) -> JournalHead? {
        let object = try? JSONSerialization.jsonObject(with: Data(text.utf8))
        return ((object as? [String: Any])?[key] as? String).flatMap { JournalHead($0) }
    }

    private static func fromHTML(_ text: String) -> JournalHead? {
        guard let attribute = text.range(of: htmlAttribute + "=\"") else { return nil }
        return JournalHead(text[attribute.upperBound...].prefix { $0 != "\"" })
    }

    private static func fromCSV(_ text: String) -> JournalHead? {
        guard let reader = try? CSVReader(string: text, hasHeaderRow: true), let column = reader.headerRow?.firstIndex(of: key),
              let row = reader.next(), row.indices.contains(column) else { return nil }
        return JournalHead(row[column])
    }

    private static func fromMarkdown(_ text: String) -> JournalHead? {
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("## ") { return nil }
            if line.hasPrefix(label) { return JournalHead(line.dropFirst(label.count).prefix { $0 != " " }) }
        }
        return nil
    }
}
