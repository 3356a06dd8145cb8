import ActionPlanModel

extension TUIState {
    /// The agencies a lead can be assigned: the plan's register, by name with the short form
    /// beside it; a plan without a register offers the agencies that lead an output now.
    var leadChoices: [Picker.Choice] {
        guard !current.register.isEmpty else {
            return current.leadAgencies.map { Picker.Choice(value: $0, label: $0, spellings: [$0]) }
        }
        return current.register.agencies.map { agency in
            Picker.Choice(value: agency.name, label: agency.short.map { "\(agency.name) (\($0))" } ?? agency.name, spellings: agency.spellings)
        }
    }

    /// The list's lead filter: "any lead" first, then each agency that leads an output, by the
    /// register's label (as the filter line names it), found by any of its spellings.
    var leadFilterChoices: [Picker.Choice] {
        let any = Picker.Choice(value: nil, label: "any lead (filter off)", spellings: [])
        return [any] + current.leadAgencies.map { label in
            let agency = current.register.agency(named: label)
            let name = agency.map { $0.name == label ? label : "\(label) – \($0.name)" } ?? label
            return Picker.Choice(value: label, label: name, spellings: agency?.spellings ?? [label])
        }
    }
}
