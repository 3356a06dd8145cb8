import ActionPlanModel
import Foundation

/// Where a review meeting's minutes are saved, beside the quarter's report, each in a new file.
public enum MinutesFile {
    /// Saves `text` as the minutes of a meeting on `quarter` of the plan at `plan`:
    /// `plans/reports/harrow-vawg-2014-17-2015-16-Q4-minutes.md`, or `…-minutes-2.md` and on when
    /// a meeting on that quarter already has minutes there. The file is created exclusively, so
    /// earlier minutes are never replaced. Returns the path it was saved to.
    public static func save(_ text: String, forPlan plan: String, quarter: Quarter) throws(WriteRefusal) -> String {
        let report = ReportFile.defaultPath(forPlan: plan, quarter: quarter, fileExtension: "md")
        let stem = String(report.dropLast(".md".count)) + "-minutes"
        try ReportFile.makeFolder(of: report)
        for number in 1...99 {
            let path = stem + (number == 1 ? "" : "-\(number)") + ".md"
            guard let problem = SafeFile.create(path, bytes: Array(text.utf8)) else { return path }
            guard problem.code == EEXIST else { throw .failed("cannot save the minutes: \(problem.message)") }
        }
        throw .failed("cannot save the minutes: \(stem).md to \(stem)-99.md are all taken; move some away")
    }
}
