import ActionPlanModel

/// One review meeting in this session: where the review was left, and what it decided.
public struct ReviewMeeting: Hashable, Sendable {
    /// The review as it was when the chair left it, so `r` resumes there.
    var left: Review?
    /// What was recorded from the review, in the order it was recorded.
    public internal(set) var decisions: [Decision] = []

    /// A record made from the review: what was decided about which agenda item.
    public struct Decision: Hashable, Sendable {
        /// The output or indicator.
        public let itemID: String
        /// Why it was on the agenda: `overdue`, `red indicator`.
        public let reason: String
        /// What was recorded: `status on-track; note: …`, `Q4 2015/16 187`.
        public let text: String
        public let line: Int
        public let by: String
        public let at: Timestamp
    }
}

extension TUIState {
    /// Opens the review: where it was left when the list's filters are those it was drawn up
    /// under, otherwise a new agenda for them. The decisions of the meeting so far are kept.
    mutating func openReview() {
        let scope = Query(pillar: filter.query.pillar, lead: filter.query.lead, group: filter.query.group)
        if let left = meeting.left, left.scope == scope {
            go(to: .review(left))
            message = "Resumed at item \(min(left.index, left.items.count) + 1) of \(left.items.count) where the review was left"
            return
        }
        let indicators = indicatorAgenda.filter { item in current.indicator(item.id).map { covers($0, scope: scope) } ?? false }
        go(to: .review(Review(rows: current.rows(matching: scope, asOf: asOf), indicators: indicators, hasIndicators: hasIndicators, scope: scope)))
        var ignored = filter
        ignored.query.pillar = nil
        ignored.query.lead = nil
        ignored.query.group = nil
        if !ignored.isEmpty {
            message = "The agenda takes the pillar, lead and group filters only, not " + ignored.describe(plan: current, agencies: agencies)
        }
    }

    /// Keeps the review on screen as it is, for `r` to resume; called whenever the screen
    /// changes, so every way out of the review (Esc, a form, the detail and on) keeps its place.
    mutating func leaveReview() {
        if let review { meeting.left = review }
    }

    /// `pillar Prevention · lead Police`, or `all actions`: what the agenda was drawn up under.
    func scopeText(_ scope: Query) -> String {
        var filter = ListFilter()
        filter.query = scope
        return filter.describe(plan: current, agencies: agencies)
    }

    /// Whether an indicator belongs to the agenda under `scope`: its pillar's page, its lead
    /// agency, and for a delivery group an objective the group owns.
    private func covers(_ indicator: Indicator, scope: Query) -> Bool {
        if let pillar = scope.pillar, self.scope(of: indicator) != .pillar(pillar) { return false }
        if let lead = scope.lead {
            guard let supplier = indicator.lead, let wanted = current.register.agency(named: lead),
                  current.register.agency(named: supplier) == wanted else { return false }
        }
        if let group = scope.group {
            guard case .objective(let id) = indicator.scope else { return false }
            return current.pillars.flatMap(\.objectives).contains { $0.id == id && $0.group == group }
        }
        return true
    }

    /// Notes a record made while the review is on screen as one of the meeting's decisions.
    mutating func noteDecision(line: Int, at: Timestamp, by: String, text: String) {
        guard let item = review?.current else { return }
        meeting.decisions.append(ReviewMeeting.Decision(itemID: item.id, reason: item.reason.label, text: text, line: line, by: by, at: at))
    }
}
