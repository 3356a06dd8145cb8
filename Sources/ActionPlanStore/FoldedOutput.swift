import ActionPlanModel

/// An output the journal touched, as the journal left it, and where it sits in the plan: enough to
/// give the folded plan from the plan as written without folding every record again.
struct FoldedOutput: Codable, Sendable {
    /// Where an output sits: its pillar, objective and place among the objective's outputs, each from 0.
    struct Place: Codable, Hashable, Sendable {
        let pillar: Int
        let objective: Int
        let output: Int
    }

    let place: Place
    let output: Output

    /// Each output of `current` that a record touched.
    static func touched(in current: Plan) -> [FoldedOutput] {
        current.pillars.enumerated().flatMap { p, pillar in
            pillar.objectives.enumerated().flatMap { o, objective in
                objective.outputs.enumerated().compactMap { i, output in
                    output.lastUpdate == nil ? nil : FoldedOutput(place: Place(pillar: p, objective: o, output: i), output: output)
                }
            }
        }
    }
}

extension Plan {
    /// The plan with each output `folded` names as the journal left it, or nil when a place is
    /// not in this plan.
    func overlaid(with folded: [FoldedOutput]) -> Plan? {
        var plan = self
        for entry in folded {
            let (p, o, i) = (entry.place.pillar, entry.place.objective, entry.place.output)
            guard plan.pillars.indices.contains(p), plan.pillars[p].objectives.indices.contains(o),
                  plan.pillars[p].objectives[o].outputs.indices.contains(i) else { return nil }
            plan.pillars[p].objectives[o].outputs[i] = entry.output
        }
        return plan
    }
}
