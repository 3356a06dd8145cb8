import ActionPlanModel
import Foundation
import ZIPFoundation

/// The parts of an .xlsx workbook (a zip of XML files), opened with ZIPFoundation and inflated
/// only within `WorkbookLimits`, so a zip bomb is refused, not unpacked.
struct XLSXParts {
    private let archive: Archive
    private let file: String
    private var inflated = 0

    init(bytes: [UInt8], file: String) throws(WorkbookProblem) {
        let archive: Archive
        do {
            archive = try Archive(data: Data(bytes), accessMode: .read, pathEncoding: nil)
        } catch {
            throw WorkbookProblem("\(file): not an .xlsx workbook (it is not a zip file); save it from the spreadsheet as Excel 2007-365 (.xlsx), or as CSV")
        }
        guard archive.reduce(0, { count, _ in count + 1 }) <= WorkbookLimits.parts else {
            throw WorkbookProblem("\(file): holds more than \(WorkbookLimits.parts) parts; it is not a tracker")
        }
        self.archive = archive
        self.file = file
    }

    /// The inflated bytes of the part at `path` (`xl/workbook.xml`), nil when there is none.
    mutating func part(_ path: String) throws(WorkbookProblem) -> Data? {
        guard let entry = archive[path] else { return nil }
        let file = self.file
        guard entry.uncompressedSize <= UInt64(WorkbookLimits.partBytes) else {
            throw WorkbookProblem("\(file): the part \(path) inflates to \(entry.uncompressedSize) bytes, more than \(WorkbookLimits.partBytes); not read")
        }
        var data = Data()
        var total = inflated
        do {
            // The sizes a zip declares can lie: the bytes are counted as they come.
            _ = try archive.extract(entry) { chunk in
                data.append(chunk)
                total += chunk.count
                guard data.count <= WorkbookLimits.partBytes, total <= WorkbookLimits.inflatedBytes else { throw Oversized() }
            }
        } catch is Oversized {
            throw WorkbookProblem("\(file): the part \(path) inflates past \(WorkbookLimits.partBytes >> 20) MiB (or the workbook past \(WorkbookLimits.inflatedBytes >> 20) MiB); it is not a tracker, and is not read")
        } catch {
            throw WorkbookProblem("\(file): the part \(path) cannot be unpacked (\(error)); save the workbook again from the spreadsheet")
        }
        inflated = total
        return data
    }

    private struct Oversized: Error {}
}
