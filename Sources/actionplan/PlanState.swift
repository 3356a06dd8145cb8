import ActionPlanModel
import ActionPlanStore

/// A plan file and its journal, as read by one command.
struct PlanState {
    let path: String
    /// The plan file as read: a start that found its cache makes the plan as written only when
    /// it is asked for.
    let loaded: LoadedPlan
    /// The journal as read, so that a write reads only what was appended since.
    let loadedJournal: LoadedJournal
    /// The plan folded with every record in the journal.
    let current: Plan
    /// Set when the journal no longer holds what this account last saw of it.
    let headWarning: HeadWarning?

    var journal: Journal { loadedJournal.journal }

    /// As written in the plan file. There is a plan as written whenever there is a folded one,
    /// which is made from it; `current` stands in only for the type's sake.
    var plan: Plan { loaded.plan ?? current }

    /// The plan's reporting calendar, which folding leaves as written: read from the folded plan,
    /// so that a command working as of today never makes the plan as written.
    var calendar: ReportingCalendar { current.calendar }

    /// The plan as it stood at the end of `day`.
    func asOf(_ day: Day) -> Plan {
        // Through a day no record comes after, that is the plan already folded with them all,
        // and the records need not be read.
        loadedJournal.latestDay.map { $0 <= day } ?? true ? current : plan.folded(with: journal, through: day)
    }
}
