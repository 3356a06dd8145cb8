import ActionPlanModel
import Foundation

/// Where a quarter's report is saved, and saving it so that nobody ever opens half a file.
public enum ReportFile {
    /// The folder beside a plan that the TUI saves reports in: `plans/reports/`.
    public static let folderName = "reports"

    /// `plans/reports/harrow-vawg-2014-17-2015-16-Q2.html` for Q2 2015/16 of `plans/harrow-vawg-2014-17.yaml`:
    /// one file per plan, quarter and form, named so a folder listing sorts them in time order.
    public static func defaultPath(forPlan plan: String, quarter: Quarter, fileExtension: String) -> String {
        let (folder, name) = SafeFile.split(plan)
        let stem = name.lastIndex(of: ".").map { String(name[..<$0]) } ?? name
        let year = quarter.calendar.yearLabel(startingIn: quarter.yearStart).replacingOccurrences(of: "/", with: "-")
        return "\(folder)/\(folderName)/\(stem)-\(year)-Q\(quarter.number).\(fileExtension)"
    }

    /// Writes `text` to `path` whole or not at all: into a new file in the same folder, flushed to
    /// disk, then renamed over `path`, so a reader sees the old report or the new one. With
    /// `creatingFolder` the folder is made first if it is missing (its parent must exist). Only a
    /// new file or a regular one is replaced; given `besidePlan`, never that plan, its journal,
    /// its set-aside lines or its access file, by any name (a hard link, another path).
    public static func write(_ text: String, to path: String, besidePlan plan: String? = nil, creatingFolder: Bool = false) throws(WriteRefusal) {
        try write(Data(text.utf8), to: path, besidePlan: plan, creatingFolder: creatingFolder)
    }

    /// `write(_:to:besidePlan:creatingFolder:)` for a report that is bytes, not text (a workbook).
    public static func write(_ bytes: Data, to path: String, besidePlan plan: String? = nil, creatingFolder: Bool = false) throws(WriteRefusal) {
        if creatingFolder { try makeFolder(of: path) }
        if let plan, let refusal = refusal(of: path, besidePlan: plan) { throw .failed(refusal) }
        if let problem = FileBytes.replace(path, mode: 0o644, { FileBytes.write(bytes, to: $0) }) {
            throw .failed("cannot write \(path): \(problem)")
        }
    }

    /// Makes the folder `path` is in if it is missing: one level only, the folder beside the
    /// plan, whose own folder exists.
    static func makeFolder(of path: String) throws(WriteRefusal) {
        let folder = SafeFile.split(path).folder
        if mkdir(folder, 0o775) != 0, errno != EEXIST {
            throw .failed("cannot make the folder \(folder): \(String(cString: strerror(errno)))")
        }
    }

    /// Why `path` must not be replaced by a report on the plan at `plan`, if it must not: it is
    /// one of the files the plan's history depends on.
    static func refusal(of path: String, besidePlan plan: String) -> String? {
        let journal = JournalFile.path(forPlan: plan)
        let guarded = [
            (plan, "the plan itself"), (journal, "the plan's journal"), (JournalFile.tornPath(journal), "where the journal's cut-off lines are kept"),
            (AccessFile.path(forPlan: plan), "the access file"),
        ]
        var target = stat()
        let exists = lstat(path, &target) == 0
        let place = canonical(path)
        for (file, what) in guarded {
            var info = stat()
            let same = (place != nil && place == canonical(file))
                || (exists && stat(file, &info) == 0 && info.st_dev == target.st_dev && info.st_ino == target.st_ino)
            if same { return "\(path) is \(what) (\(file)); a report never replaces it: choose another file name" }
        }
        return nil
    }

    /// `path` with its folder resolved to the real one (links, `..`), or nil when the folder does not exist.
    private static func canonical(_ path: String) -> String? {
        let (folder, name) = SafeFile.split(path)
        guard let real = realpath(folder, nil) else { return nil }
        defer { free(real) }
        return String(cString: real) + "/" + name
    }
}
