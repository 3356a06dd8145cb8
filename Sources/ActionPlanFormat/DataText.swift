import CSV
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
    public static func csv(header: [String], rows: [[String]]) -> String {
        let stream = OutputStream(toMemory: ())
        do {
            let writer = try CSVWriter(stream: stream, codecType: UTF8.self, delimiter: ",", newline: .crlf)
            try writer.write(row: header)
            for row in rows {
                try writer.write(row: row.map { inert(TerminalText.safe($0, keepingLines: true)) })
            }
            writer.stream.close()
        } catch {
            // Writing to memory cannot fail for want of space or permission.
            return ""
        }
        let data = stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data ?? Data()
        return "\u{FEFF}" + String(decoding: data, as: UTF8.self) + "\r\n"
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
