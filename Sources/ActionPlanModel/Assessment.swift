/// What an output amounts to on a given day: its RAG, the flags that call for action, and the
/// deadline it is working to that day.
public struct Assessment: Hashable, Sendable {
    public let rating: Rating
    /// In the order `Flag.allCases` lists them.
    public let flags: [Flag]
    /// The day it must be done by as of the day assessed: the fixed deadline; for recurring work
    /// the end of the current period, or of the one it missed; nil when it has none (ongoing,
    /// undated, a milestone met).
    public let deadline: Day?

    public init(rating: Rating, flags: [Flag], deadline: Day? = nil) {
        self.rating = rating
        self.flags = flags
        self.deadline = deadline
    }
}

extension Plan {
    /// Rates and flags an output as of `day`, by this plan's rules. One no longer open, or
    /// retired from the plan by then, keeps its rating and calls for nothing.
    public func assess(_ output: Output, asOf day: Day) -> Assessment {
        let rated = RAG(rating: output.status)
        guard output.isOpen, !output.isRetired(asOf: day) else { return Assessment(rating: Rating(rag: rated), flags: [], deadline: output.due.deadline) }

        var flags: [Flag] = []
        let schedule = self.schedule(of: output, asOf: day)
        if schedule.overdue { flags.append(.overdue) }
        if schedule.dueSoon { flags.append(.dueSoon) }
        if output.leads.isEmpty { flags.append(.unowned) }
        if !register.isEmpty, output.leads.contains(where: { register.agency(named: $0) == nil }) {
            flags.append(.unknownLead)
        }
        if output.due.meaning == .undated { flags.append(.undated) }
        let quarterBegan = calendar.quarter(containing: day).period.first
        if output.lastUpdate.map({ $0 < quarterBegan }) ?? true { flags.append(.stale) }

        let redByDate = schedule.overdue && overdueRAG == .byDate && rated != .red
        return Assessment(rating: redByDate ? Rating(rag: .red, redBecauseOverdue: true) : Rating(rag: rated),
                          flags: flags, deadline: schedule.deadline)
    }

    /// Where an open output stands against its completion date on `day`.
    private func schedule(of output: Output, asOf day: Day) -> (deadline: Day?, overdue: Bool, dueSoon: Bool) {
        let soon = calendar.quarter(containing: day).next.period.last
        switch output.due.meaning {
        case .by(let period):
            return (period.last, period.last < day, day <= period.last && period.last <= soon)
        case .milestoneThenOngoing(let period):
            // Met once the lead has rated the work as running (any status but not-started): from
            // then on it is continuing work with no deadline. Until then it is a dated output.
            if let status = output.status, status != .notStarted { return (nil, false, false) }
            return (period.last, period.last < day, day <= period.last && period.last <= soon)
        case .recurring(let recurrence):
            let current = recurrence.period(containing: day)
            let previous = recurrence.period(before: day)
            let recorded = output.lastUpdate
            // A period before the plan began owed nothing; a record in it or since counts for it.
            let owed = starts.map { previous.first >= $0.first } ?? true
            let missed = owed && (recorded.map { $0 < previous.first } ?? true)
            let returnOutstanding = recorded.map { $0 < current.first } ?? true
            // Overdue, it is working to the period it missed; otherwise to the current one.
            return (missed ? previous.last : current.last, missed, !missed && returnOutstanding && current.last <= soon)
        case .ongoing, .undated:
            return (nil, false, false)
        }
    }
}
