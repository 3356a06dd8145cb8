/// Which outputs to show: the filters that `list`, the TUI and reports share.
///
/// Every filter given must hold (they narrow one another).
public struct Query: Hashable, Sendable {
    /// The index of a pillar in the plan.
    public var pillar: Int?
    /// An agency as a user typed it: name, short form or alias.
    public var lead: String?
    /// A delivery group's full name, as `Output.group` holds it.
    public var group: String?
    public var flags: [Flag]
    public var status: Status?
    /// Instead of the live outputs, those retired from the plan by the as-of day.
    public var retired: Bool

    public init(pillar: Int? = nil, lead: String? = nil, group: String? = nil, flags: [Flag] = [], status: Status? = nil, retired: Bool = false) {
        self.pillar = pillar
        self.lead = lead
        self.group = group
        self.flags = flags
        self.status = status
        self.retired = retired
    }
}

/// An output in its place, as it stands on the as-of date.
public struct Row: Hashable, Sendable {
    public let entry: Plan.Entry
    public let assessment: Assessment

    public var output: Output { entry.output }

    /// How it left the plan, when it had by the as-of day.
    public let retired: Retirement?
}

/// Why a filter cannot be applied, with a suggestion.
public struct QueryProblem: Error, Hashable, Sendable {
    public let message: String
}

extension Plan {
    /// The outputs that match `query`, assessed as of `day`, in plan order. Outputs retired by
    /// then are left out unless the query asks for them, and then only they are given.
    public func rows(matching query: Query, asOf day: Day) -> [Row] {
        var rows: [Row] = []
        forEachEntry { entry in
            let retired = entry.output.isRetired(asOf: day)
            if retired != query.retired { return }
            if let pillar = query.pillar, entry.pillarIndex != pillar { return }
            if let lead = query.lead, !isLed(entry.output, by: lead) { return }
            if let group = query.group, entry.output.group != group { return }
            if let status = query.status, (entry.output.status ?? .notStarted) != status { return }
            let assessment = assess(entry.output, asOf: day)
            guard query.flags.allSatisfy(assessment.flags.contains) else { return }
            rows.append(Row(entry: entry, assessment: assessment, retired: retired ? entry.output.retired : nil))
        }
        return rows
    }

    /// Whether `agency` (any spelling the register knows, or the text itself) leads `output`,
    /// alone or jointly.
    public func isLed(_ output: Output, by agency: String) -> Bool {
        output.leads.contains(where: leadMatcher(agency))
    }

    /// `output`'s leads with those among `agencies` first, as a list narrowed to those agencies
    /// shows a joint lead, so the agency it was narrowed to is not hidden behind the others.
    public func leads(of output: Output, first agencies: [String]) -> [String] {
        guard output.leads.count > 1, !agencies.isEmpty else { return output.leads }
        let matchers = agencies.map(leadMatcher)
        let first = output.leads.filter { lead in matchers.contains { $0(lead) } }
        return first + output.leads.filter { lead in !first.contains(lead) }
    }

    /// Whether a lead as written names `agency`: by the register where it knows the spelling,
    /// otherwise by the text itself.
    private func leadMatcher(_ agency: String) -> (String) -> Bool {
        if let wanted = register.agency(named: agency) {
            return { register.agency(named: $0) == wanted }
        }
        let key = AgencyRegister.key(agency)
        return { AgencyRegister.key($0) == key }
    }

    /// Each agency that leads an output, once, in alphabetical order: by the register's label
    /// where the register knows the spelling, otherwise as written.
    public var leadAgencies: [String] {
        var names: [String: String] = [:]
        forEachEntry { entry in
            for lead in entry.output.leads {
                let name = register.agency(named: lead)?.label ?? lead
                names[AgencyRegister.key(name)] = names[AgencyRegister.key(name)] ?? name
            }
        }
        return names.values.sorted { ($0.lowercased(), $0) < ($1.lowercased(), $1) }
    }

    /// The pillar a user means: its number (from 1), its name, or the start of its name, ignoring case.
    public func pillarIndex(matching text: String) -> Result<Int, QueryProblem> {
        let names = pillars.map(\.name)
        if let number = Int(text), names.indices.contains(number - 1) { return .success(number - 1) }
        let wanted = text.lowercased()
        if let exact = names.firstIndex(where: { $0.lowercased() == wanted }) { return .success(exact) }
        let prefixed = names.indices.filter { names[$0].lowercased().hasPrefix(wanted) }
        if prefixed.count == 1 { return .success(prefixed[0]) }
        let hint = Suggestion.nearest(to: text, among: names).map { "did you mean '\($0)'? " } ?? ""
        return .failure(QueryProblem(message: "no pillar '\(text)' in '\(title)'; \(hint)the pillars are: "
            + names.enumerated().map { "\($0.offset + 1) \($0.element)" }.joined(separator: ", ")))
    }

    /// The delivery group a user means, by name or short form ignoring case.
    public func group(matching text: String) -> Result<DeliveryGroup, QueryProblem> {
        if let group = group(named: text) { return .success(group) }
        guard !groups.isEmpty else { return .failure(QueryProblem(message: "'\(title)' has no delivery groups (see 'groups:' in docs/plan-format.md)")) }
        let hint = Suggestion.nearest(to: text, among: groups.flatMap(\.spellings)).map { "did you mean '\($0)'? " } ?? ""
        return .failure(QueryProblem(message: "no delivery group '\(text)' in '\(title)'; \(hint)the groups are: "
            + groups.map { group in group.short.map { "\($0) (\(group.name))" } ?? group.name }.joined(separator: ", ")))
    }

    /// A problem with filtering by `agency`, when nothing in the plan could ever match it.
    public func leadProblem(_ agency: String) -> QueryProblem? {
        let written = entries.flatMap(\.output.leads)
        guard register.agency(named: agency) == nil,
              !written.contains(where: { AgencyRegister.key($0) == AgencyRegister.key(agency) }) else { return nil }
        let known = register.agencies.flatMap(\.spellings) + written
        let hint = Suggestion.hint(for: agency, among: known) ?? ""
        return QueryProblem(message: "no agency '\(agency)' leads anything in '\(title)'\(hint)")
    }
}
