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
    /// Where the output `outputID` of the newest year's plan began, when an earlier year's plan
    /// had it (by the same id or one in its `was:`, as `history` follows it); nil when it is new
    /// this year. With `day`, only records made by its end are counted.
    public func origin(of outputID: String, through day: Day? = nil) -> OutputOrigin? {
        let earlier = zip(years, ids(of: outputID)).dropLast()
        // A renumbering that merged two outputs has two entries in that year: the first in plan order.
        guard let (year, entry) = earlier.lazy.compactMap({ year, ids in
            year.plan.entries.first { ids.contains($0.output.id) }.map { (year, $0) }
        }).first else { return nil }
        let records = history(of: outputID, through: day).filter { $0.year < years.count - 1 }.map(\.record)
        let note = records.last { $0.change.note != nil }
        return OutputOrigin(file: year.fileName, yearLabel: year.label, id: entry.output.id, due: entry.output.due, earlierRecords: records.count,
                            latestEarlierNote: note.flatMap { record in record.change.note.map { Note(text: $0, by: record.by, at: record.at) } })
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
