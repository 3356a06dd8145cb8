/// Next year's plan from this year's: the open outputs carried forward as they now stand, the
/// rest left behind.
public struct Rollover: Hashable, Sendable {
    /// The new plan: this one's structure, for `year`, following the old file.
    public let plan: Plan
    /// What was not carried forward, in plan order: complete, dropped or retired.
    public let leftBehind: [LeftBehind]

    /// An output not carried forward, and why.
    public struct LeftBehind: Hashable, Sendable {
        public let id: String
        public let text: String
        /// `complete`, `dropped`, or `retired 2016-03-31: Merged into 1.4`.
        public let why: String
    }

    /// Rolls `current` (the plan folded with its whole journal) over into the reporting `year`,
    /// as judged on `day` (the old year's end, or today): each open output keeps its id, lead,
    /// status, latest note and latest (revised) date; objectives left with nothing open are left
    /// out, pillars kept. The new plan `follows` the old plan's file, where its journal lies.
    public init(_ current: Plan, year: Period, asOf day: Day, follows: String) {
        var leftBehind: [LeftBehind] = []
        var plan = current
        plan.title = current.title + " (\(current.calendar.yearLabel(startingIn: year.first.year)))"
        plan.starts = year
        plan.ends = year
        plan.follows = follows
        for p in plan.pillars.indices {
            plan.pillars[p].objectives = plan.pillars[p].objectives.compactMap { objective in
                var objective = objective
                objective.outputs = objective.outputs.compactMap { output in
                    if let retired = output.retired, output.isRetired(asOf: day) {
                        leftBehind.append(LeftBehind(id: output.id, text: output.text, why: "retired \(retired.on): \(retired.reason)"))
                        return nil
                    }
                    guard output.isOpen else {
                        leftBehind.append(LeftBehind(id: output.id, text: output.text, why: output.status?.rawValue ?? ""))
                        return nil
                    }
                    return Output(id: output.id, text: output.text, leads: output.leads, due: output.due, measures: output.measures,
                                  outcomes: output.outcomes, status: output.status, note: output.latestNote?.text, retired: output.retired)
                }
                return objective.outputs.isEmpty ? nil : objective
            }
        }
        self.plan = plan
        self.leftBehind = leftBehind
    }
}
