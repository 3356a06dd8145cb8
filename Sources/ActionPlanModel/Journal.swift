/// A plan's history of updates, and the fold that turns plan and history into the plan as it
/// stood on a day.
public struct Journal: Hashable, Sendable {
    /// In journal order, which is time order: each record was appended after the one before.
    public let records: [Record]

    public init(_ records: [Record] = []) {
        self.records = records
    }

    /// The records about one output.
    public func history(of outputID: String) -> [Record] {
        records.filter { $0.change.outputID == outputID }
    }

    /// The line of the latest record about `outputID`, 0 when there is none: the version of the
    /// output that an update was made from.
    public func head(of outputID: String) -> Int {
        records.last { $0.change.outputID == outputID }?.line ?? 0
    }
}

/// How an output's deadline was revised: the date as the plan first gave it, and who moved it.
public struct Revision: Hashable, Sendable {
    public let original: Due
    public let by: String
    public let at: Timestamp
    public let reason: String
}

/// The latest progress note, with who wrote it and when.
public struct Note: Hashable, Sendable {
    public let text: String
    /// Nil for a note written in the plan file itself.
    public let by: String?
    public let at: Timestamp?
}

extension Plan {
    /// The plan as it stood at the end of `day`: the plan file with every journal record made on
    /// or before that day applied in order. Records about unknown outputs are ignored here; the
    /// journal reader reports them.
    public func folded(with journal: Journal, through day: Day) -> Plan {
        var byOutput: [String: [Record]] = [:]
        for record in journal.records where record.at.day <= day {
            byOutput[record.change.outputID, default: []].append(record)
        }
        guard !byOutput.isEmpty else { return self }
        var plan = self
        for p in plan.pillars.indices {
            for o in plan.pillars[p].objectives.indices {
                for i in plan.pillars[p].objectives[o].outputs.indices {
                    let id = plan.pillars[p].objectives[o].outputs[i].id
                    guard let records = byOutput[id] else { continue }
                    for record in records {
                        plan.pillars[p].objectives[o].outputs[i].apply(record, calendar: calendar)
                    }
                }
            }
        }
        return plan
    }
}

extension Output {
    /// Applies one journal record. A revised date that no longer reads (it was valid when
    /// written) is skipped rather than guessed at.
    mutating func apply(_ record: Record, calendar: ReportingCalendar) {
        let change = record.change
        if let status = change.status { self.status = status }
        if let text = change.note { latestNote = Note(text: text, by: record.by, at: record.at) }
        if let written = change.due, case .success(let revised) = Due.parse(written, calendar: calendar) {
            revision = Revision(original: revision?.original ?? due, by: record.by, at: record.at, reason: change.reason ?? "")
            due = revised
        }
        if let lead = change.lead { leads = lead }
        lastRecord = record.at
        history.append(record)
    }
}
