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
        // Into one array made to size: nested `flatMap`s made an array for each objective and
        // pillar and copied every output into each.
        var all: [PlacedOutput] = []
        all.reserveCapacity(plan.pillars.reduce(0) { $0 + $1.objectives.reduce(0) { $0 + $1.outputs.count } })
        for (p, pillar) in plan.pillars.enumerated() {
            for (o, objective) in pillar.objectives.enumerated() {
                for (i, output) in objective.outputs.enumerated() {
                    all.append(PlacedOutput(place: Place(pillar: p, objective: o, output: i), output: output))
                }
            }
        }
        return all
    }

    /// The fields records change (`Output.RecordedFields`) of each output of `plan`, as written,
    /// where `current` (the plan folded with its journal) has an output a record touched: all
    /// that tells the two apart, as folding changes nothing else.
    static func writtenFields(in plan: Plan, touchedIn current: Plan) -> [PlacedFields] {
        var written: [PlacedFields] = []
        for (p, pillar) in current.pillars.enumerated() {
            for (o, objective) in pillar.objectives.enumerated() {
                for (i, output) in objective.outputs.enumerated() where output.lastUpdate != nil {
                    let place = Place(pillar: p, objective: o, output: i)
                    if let asWritten = plan.output(at: place) { written.append(PlacedFields(place: place, fields: asWritten.recordedFields)) }
                }
            }
        }
        return written
    }
}

/// The fields records change of one output as written, and where it sits: what the load cache
/// keeps, beside the plan folded, to give back the plan as written without parsing it again
/// (0.77 MB for the 10,000 outputs of the benchmark plan, where the outputs whole took 4.6 MB).
struct PlacedFields: Codable, Sendable {
    let place: PlacedOutput.Place
    let fields: Output.RecordedFields
}

extension Plan {
    /// The output at `place`, or nil when this plan has none there.
    fileprivate func output(at place: PlacedOutput.Place) -> Output? {
        guard pillars.indices.contains(place.pillar), pillars[place.pillar].objectives.indices.contains(place.objective),
              pillars[place.pillar].objectives[place.objective].outputs.indices.contains(place.output) else { return nil }
        return pillars[place.pillar].objectives[place.objective].outputs[place.output]
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

    /// The plan with the fields records change of each output in `written` set as they stand
    /// there (the plan as written, when this is the plan folded), or nil when a place is not in
    /// this plan.
    func overlaid(with written: [PlacedFields]) -> Plan? {
        var plan = self
        for entry in written {
            guard let folded = output(at: entry.place) else { return nil }
            plan.pillars[entry.place.pillar].objectives[entry.place.objective].outputs[entry.place.output] = folded.with(entry.fields)
        }
        return plan
    }
}
