import ActionPlanModel
import Foundation

/// Next year's plan file, made from this year's plan and journal.
public enum RolloverFile {
    /// Rolls `current` (the plan at `oldPath` folded with its journal) over into `year` and writes
    /// the new plan to `newPath`, a new file beside the old one; returns what was left behind and
    /// the new file's warnings (`check`'s). Refuses to replace anything, and to write a plan that
    /// would not pass `check`.
    public static func write(_ current: Plan, from oldPath: String, year: Period, to newPath: String) throws(WriteRefusal) -> (rollover: Rollover, warnings: [Diagnostic]) {
        let (oldFolder, oldName) = SafeFile.split(PrivateFolder.resolved(oldPath) ?? oldPath)
        guard SafeFile.split(PrivateFolder.resolved(newPath) ?? newPath).folder == oldFolder else {
            throw .failed("\(newPath) is not in the folder of \(oldPath): write the new plan beside the old one, whose journal holds its history")
        }
        let rollover = Rollover(current, year: year, asOf: year.first, follows: oldName)
        var comments = [
            "Rolled over from \(oldName) by 'actionplan rollover' for \(current.calendar.yearLabel(startingIn: year.first.year)).",
            "Open outputs are carried forward with their lead, status, latest note and latest date; their",
            "history stays in the old plan's journal and 'actionplan history ID' shows it.",
        ]
        if rollover.leftBehind.isEmpty {
            comments.append("Nothing was left behind: every output was still open.")
        } else {
            comments.append("Left behind (\(rollover.leftBehind.count)):")
            comments += rollover.leftBehind.map { "  \($0.id) \($0.why): \($0.text)" }
        }
        comments.append("")
        guard let text = PlanYAML.text(rollover.plan, comments: comments) else { throw .failed("cannot write the new plan as YAML") }
        let checked = PlanLoader.load(data: Data(text.utf8), path: newPath)
        if let error = checked.errors.first {
            throw .failed("the new plan would not pass 'actionplan check' (\(error.message)); nothing was written")
        }
        if let problem = SafeFile.create(newPath, bytes: Array(text.utf8)) { throw .failed("cannot write the new plan: \(problem.message)") }
        return (rollover, checked.warnings)
    }
}
