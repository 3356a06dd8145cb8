extension Plan {
    /// Why `figure` cannot be recorded on `today`, with what to write instead, or nil: the
    /// indicator must be in the plan, the area one of its own, the value possible for its unit,
    /// and the period one of its periods, within the plan and already begun.
    public func problem(with figure: Figure, today: Day) -> String? {
        guard let indicator = indicator(figure.indicatorID) else {
            let hint = Suggestion.hint(for: figure.indicatorID, among: indicators.map(\.id))
                ?? (indicators.isEmpty ? "; it declares none (see docs/plan-format.md)" : "; its indicators are \(indicators.map(\.id).joined(separator: ", "))")
            return "no indicator '\(figure.indicatorID)' in '\(title)'\(hint)"
        }
        if let area = figure.area, indicator.breakdown(named: area) == nil {
            let known = indicator.areas + indicator.comparators
            return "indicator \(indicator.id) has no area or comparator '\(area)'" + (Suggestion.hint(for: area, among: known)
                ?? (known.isEmpty ? "; it is reported as a whole only: leave out --area" : "; write one of: \(known.joined(separator: ", "))"))
        }
        if let problem = indicator.unit.problem(with: figure.value) { return problem }
        let period: FigurePeriod
        switch FigurePeriod.parse(figure.period, frequency: indicator.frequency, calendar: calendar) {
        case .success(let parsed): period = parsed
        case .failure(let problem): return "indicator \(indicator.id) is reported each \(indicator.frequency.periodName): \(problem.message)"
        }
        if let starts, period.period.last < starts.first {
            return "\(period) ended before the plan began (\(starts.first)): it is outside the plan"
        }
        if let ends, period.period.first > ends.last {
            return "\(period) begins after the plan ends (\(ends.last)): it is outside the plan"
        }
        if period.period.first > today {
            return "\(period) has not begun yet (today is \(today)): record a figure once its period has begun"
        }
        return nil
    }
}

extension IndicatorUnit {
    /// Why `value` cannot be a figure in this unit, or nil.
    public func problem(with value: Double) -> String? {
        guard value.isFinite else { return "a figure must be a number" }
        if self == .percentage, !(0...100).contains(value) {
            return "a percentage is between 0 and 100, not \(value.formatted)"
        }
        if self != .money, value < 0 {
            return "a figure in \(rawValue) cannot be negative (\(value.formatted))"
        }
        return nil
    }
}

extension Double {
    /// The number without a needless `.0`: `187`, `12.5`; the value as typed, for messages.
    var formatted: String {
        rounded() == self && abs(self) < 1e15 ? String(Int(self)) : String(self)
    }
}

extension Access {
    /// Why `account` may not record a figure for `indicator` in `plan`, or nil when it may: the
    /// chair, the coordinator, and a lead officer of the agency that supplies it.
    public func refusal(ofFigureFor indicator: Indicator, in plan: Plan, by account: String) -> String? {
        switch standing(account) {
        case .anything:
            return nil
        case .nothing(let why):
            return why
        case .group:
            return "\(account) acts for delivery groups, whose outputs they update; figures are recorded by the agency that supplies them, the chair or the coordinator"
        case .lead(let member):
            guard let lead = indicator.lead else {
                return "indicator \(indicator.id) names no lead agency, so only the chair or the coordinator may record its figures"
            }
            let supplier = plan.register.agency(named: lead)
            let acts = member.agencies.contains { agency in
                supplier.map { plan.register.agency(named: agency) == $0 } ?? (AgencyRegister.key(agency) == AgencyRegister.key(lead))
            }
            return acts ? nil : "indicator \(indicator.id) is supplied by \(lead), and \(account) records for "
                + "\(LeadText.text(member.agencies, none: "no agency")) only"
        }
    }
}

extension Plan {
    /// `entry` with what it names spelled as the plan spells it: a figure's indicator and area,
    /// which officers may type in any case. Anything else is as given.
    public func asDeclared(_ entry: ActionPlanModel.Entry) -> ActionPlanModel.Entry {
        guard case .indicator(var figure) = entry, let indicator = indicator(figure.indicatorID) else { return entry }
        figure.indicatorID = indicator.id
        figure.area = figure.area.map { indicator.breakdown(named: $0) ?? $0 }
        return .indicator(figure)
    }
}
