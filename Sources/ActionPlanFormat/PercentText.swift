import ActionPlanModel

extension Tally {
    /// The share complete as every table shows it: `25%`, or `–` when nothing is live.
    public var percentCompleteText: String {
        percentComplete.map { "\($0)%" } ?? "–"
    }
}
