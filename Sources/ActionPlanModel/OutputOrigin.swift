/// Where an output of a rolled-over plan began: the earliest plan year whose plan had it, the id
/// and deadline that plan gave it, and what was recorded about it before this plan year.
public struct OutputOrigin: Hashable, Sendable {
    /// The name of the plan file it first appeared in, without its folder: `PlanYear.fileName`.
    public let file: String
    /// That plan's years, as a reader names them: `PlanYear.label`.
    public let yearLabel: String
    /// Its id in that plan: another than today's when it was renumbered.
    public let id: String
    /// Its deadline as that plan wrote it, before any revision.
    public let due: Due
    /// How many records the journals of the earlier plan years hold about it.
    public let earlierRecords: Int
    /// The latest note among those records.
    public let latestEarlierNote: Note?

    /// How far `output`'s deadline now lies from the one its first plan year gave it, when both
    /// are dates.
    public func slip(of output: Output) -> Slip? {
        guard let first = due.deadline, let now = output.due.deadline else { return nil }
        return Slip(from: first, to: now)
    }
}

extension PlanLineage {
    /// Where each output of the newest year's plan began, by its id, for those an earlier year's
    /// plan had (by the same id or one in its `was:`, as `history` follows them); with `day`,
    /// only records made by its end are counted.
    ///
    /// Each year's plan and journal is read once for all outputs: a plan may hold thousands.
    public func origins(through day: Day? = nil) -> [String: OutputOrigin] {
        guard let newest = years.last, years.count > 1 else { return [:] }
        let steps = years.map { IDsBack($0.plan) }
        let earlier = years.dropLast().map { EarlierYear($0, through: day) }
        var origins: [String: OutputOrigin] = [:]
        newest.plan.forEachEntry { entry in
            let id = entry.output.id
            let ids = ids(of: id, going: steps)
            let past = zip(earlier, ids)
            // A renumbering that merged two outputs has two entries in that year: the first in plan order.
            guard let (year, first) = past.lazy.compactMap({ year, ids in ids.compactMap { year.entries[$0] }.min { $0.place < $1.place }.map { (year, $0) } }).first
            else { return }
            let records = past.flatMap { year, ids in ids.flatMap { year.records[$0] ?? [] }.sorted { $0.line < $1.line } }
            let note = records.last { $0.change.note != nil }
            origins[id] = OutputOrigin(file: year.year.fileName, yearLabel: year.year.label, id: first.output.id, due: first.output.due,
                                       earlierRecords: records.count,
                                       latestEarlierNote: note.flatMap { record in record.change.note.map { Note(text: $0, by: record.by, at: record.at, effective: record.effective) } })
        }
        return origins
    }
}

/// One earlier plan year, indexed for finding outputs and their records by id.
private struct EarlierYear {
    let year: PlanYear
    /// Each output of its plan by id, with its place in plan order.
    let entries: [String: (place: Int, output: Output)]
    /// Its journal's records (made by the day asked for) by the output they belong to that year.
    let records: [String: [Record]]

    init(_ year: PlanYear, through day: Day?) {
        self.year = year
        var entries: [String: (place: Int, output: Output)] = [:]
        var place = 0
        year.plan.forEachEntry { entry in
            if entries[entry.output.id] == nil { entries[entry.output.id] = (place, entry.output) }
            place += 1
        }
        self.entries = entries
        let owners = RecordOwners(year.plan)
        var records: [String: [Record]] = [:]
        for record in year.journal.records where day.map({ record.day <= $0 }) ?? true {
            records[owners.output(of: record.change.outputID), default: []].append(record)
        }
        self.records = records
    }
}

extension PlanYear {
    /// The reporting years its plan covers, as a reader names them (`2015/16`, or `2014/15 to
    /// 2016/17` for a plan over several), or the plan file's name when the plan gives no dates.
    public var label: String {
        guard let starts = plan.starts, let ends = plan.ends else {
            return fileName
        }
        let calendar = plan.calendar
        let (first, last) = (calendar.quarter(containing: starts.first).yearStart, calendar.quarter(containing: ends.last).yearStart)
        return first == last ? calendar.yearLabel(startingIn: first) : "\(calendar.yearLabel(startingIn: first)) to \(calendar.yearLabel(startingIn: last))"
    }

    /// The plan file's name without its folder, as a report printed elsewhere names it.
    public var fileName: String {
        file.split(separator: "/").last.map(String.init) ?? file
    }
}
