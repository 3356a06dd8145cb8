import ActionPlanModel

/// An output and where it sits in the plan: what the load cache keeps to turn the plan as the
/// journal left it back into the plan as written, without parsing the plan file again.
struct PlacedOutput: Codable, Sendable {
    /// Where an output sits: its pillar, objective and place among the objective's outputs, each from 0.
    struct Place: Codable, Hashable, Sendable {
        let pillar: Int
        let objective: Int
        let output: Int
    }

    let place: Place
    let output: Output

    /// Every output of `plan` with its place, in the plan's order.
    static func all(in plan: Plan) -> [PlacedOutput] {
        plan.pillars.enumerated().flatMap { p, pillar in
            pillar.objectives.enumerated().flatMap { o, objective in
                objective.outputs.enumerated().map { i, output in
                    PlacedOutput(place: Place(pillar: p, objective: o, output: i), output: output)
                }
            }
        }
    }

    /// The outputs of `plan`, as written, at each place where `current` (the plan folded with its
    /// journal) has an output a record touched: all that tells the two apart.
    static func written(in plan: Plan, touchedIn current: Plan) -> [PlacedOutput] {
        current.pillars.enumerated().flatMap { p, pillar in
            pillar.objectives.enumerated().flatMap { o, objective in
                objective.outputs.enumerated().compactMap { i, output in
                    output.lastUpdate == nil ? nil : plan.output(at: Place(pillar: p, objective: o, output: i))
                }
            }
        }
    }
}

extension Plan {
    /// The output at `place` with its place, or nil when this plan has none there.
    fileprivate func output(at place: PlacedOutput.Place) -> PlacedOutput? {
        guard pillars.indices.contains(place.pillar), pillars[place.pillar].objectives.indices.contains(place.objective),
              pillars[place.pillar].objectives[place.objective].outputs.indices.contains(place.output) else { return nil }
        return PlacedOutput(place: place, output: pillars[place.pillar].objectives[place.objective].outputs[place.output])
    }

    /// The plan with no outputs: what `filled(with:)` gives back the whole plan from.
    var withoutOutputs: Plan {
        var plan = self
        for p in plan.pillars.indices {
            for o in plan.pillars[p].objectives.indices { plan.pillars[p].objectives[o].outputs = [] }
        }
        return plan
    }

    /// This plan with no outputs given back `outputs` (`all(in:)` of the whole plan), or nil
    /// when they do not come in its order, each objective's together.
    ///
    /// `outputs` is consumed: each output is moved out of it into its place, not copied and then
    /// destroyed with the array (at 100,000 outputs, a retain and a release of every string and
    /// array in each, several percent of a warm start).
    consuming func filled(with outputs: consuming [PlacedOutput]) -> Plan? {
        var plan = self
        // From the last objective's outputs back to the first: each objective's are then the last
        // of those left, and its place says how many, so they are moved off the end (never
        // shifting the rest) into an array made to that size, not one grown and copied again.
        while let last = outputs.indices.last {
            let place = outputs[last].place
            let (p, o, first) = (place.pillar, place.objective, last - min(max(place.output, 0), last))
            guard plan.pillars.indices.contains(p), plan.pillars[p].objectives.indices.contains(o),
                  plan.pillars[p].objectives[o].outputs.isEmpty,
                  (first...last).allSatisfy({ outputs[$0].place == PlacedOutput.Place(pillar: p, objective: o, output: $0 - first) })
            else { return nil }
            var taken: [Output] = []
            taken.reserveCapacity(last - first + 1)
            while outputs.count > first, let entry = outputs.popLast() { taken.append(entry.output) }
            // Taken last first; reversed in its buffer, whose swaps move elements where the array's own copy them.
            taken.withUnsafeMutableBufferPointer { $0.reverse() }
            plan.pillars[p].objectives[o].outputs = taken
        }
        return plan
    }

    /// The plan with each of `outputs` put in its place, or nil when a place is not in this plan.
    func overlaid(with outputs: [PlacedOutput]) -> Plan? {
        var plan = self
        for entry in outputs {
            guard output(at: entry.place) != nil else { return nil }
            plan.pillars[entry.place.pillar].objectives[entry.place.objective].outputs[entry.place.output] = entry.output
        }
        return plan
    }
}
