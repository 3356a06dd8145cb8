import ActionPlanModel
import Foundation
import ZIPFoundation

/// A workbook to write as .xlsx: sheets of rows of text cells, each cell in one of a few styles.
/// Every cell is an inline string, so nothing in it is ever taken for a formula.
struct WorkbookWriter {
    /// How a cell looks: plain, a bold heading, or filled with a colour (`RRGGBB`) with its text in another.
    enum Style: Hashable {
        case plain, heading
        case filled(fill: String, text: String)
    }

    struct Cell {
        let text: String
        var style: Style = .plain
    }

    struct Sheet {
        let name: String
        var rows: [[Cell]]
        /// Column widths, in characters, from the left.
        var widths: [Int] = []
    }

    var sheets: [Sheet] = []

    /// The workbook's bytes: the zip of its parts, made by ZIPFoundation in memory.
    func bytes() throws -> Data {
        let styles = Array(Set(sheets.flatMap { $0.rows.flatMap { $0.map(\.style) } }).subtracting([.plain, .heading]))
            .sorted { "\($0)" < "\($1)" }
        let names = Self.sheetNames(sheets.map(\.name))
        var parts: [(String, String)] = [
            ("[Content_Types].xml", contentTypes()),
            ("_rels/.rels", #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#),
            ("xl/workbook.xml", #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>"#
                + names.enumerated().map { #"<sheet name="\#(Self.escape($0.element))" sheetId="\#($0.offset + 1)" r:id="rId\#($0.offset + 1)"/>"# }.joined()
                + "</sheets></workbook>"),
            ("xl/_rels/workbook.xml.rels", #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
                + sheets.indices.map { #"<Relationship Id="rId\#($0 + 1)" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet\#($0 + 1).xml"/>"# }.joined()
                + #"<Relationship Id="rId\#(sheets.count + 1)" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>"#),
            ("xl/styles.xml", Self.stylesXML(styles)),
        ]
        for (index, sheet) in sheets.enumerated() {
            parts.append(("xl/worksheets/sheet\(index + 1).xml", Self.sheetXML(sheet, styles: styles)))
        }
        let archive = try Archive(data: Data(), accessMode: .create)
        for (path, text) in parts {
            let data = Data(text.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), modificationDate: Self.epoch,
                                 compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return archive.data ?? Data()
    }

    /// A fixed time for every part, so the same report is the same bytes.
    private static let epoch = Date(timeIntervalSince1970: 1_577_836_800)

    private func contentTypes() -> String {
        #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>"#
            + sheets.indices.map { #"<Override PartName="/xl/worksheets/sheet\#($0 + 1).xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"# }.joined()
            + "</Types>"
    }

    /// Fonts, fills and cell formats: 0 plain, 1 a heading, then one per colour used.
    private static func stylesXML(_ colours: [Style]) -> String {
        let pairs = colours.compactMap { style -> (fill: String, text: String)? in
            if case .filled(let fill, let text) = style { return (fill, text) } else { return nil }
        }
        let fonts = ["<font><sz val=\"11\"/><name val=\"Calibri\"/></font>", "<font><b/><sz val=\"11\"/><name val=\"Calibri\"/></font>"]
            + pairs.map { "<font><b/><sz val=\"11\"/><color rgb=\"FF\($0.text)\"/><name val=\"Calibri\"/></font>" }
        // Fills 0 and 1 are reserved by the format (none, gray125).
        let fills = ["<fill><patternFill patternType=\"none\"/></fill>", "<fill><patternFill patternType=\"gray125\"/></fill>"]
            + pairs.map { "<fill><patternFill patternType=\"solid\"><fgColor rgb=\"FF\($0.fill)\"/><bgColor indexed=\"64\"/></patternFill></fill>" }
        let wrap = "<alignment vertical=\"top\" wrapText=\"1\"/>"
        let formats = ["<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyAlignment=\"1\">\(wrap)</xf>",
                       "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\" applyAlignment=\"1\">\(wrap)</xf>"]
            + pairs.indices.map { "<xf numFmtId=\"0\" fontId=\"\($0 + 2)\" fillId=\"\($0 + 2)\" borderId=\"0\" xfId=\"0\" applyFont=\"1\" applyFill=\"1\" applyAlignment=\"1\"><alignment horizontal=\"center\" vertical=\"top\"/></xf>" }
        return #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"#
            + "<fonts count=\"\(fonts.count)\">\(fonts.joined())</fonts><fills count=\"\(fills.count)\">\(fills.joined())</fills>"
            + "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
            + "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
            + "<cellXfs count=\"\(formats.count)\">\(formats.joined())</cellXfs></styleSheet>"
    }

    private static func sheetXML(_ sheet: Sheet, styles: [Style]) -> String {
        var xml = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"#
        if !sheet.widths.isEmpty {
            xml += "<cols>" + sheet.widths.enumerated().map { "<col min=\"\($0.offset + 1)\" max=\"\($0.offset + 1)\" width=\"\($0.element)\" customWidth=\"1\"/>" }.joined() + "</cols>"
        }
        xml += "<sheetData>"
        for (r, row) in sheet.rows.enumerated() {
            xml += "<row r=\"\(r + 1)\">"
            for (c, cell) in row.enumerated() where !cell.text.isEmpty {
                let style = switch cell.style {
                case .plain: 0
                case .heading: 1
                case .filled: (styles.firstIndex(of: cell.style) ?? -2) + 2
                }
                xml += "<c r=\"\(ColumnName.letters(c))\(r + 1)\" s=\"\(style)\" t=\"inlineStr\"><is><t xml:space=\"preserve\">\(escape(cell.text))</t></is></c>"
            }
            xml += "</row>"
        }
        return xml + "</sheetData></worksheet>"
    }

    /// `text` as XML character data or attribute value: markup escaped, and characters XML 1.0
    /// cannot hold (control characters but tab and line breaks) left out.
    static func escape(_ text: String) -> String {
        var escaped = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "\t", "\n", "\r": escaped.unicodeScalars.append(scalar)
            case _ where scalar.value < 0x20 || (0xFFFE...0xFFFF).contains(scalar.value): continue
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }

    /// Sheet names as a workbook allows them: at most 31 characters, none of `[]:*?/\`, unique.
    static func sheetNames(_ wanted: [String]) -> [String] {
        var used: Set<String> = []
        return wanted.map { name in
            let cleaned = String(name.map { "[]:*?/\\".contains($0) ? " " : $0 }).trimmingCharacters(in: .whitespaces)
            let base = String((cleaned.isEmpty ? "Sheet" : cleaned).prefix(31))
            var candidate = base
            var number = 2
            while used.contains(candidate.lowercased()) {
                let suffix = " (\(number))"
                candidate = String(base.prefix(31 - suffix.count)) + suffix
                number += 1
            }
            used.insert(candidate.lowercased())
            return candidate
        }
    }
}
