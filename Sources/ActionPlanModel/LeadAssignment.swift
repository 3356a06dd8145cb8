extension Plan {
    /// Why `agency` cannot be made an output's lead, or nil: a write is held at least to what
    /// `list --lead` holds a read to, so a slip is refused before it is recorded, not flagged after.
    ///
    /// A plan with an agency register takes only its agencies (anything else would be flagged
    /// `unknown-lead`). A plan without one takes a new agency as written, unless the name nearly
    /// matches a lead the plan already has: that is taken for a slip.
    public func leadAssignmentProblem(_ agency: String) -> String? {
        if register.agency(named: agency) != nil { return nil }
        if !register.isEmpty {
            return "no agency '\(agency)' in the agency register of '\(title)'"
                + (Suggestion.hint(for: agency, among: register.agencies.flatMap(\.spellings)) ?? "; add it to 'agencies:' in the plan first")
        }
        let written = entries.flatMap(\.output.leads)
        if written.contains(where: { AgencyRegister.key($0) == AgencyRegister.key(agency) }) { return nil }
        return Suggestion.hint(for: agency, among: written).map { "no agency '\(agency)' leads anything in '\(title)'\($0)" }
    }
}
