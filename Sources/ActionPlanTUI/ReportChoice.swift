import ActionPlanModel

/// `x`: the quarter whose report to save, from the plan's first quarter to the one on screen, and
/// whether saving may replace a report saved before.
public struct ReportChoice: Hashable, Sendable {
    public private(set) var quarter: Quarter
    /// Set once the user has been told the quarter's report exists: Enter again replaces it.
    public internal(set) var replacing = false
    /// The earliest quarter offered: the plan's first, when it says when it starts.
    let first: Quarter?
    /// The latest: the quarter holding the as-of day.
    let last: Quarter

    init(plan: Plan, asOf: Day) {
        last = plan.calendar.quarter(containing: asOf)
        first = plan.starts.map { plan.calendar.quarter(containing: $0.first) }
        quarter = last
    }

    /// The quarter before (`step` -1) or after (1), within the plan's quarters up to the one on screen.
    mutating func step(by step: Int) {
        let next = step < 0 ? quarter.previous : quarter.next
        if next.period.first > last.period.first { return }
        if let first, next.period.first < first.period.first { return }
        quarter = next
        replacing = false
    }

    /// The day the report is judged on: the as-of day in its own quarter, else the quarter's last
    /// day, as `actionplan report --quarter` judges a quarter that has ended.
    func asOf(_ day: Day) -> Day { quarter == last ? day : quarter.period.last }
}
