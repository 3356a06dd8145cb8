import ActionPlanFormat
import ActionPlanModel

extension TUIState {
    /// An output's records, newest first, one line each, as the detail and the review show them:
    /// this year's and those of the plan years it follows, each earlier one marked with its plan
    /// file, and under the ids the output had before (`(as 2.1)`).
    func historyLines(of id: String) -> [String] {
        let years = earlierYears + [PlanYear(file: "", plan: plan, journal: journal)]
        return PlanLineage(years: years).history(of: id, through: foldThrough).reversed().map { found in
            let record = found.record
            let year = earlierYears.indices.contains(found.year) ? earlierYears[found.year].file + " " : ""
            let alias = record.change.outputID == id ? "" : " (as \(record.change.outputID))"
            return "\(year)line \(record.line) · \(RecordText.when(record)) · \(record.by)\(alias): \(record.change.summary(wording: Form.wording))"
        }
    }
}
