import ActionPlanModel
import ActionPlanWorkbook
import Foundation
import Testing
import ZIPFoundation

/// Trackers that are not what they say: a zip bomb, a file that is not a zip, broken XML, CSV
/// that is not UTF-8. Each is refused with where and why, and nothing is inflated past the limits.
@Suite struct BadTrackerTests {
    private func folder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("actionplan-workbook-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// A workbook whose parts are `parts` (path and bytes), deflated.
    private func workbook(_ parts: [(String, Data)], at url: URL) throws {
        let archive = try Archive(url: url, accessMode: .create)
        for (path, data) in parts {
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
    }

    private let book = Data(#"<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Actions" sheetId="1" r:id="rId1"/></sheets></workbook>"#.utf8)
    private let relations = Data(#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Target="worksheets/sheet1.xml" Type="x"/></Relationships>"#.utf8)

    private func message(_ result: Result<(table: TrackerTable, sheets: [String]), WorkbookProblem>) -> String? {
        if case .failure(let problem) = result { return problem.message }
        return nil
    }

    @Test func aSheetThatInflatesPastTheLimitIsRefusedUnread() throws {
        let folder = try folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("bomb.xlsx")
        // 80 MiB of spaces deflate to a few hundred KiB.
        let sheet = Data(repeating: UInt8(ascii: " "), count: 80 << 20)
        try workbook([("xl/workbook.xml", book), ("xl/_rels/workbook.xml.rels", relations), ("xl/worksheets/sheet1.xml", sheet)], at: url)
        #expect(try FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int ?? .max < 1 << 20)
        let said = message(TrackerFile.read(path: url.path, sheet: nil, mappings: []))
        #expect(said == "\(url.path): the part xl/worksheets/sheet1.xml inflates to 83886080 bytes, more than 67108864; not read")
    }

    @Test func brokenXMLIsRefusedWithItsLineAndColumn() throws {
        let folder = try folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("broken.xlsx")
        let sheet = Data("<worksheet>\n<sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>Action</t></is></c>\n</sheetData></row></worksheet>".utf8)
        try workbook([("xl/workbook.xml", book), ("xl/_rels/workbook.xml.rels", relations), ("xl/worksheets/sheet1.xml", sheet)], at: url)
        let said = message(TrackerFile.read(path: url.path, sheet: "Actions", mappings: []))
        #expect(said?.hasPrefix("\(url.path): xl/worksheets/sheet1.xml, line ") == true)
        #expect(said?.contains("not well-formed XML") == true)
    }

    @Test func aFileThatIsNotAZipOrNotUTF8SaysHowToSaveIt() throws {
        let folder = try folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let fake = folder.appendingPathComponent("tracker.xlsx")
        try Data("Action,Lead\n".utf8).write(to: fake)
        #expect(message(TrackerFile.read(path: fake.path, sheet: nil, mappings: [])) == "\(fake.path): not an .xlsx workbook (it is not a zip file); save it from the spreadsheet as Excel 2007-365 (.xlsx), or as CSV")
        let latin = folder.appendingPathComponent("tracker.csv")
        try Data([0x41, 0x63, 0x74, 0x69, 0x6F, 0x6E, 0x0A, 0xA3, 0x31, 0x0A]).write(to: latin)
        #expect(message(TrackerFile.read(path: latin.path, sheet: nil, mappings: [])) == "\(latin.path): not UTF-8 text; save it from the spreadsheet as 'CSV UTF-8'")
    }

    @Test func aCSVTrackerReadsWithItsByteOrderMarkAndQuotedLines() throws {
        let folder = try folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("tracker.csv")
        try Data(("\u{FEFF}Action,Lead\r\n\"Two\nlines\",Police\r\n,\r\nThird,CPS\r\n").utf8).write(to: url)
        let read = try TrackerFile.read(path: url.path, sheet: nil, mappings: []).get()
        #expect(read.table.rows.map(\.number) == [1, 2, 4])
        #expect(read.table.rows.map(\.cells) == [["Action", "Lead"], ["Two\nlines", "Police"], ["Third", "CPS"]])
    }
}
