/// What an output amounts to on a given day: its RAG and the flags that call for action.
public struct Assessment: Hashable, Sendable {
    public let rating: Rating
    /// In the order `Flag.allCases` lists them.
    public let flags: [Flag]

    public init(rating: Rating, flags: [Flag]) {
        self.rating = rating
        self.flags = flags
    }
}

extension Plan {
    /// Rates and flags an output as of `day`, by this plan's rules. One no longer open, or
    /// retired from the plan by then, keeps its rating and calls for nothing.
    public func assess(_ output: Output, asOf day: Day) -> Assessment {
        let rated = RAG(rating: output.status)
        guard output.isOpen, !output.isRetired(asOf: day) else { return Assessment(rating: Rating(rag: rated), flags: []) }

        var flags: [Flag] = []
        let deadline = output.due.deadline
        let overdue = deadline.map { $0 < day } ?? false
        if overdue { flags.append(.overdue) }
        if let deadline, !overdue, deadline <= calendar.quarter(containing: day).next.period.last {
            flags.append(.dueSoon)
        }
        if output.leads.isEmpty { flags.append(.unowned) }
        if !register.isEmpty, output.leads.contains(where: { register.agency(named: $0) == nil }) {
            flags.append(.unknownLead)
        }
        if output.due.meaning == .undated { flags.append(.undated) }
        let quarterBegan = calendar.quarter(containing: day).period.first
        if output.lastRecord.map({ $0.day < quarterBegan }) ?? true { flags.append(.stale) }

        let redByDate = overdue && overdueRAG == .byDate && rated != .red
        return Assessment(rating: redByDate ? Rating(rag: .red, redBecauseOverdue: true) : Rating(rag: rated), flags: flags)
    }
}
