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
        string(output.due.written)
        switch output.due.meaning {
        case .by(let period):
            int(0)
            self.period(period)
        case .ongoing: int(1)
        case .undated: int(2)
        }
        strings(output.measures)
        strings(output.outcomes)
        optional(output.status) { $0.string($1.rawValue) }
        optional(output.note) { $0.string($1) }
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
        day(record.at.day)
        int(record.at.second)
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
        let written = try string()
        let meaning: Due.Meaning
        switch try int() {
        case 0: meaning = .by(try period())
        case 1: meaning = .ongoing
        case 2: meaning = .undated
        default: throw CacheUnreadable()
        }
        return Output(id: id, text: text, leads: leads, due: Due(written: written, meaning: meaning), measures: try strings(),
                      outcomes: try strings(), status: try optional { reader throws(CacheUnreadable) in try reader.status() },
                      note: try optional { reader throws(CacheUnreadable) in try reader.string() })
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
        guard let at = Timestamp(day: try day(), second: try int()) else { throw CacheUnreadable() }
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
