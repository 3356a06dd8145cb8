/// A plan's history of updates, and the fold that turns plan and history into the plan as it
/// stood on a day.
///
/// An output's records are found through the plan (`history(of:in:)`), which knows the ids it had.
public struct Journal: Hashable, Sendable, Codable {
    /// In journal order, which is time order: each record was appended after the one before.
    public let records: [Record]

    public init(_ records: [Record] = []) {
        self.records = records
    }
}

/// How an output's deadline was revised: the date as the plan first gave it, and who moved it.
public struct Revision: Hashable, Sendable, Codable {
    public let original: Due
    public let by: String
    public let at: Timestamp
    public let reason: String

    public init(original: Due, by: String, at: Timestamp, reason: String) {
        self.original = original
        self.by = by
        self.at = at
        self.reason = reason
    }
}

/// The latest progress note, with who wrote it and when.
public struct Note: Hashable, Sendable, Codable {
    public let text: String
    /// Nil for a note written in the plan file itself.
    public let by: String?
    public let at: Timestamp?

    public init(text: String, by: String?, at: Timestamp?) {
        self.text = text
        self.by = by
        self.at = at
    }
}

extension Plan {
    /// The plan as it stood at the end of `day`: the plan file with every journal record made on
    /// or before that day applied in order. A record written under an id an output had before
    /// (`was:`) applies to that output; records about ids no output has are left to `unplaced(in:)`.
    public func folded(with journal: Journal, through day: Day) -> Plan {
        guard journal.records.contains(where: { $0.at.day <= day }) else { return self }
        // Where each output sits, so each record goes straight to its output, in journal order.
        var places: [String: (pillar: Int, objective: Int, output: Int)] = [:]
        for (p, pillar) in pillars.enumerated() {
            for (o, objective) in pillar.objectives.enumerated() {
                for (i, output) in objective.outputs.enumerated() { places[output.id] = (p, o, i) }
            }
        }
        forEachClaim { old, owner in if places[old] == nil { places[old] = places[owner] } }
        // A plan revises few distinct dates, many times over: read each text once.
        var dates: [String: Due?] = [:]
        var plan = self
        // Records are borrowed in place, not copied one by one: a plan may have a million.
        journal.records.withUnsafeBufferPointer { records in
            for index in records.indices where records[index].at.day <= day {
                guard let place = places[records[index].change.outputID] else { continue }
                let revised = records[index].change.due.flatMap { written in
                    if let known = dates[written] { return known }
                    let parsed = try? Due.parse(written, calendar: calendar).get()
                    dates[written] = parsed
                    return parsed
                }
                plan.pillars[place.pillar].objectives[place.objective].outputs[place.output].apply(records[index], revised: revised)
            }
        }
        return plan
    }
}

extension Output {
    /// Applies one journal record, whose revised date, if any, reads as `revised`. A revised
    /// date that no longer reads (it was valid when written) is skipped rather than guessed at.
    mutating func apply(_ record: Record, revised: Due?) {
        let change = record.change
        if let status = change.status { self.status = status }
        if let text = change.note { latestNote = Note(text: text, by: record.by, at: record.at) }
        if let revised {
            revision = Revision(original: revision?.original ?? due, by: record.by, at: record.at, reason: change.reason ?? "")
            due = revised
        }
        if let lead = change.lead { leads = lead }
        lastRecord = record.at
    }
}
