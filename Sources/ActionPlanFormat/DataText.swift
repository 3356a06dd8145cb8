import Foundation

/// CSV and JSON as other tools read them.
///
/// Control characters from plan text are shown as visible codes here too, so that a CSV or JSON
/// file printed to a terminal cannot drive it; line breaks are kept (CSV quotes them).
public enum DataText {
    /// RFC 4180: a header row, CRLF line ends, fields quoted where they must be; UTF-8 with a
    /// byte order mark first: without it Excel reads a double-clicked CSV in the machine's legacy
    /// code page and garbles £, é, "NHS – NPH" and curly quotes. LibreOffice and CSV readers take
    /// it as the mark it is.
    ///
    /// Written here, not by CSV.swift's writer, which wrote each byte to a stream on its own and
    /// searched each field four times through Foundation: 6.4 G instructions for 5,287 rows.
    /// The text is the same: a field is quoted when it holds a quote, a comma or a line break,
    /// with its quotes doubled, and rows are separated by CRLF.
    public static func csv(header: [String], rows: [[String]]) -> String {
        var text = "\u{FEFF}"
        var started = false
        func write(_ row: [String]) {
            for (place, field) in row.enumerated() {
                if place > 0 {
                    text += ","
                } else if started {
                    text += "\r\n"
                }
                started = true
                guard field.utf8.contains(where: { $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: ",") || $0 == 0x0D || $0 == 0x0A }) else {
                    text += field
                    continue
                }
                text += "\""
                text += TerminalText.replacingScalars(in: field) { $0 == "\"" ? "\"\"" : nil }
                text += "\""
            }
        }
        write(header)
        for row in rows {
            write(row.map { inert(TerminalText.safe($0, keepingLines: true)) })
        }
        return text + "\r\n"
    }

    /// `cell` made safe to open in a spreadsheet: one that starts with `=`, `+`, `-`, `@`, a tab or
    /// a carriage return would be run as a formula by Excel or LibreOffice (a note could hold
    /// `=HYPERLINK(…)`), so, as OWASP advises, it gets a leading `'`, which both show as text.
    static func inert(_ cell: String) -> String {
        guard let first = cell.unicodeScalars.first, formulaStarts.contains(first) else { return cell }
        return "'" + cell
    }

    /// What a spreadsheet takes as the start of a formula.
    private static let formulaStarts: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r"]

    /// Pretty-printed JSON with sorted keys, so the same plan always gives the same text.
    public static func json(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(value) else { return "null" }
        return TerminalText.safe(String(decoding: data, as: UTF8.self), keepingLines: true)
    }
}
