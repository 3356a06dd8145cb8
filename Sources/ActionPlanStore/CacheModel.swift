import ActionPlanModel

/// How each model value is laid out in the load cache, and read back through the model's own
/// initialisers, so a cached plan is built exactly as a parsed one is.
extension CacheWriter {
    mutating func plan(_ plan: Plan) {
        string(plan.title)
        optional(plan.partnership) { $0.string($1) }
        optional(plan.starts) { $0.period($1) }
        optional(plan.ends) { $0.period($1) }
        int(plan.calendar.firstMonth)
        string(plan.overdueRAG.rawValue)
        array(plan.register.agencies) { writer, agency in
            writer.string(agency.name)
            writer.optional(agency.short) { $0.string($1) }
            writer.strings(agency.aliases)
        }
        array(plan.pillars) { writer, pillar in
            writer.string(pillar.name)
            writer.string(pillar.aim)
            writer.array(pillar.objectives) { writer, objective in
                writer.string(objective.id)
                writer.string(objective.text)
                writer.strings(objective.outcomes)
                writer.array(objective.outputs) { $0.output($1) }
            }
        }
    }

    private mutating func output(_ output: Output) {
        string(output.id)
        string(output.text)
        strings(output.leads)
        due(output.due)
        strings(output.measures)
        strings(output.outcomes)
        optional(output.status) { $0.string($1.rawValue) }
        optional(output.note) { $0.string($1) }
    }

    private mutating func due(_ due: Due) {
        string(due.written)
        switch due.meaning {
        case .by(let period):
            int(0)
            self.period(period)
        case .ongoing: int(1)
        case .undated: int(2)
        }
    }

    /// What the journal made of each output it touched, where that output sits: enough to give
    /// the folded plan from the plan as written without folding every record again.
    mutating func folded(_ current: Plan) {
        var touched: [(place: [Int], output: Output)] = []
        for (p, pillar) in current.pillars.enumerated() {
            for (o, objective) in pillar.objectives.enumerated() {
                for (i, output) in objective.outputs.enumerated() where output.lastRecord != nil {
                    touched.append(([p, o, i], output))
                }
            }
        }
        array(touched) { writer, entry in
            entry.place.forEach { writer.int($0) }
            let output = entry.output
            writer.optional(output.status) { $0.string($1.rawValue) }
            writer.strings(output.leads)
            writer.due(output.due)
            writer.optional(output.latestNote) { writer, note in
                writer.string(note.text)
                writer.optional(note.by) { $0.string($1) }
                writer.optional(note.at) { $0.timestamp($1) }
            }
            writer.optional(output.revision) { writer, revision in
                writer.due(revision.original)
                writer.string(revision.by)
                writer.timestamp(revision.at)
                writer.string(revision.reason)
            }
            writer.optional(output.lastRecord) { $0.timestamp($1) }
        }
    }

    private mutating func timestamp(_ time: Timestamp) {
        day(time.day)
        int(time.second)
    }

    private mutating func period(_ period: Period) {
        day(period.first)
        day(period.last)
    }

    private mutating func day(_ day: Day) {
        int(day.year)
        int(day.month)
        int(day.day)
    }

    mutating func record(_ record: Record) {
        int(record.line)
        timestamp(record.at)
        string(record.by)
        let change = record.change
        string(change.outputID)
        optional(change.status) { $0.string($1.rawValue) }
        optional(change.note) { $0.string($1) }
        optional(change.due) { $0.string($1) }
        optional(change.reason) { $0.string($1) }
        optional(change.lead) { $0.strings($1) }
    }

    /// A diagnostic without its file name, which is given again on reading: the same plan may be
    /// named by another path next time.
    mutating func diagnostic(_ diagnostic: Diagnostic) {
        string(diagnostic.severity.rawValue)
        int(diagnostic.location.line)
        int(diagnostic.location.column)
        string(diagnostic.message)
        optional(diagnostic.excerpt) { $0.string($1) }
    }
}

extension CacheReader {
    mutating func plan() throws(CacheUnreadable) -> Plan {
        let title = try string()
        let partnership = try optional { reader throws(CacheUnreadable) in try reader.string() }
        let starts = try optional { reader throws(CacheUnreadable) in try reader.period() }
        let ends = try optional { reader throws(CacheUnreadable) in try reader.period() }
        let calendar = ReportingCalendar(firstMonth: try int())
        guard let overdueRAG = OverdueRAG(rawValue: try string()) else { throw CacheUnreadable() }
        let agencies = try array { reader throws(CacheUnreadable) in
            Agency(name: try reader.string(), short: try reader.optional { reader throws(CacheUnreadable) in try reader.string() },
                   aliases: try reader.strings())
        }
        let pillars = try array { reader throws(CacheUnreadable) in
            Pillar(name: try reader.string(), aim: try reader.string(), objectives: try reader.array { reader throws(CacheUnreadable) in
                Objective(id: try reader.string(), text: try reader.string(), outcomes: try reader.strings(),
                          outputs: try reader.array { reader throws(CacheUnreadable) in try reader.output() })
            })
        }
        return Plan(title: title, partnership: partnership, starts: starts, ends: ends, calendar: calendar,
                    overdueRAG: overdueRAG, register: AgencyRegister(agencies), pillars: pillars)
    }

    private mutating func output() throws(CacheUnreadable) -> Output {
        let id = try string()
        let text = try string()
        let leads = try strings()
        return Output(id: id, text: text, leads: leads, due: try due(), measures: try strings(),
                      outcomes: try strings(), status: try optional { reader throws(CacheUnreadable) in try reader.status() },
                      note: try optional { reader throws(CacheUnreadable) in try reader.string() })
    }

    private mutating func due() throws(CacheUnreadable) -> Due {
        let written = try string()
        switch try int() {
        case 0: return Due(written: written, meaning: .by(try period()))
        case 1: return Due(written: written, meaning: .ongoing)
        case 2: return Due(written: written, meaning: .undated)
        default: throw CacheUnreadable()
        }
    }

    /// What `CacheWriter.folded` wrote: each touched output's place and what the journal made of it.
    mutating func folded() throws(CacheUnreadable) -> [FoldedOutput] {
        try array { reader throws(CacheUnreadable) in
            let place = [try reader.int(), try reader.int(), try reader.int()]
            let status = try reader.optional { reader throws(CacheUnreadable) in try reader.status() }
            let leads = try reader.strings()
            let due = try reader.due()
            let note = try reader.optional { reader throws(CacheUnreadable) in
                Note(text: try reader.string(), by: try reader.optional { reader throws(CacheUnreadable) in try reader.string() },
                     at: try reader.optional { reader throws(CacheUnreadable) in try reader.timestamp() })
            }
            let revision = try reader.optional { reader throws(CacheUnreadable) in
                Revision(original: try reader.due(), by: try reader.string(), at: try reader.timestamp(), reason: try reader.string())
            }
            let lastRecord = try reader.optional { reader throws(CacheUnreadable) in try reader.timestamp() }
            return FoldedOutput(place: place, status: status, leads: leads, due: due, latestNote: note, revision: revision, lastRecord: lastRecord)
        }
    }

    private mutating func timestamp() throws(CacheUnreadable) -> Timestamp {
        guard let time = Timestamp(day: try day(), second: try int()) else { throw CacheUnreadable() }
        return time
    }

    private mutating func status() throws(CacheUnreadable) -> Status {
        guard let status = Status(rawValue: try string()) else { throw CacheUnreadable() }
        return status
    }

    private mutating func period() throws(CacheUnreadable) -> Period {
        Period(first: try day(), last: try day())
    }

    private mutating func day() throws(CacheUnreadable) -> Day {
        guard let day = Day(year: try int(), month: try int(), day: try int()) else { throw CacheUnreadable() }
        return day
    }

    mutating func record() throws(CacheUnreadable) -> Record {
        let line = try int()
        let at = try timestamp()
        let by = try string()
        let change = Change(
            outputID: try string(), status: try optional { reader throws(CacheUnreadable) in try reader.status() },
            note: try optional { reader throws(CacheUnreadable) in try reader.string() },
            due: try optional { reader throws(CacheUnreadable) in try reader.string() },
            reason: try optional { reader throws(CacheUnreadable) in try reader.string() },
            lead: try optional { reader throws(CacheUnreadable) in try reader.strings() })
        return Record(line: line, at: at, by: by, change: change)
    }

    mutating func diagnostic(file: String) throws(CacheUnreadable) -> Diagnostic {
        guard let severity = Diagnostic.Severity(rawValue: try string()) else { throw CacheUnreadable() }
        let location = SourceLocation(file: file, line: try int(), column: try int())
        return Diagnostic(severity, at: location, try string(), excerpt: try optional { reader throws(CacheUnreadable) in try reader.string() })
    }
}

/// What the journal made of one output, and where the output sits in the plan.
struct FoldedOutput: Sendable {
    /// Pillar, objective and output, each counted from 0.
    let place: [Int]
    let status: Status?
    let leads: [String]
    let due: Due
    let latestNote: Note?
    let revision: Revision?
    let lastRecord: Timestamp?
}

extension Plan {
    /// The plan with each output `folded` names as the journal left it, or nil when a place is
    /// not in this plan.
    func overlaid(with folded: [FoldedOutput]) -> Plan? {
        var plan = self
        for output in folded {
            let (p, o, i) = (output.place[0], output.place[1], output.place[2])
            guard plan.pillars.indices.contains(p), plan.pillars[p].objectives.indices.contains(o),
                  plan.pillars[p].objectives[o].outputs.indices.contains(i) else { return nil }
            plan.pillars[p].objectives[o].outputs[i].status = output.status
            plan.pillars[p].objectives[o].outputs[i].leads = output.leads
            plan.pillars[p].objectives[o].outputs[i].due = output.due
            plan.pillars[p].objectives[o].outputs[i].latestNote = output.latestNote
            plan.pillars[p].objectives[o].outputs[i].revision = output.revision
            plan.pillars[p].objectives[o].outputs[i].lastRecord = output.lastRecord
        }
        return plan
    }
}
