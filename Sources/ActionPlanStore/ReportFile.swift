import ActionPlanModel
import Foundation

/// Where a quarter's report is saved, and saving it so that nobody ever opens half a file.
public enum ReportFile {
    /// The folder beside a plan that the TUI saves reports in: `plans/reports/`.
    public static let folderName = "reports"

    /// `plans/reports/harrow-vawg-2014-17-2015-16-Q2.html` for Q2 2015/16 of `plans/harrow-vawg-2014-17.yaml`:
    /// one file per plan, quarter and form, named so a folder listing sorts them in time order.
    public static func defaultPath(forPlan plan: String, quarter: Quarter, fileExtension: String) -> String {
        let planFile = URL(fileURLWithPath: plan)
        let stem = planFile.deletingPathExtension().lastPathComponent
        let year = quarter.calendar.yearLabel(startingIn: quarter.yearStart).replacingOccurrences(of: "/", with: "-")
        let folder = (plan as NSString).deletingLastPathComponent
        return ((folder as NSString).appendingPathComponent(folderName) as NSString)
            .appendingPathComponent("\(stem)-\(year)-Q\(quarter.number).\(fileExtension)")
    }

    /// Writes `text` to `path` whole or not at all: into a new file in the same folder, flushed to
    /// disk, then renamed over `path`, so a reader sees the old report or the new one. With
    /// `creatingFolder` the folder is made first if it is missing (its parent must exist).
    public static func write(_ text: String, to path: String, creatingFolder: Bool = false) throws(WriteRefusal) {
        let folder = (path as NSString).deletingLastPathComponent
        // One level only: the folder beside the plan, whose own folder exists.
        if creatingFolder, !folder.isEmpty, mkdir(folder, 0o775) != 0, errno != EEXIST {
            throw .failed("cannot make the folder \(folder): \(String(cString: strerror(errno)))")
        }
        if let problem = FileBytes.replace(path, mode: 0o644, { FileBytes.write(Data(text.utf8), to: $0) }) {
            throw .failed("cannot write \(path): \(problem)")
        }
    }
}
