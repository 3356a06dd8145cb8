import ActionPlanModel
import ActionPlanStore

/// A plan file and its journal, as read by one command.
struct PlanState {
    let path: String
    /// As written in the plan file.
    let plan: Plan
    /// The journal as read, so that a write reads only what was appended since.
    let loadedJournal: LoadedJournal
    /// The plan folded with every record in the journal.
    let current: Plan
    /// Set when the journal no longer holds what this account last saw of it.
    let headWarning: HeadWarning?

    var journal: Journal { loadedJournal.journal }

    /// The plan as it stood at the end of `day`.
    func asOf(_ day: Day) -> Plan {
        // Through a day no record comes after, that is the plan already folded with them all,
        // and the records need not be read.
        loadedJournal.latestDay.map { $0 <= day } ?? true ? current : plan.folded(with: journal, through: day)
    }
}
