/// A plan's history: every line of its journal, one array per kind of line, and the fold that
/// turns plan and history into the plan as it stood on a day.
///
/// An output's records are found through the plan (`history(of:in:)`), which knows the ids it had.
public struct Journal: Hashable, Sendable, Codable {
    /// Changes to outputs (`output` lines), in journal order, which is time order: each record
    /// was appended after the one before.
    public private(set) var records: [Record]
    /// Figures for indicators (`indicator` lines), in journal order.
    public private(set) var figures: [FigureRecord]
    /// Digests sent to officers (`digest` lines), in journal order.
    public private(set) var digests: [DigestRecord]

    public init(_ records: [Record] = [], figures: [FigureRecord] = [], digests: [DigestRecord] = []) {
        self.records = records
        self.figures = figures
        self.digests = digests
    }

    /// Adds `entry` as line `line`, made by `by` at `at`, to the array for its kind; `effective`
    /// is the day a change to an output speaks for (`Record.effective`). In place: a reader adds
    /// a million lines, and a copy of the arrays for each would cost their square.
    public mutating func append(_ entry: Entry, line: Int, at: Timestamp, by: String, effective: Day? = nil) {
        switch entry {
        case .output(let change): records.append(Record(line: line, at: at, by: by, change: change, effective: effective))
        case .indicator(let figure): figures.append(FigureRecord(line: line, at: at, by: by, figure: figure))
        case .digest(let sent): digests.append(DigestRecord(line: line, at: at, by: by, sent: sent))
        }
    }

    /// Takes out line `line`, whichever kind it is, if it is the last of its kind: a line either
    /// side of a broken chain does not count.
    public mutating func remove(line: Int) {
        if records.last?.line == line { records.removeLast() }
        if figures.last?.line == line { figures.removeLast() }
        if digests.last?.line == line { digests.removeLast() }
    }

    /// When the latest line of any kind was made, and its number: a line dated earlier than it
    /// was not written by actionplan.
    public var latest: (line: Int, at: Timestamp)? {
        // Without an array of the three: a reader asks this of every line it adds.
        var latest = records.last.map { (line: $0.line, at: $0.at) }
        if let figure = figures.last, figure.line > latest?.line ?? .min { latest = (figure.line, figure.at) }
        if let digest = digests.last, digest.line > latest?.line ?? .min { latest = (digest.line, digest.at) }
        return latest
    }

    /// How many lines of every kind it holds.
    public var count: Int { records.count + figures.count + digests.count }

    /// Everyone who made a line of any kind.
    public var authors: Set<String> { Set(records.map(\.by)).union(figures.map(\.by)).union(digests.map(\.by)) }

    /// This journal with `later`'s lines after its own: `later` continues it.
    public func followed(by later: Journal) -> Journal {
        Journal(records + later.records, figures: figures + later.figures, digests: digests + later.digests)
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
    /// The day its record speaks for, when not the day it was written (`Record.effective`).
    public let effective: Day?

    public init(text: String, by: String?, at: Timestamp?, effective: Day? = nil) {
        self.text = text
        self.by = by
        self.at = at
        self.effective = effective
    }

    /// The day it speaks for, as reports date it; nil for the plan file's own note.
    public var day: Day? { effective ?? at?.day }
}

extension Plan {
    /// The plan as it stood at the end of `day`: the plan file with every journal record that
    /// speaks for that day or one before (`Record.day`) applied in journal order. A record written under an id an output had before
    /// (`was:`) applies to that output; records about ids no output has are left to `unplaced(in:)`.
    ///
    /// Each pillar is folded apart from the others, and `runner` may fold them at once: a record
    /// changes one output, so the records of one pillar are applied to it in journal order.
    public func folded(with journal: Journal, through day: Day, runner: some PartRunner = OneByOne()) -> Plan {
        guard journal.records.contains(where: { $0.day <= day }) else { return self }
        let places = outputPlaces()
        let records = journal.records
        // Where each record's output sits, nil for one after `day` or about no output of the
        // plan, found a run of records at a time: a million look-ups of an id are a fold's largest part.
        let runs = runner.map((records.count + Self.recordsPerRun - 1) / Self.recordsPerRun) { run in
            // Each record read where it lies: mapping a slice of them copied every record whole.
            records.withUnsafeBufferPointer { records in
                (run * Self.recordsPerRun..<min(records.count, (run + 1) * Self.recordsPerRun)).map { index in
                    records[index].day <= day ? places[records[index].change.outputID] : nil
                }
            }
        }
        var plan = self
        plan.pillars = runner.map(pillars.count) { [pillars, calendar] p in
            var pillar = pillars[p]
            var dues = DueReader(calendar: calendar)
            // Records are borrowed in place, not copied one by one: a plan may have a million.
            records.withUnsafeBufferPointer { records in
                var index = records.startIndex
                for run in runs {
                    for place in run {
                        defer { index += 1 }
                        guard let place, place.pillar == p else { continue }
                        let revised = records[index].change.due.flatMap { try? dues.parse($0).get() }
                        pillar.objectives[place.objective].outputs[place.output].apply(records[index], revised: revised)
                    }
                }
            }
            return pillar
        }
        return plan
    }

    /// Records whose outputs are looked up together on one core.
    private static let recordsPerRun = 65_536

    /// Where each output sits, by its id and by every id it had before (`was:`), so each record
    /// goes straight to its output.
    private func outputPlaces() -> [String: OutputPlace] {
        var places: [String: OutputPlace] = [:]
        for (p, pillar) in pillars.enumerated() {
            for (o, objective) in pillar.objectives.enumerated() {
                for (i, output) in objective.outputs.enumerated() { places[output.id] = OutputPlace(pillar: p, objective: o, output: i) }
            }
        }
        forEachClaim { old, owner in if places[old] == nil { places[old] = places[owner] } }
        return places
    }
}

/// Where an output sits in a plan: its pillar, objective and place among the objective's
/// outputs, each from 0, kept small as a fold holds one for each record.
private struct OutputPlace: Sendable {
    private let indices: (pillar: Int32, objective: Int32, output: Int32)

    init(pillar: Int, objective: Int, output: Int) {
        indices = (Int32(truncatingIfNeeded: pillar), Int32(truncatingIfNeeded: objective), Int32(truncatingIfNeeded: output))
    }

    var pillar: Int { Int(indices.pillar) }
    var objective: Int { Int(indices.objective) }
    var output: Int { Int(indices.output) }
}

extension Output {
    /// Applies one journal record, whose revised date, if any, reads as `revised`. A revised
    /// date that no longer reads (it was valid when written) is skipped rather than guessed at.
    mutating func apply(_ record: Record, revised: Due?) {
        let change = record.change
        if let status = change.status { self.status = status }
        if let text = change.note { latestNote = Note(text: text, by: record.by, at: record.at, effective: record.effective) }
        if let revised {
            revision = Revision(original: revision?.original ?? due, by: record.by, at: record.at, reason: change.reason ?? "")
            due = revised
        }
        if let lead = change.lead { leads = lead }
        lastUpdate = max(lastUpdate ?? record.day, record.day)
    }

    /// The fields of an output that a record may change (`apply`, just above: the two change
    /// together): with the output as folded, all it takes to give back the output as it was before.
    public struct RecordedFields: Hashable, Sendable, Codable {
        let status: Status?
        let latestNote: Note?
        let revision: Revision?
        let due: Due
        let leads: [String]
        let lastUpdate: Day?
    }

    /// This output's fields that a record may change, as they stand.
    public var recordedFields: RecordedFields {
        RecordedFields(status: status, latestNote: latestNote, revision: revision, due: due, leads: leads, lastUpdate: lastUpdate)
    }

    /// This output with the fields that records change as they stand in `fields`: the output as
    /// written, from the output as folded and the written output's `recordedFields`.
    public func with(_ fields: RecordedFields) -> Output {
        var output = self
        output.status = fields.status
        output.latestNote = fields.latestNote
        output.revision = fields.revision
        output.due = fields.due
        output.leads = fields.leads
        output.lastUpdate = fields.lastUpdate
        return output
    }
}
