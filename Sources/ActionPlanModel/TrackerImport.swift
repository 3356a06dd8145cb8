/// A tracker turned into a plan: the plan file's content, what to say in it about rows that did
/// not map, lead spellings merged for the coordinator to confirm, and the RAG and update columns
/// as the first journal records.
public struct TrackerImport: Sendable {
    public let plan: Plan
    /// Above the plan: rows not imported, and why.
    public let skipped: [String]
    /// Above an output (by id): what in its row could not be mapped, and why.
    public let notes: [String: [String]]
    /// Lead spellings taken for another agency's, to confirm.
    public let merges: [String]
    /// One change for each output with a RAG rating or an update, in plan order.
    public let changes: [Change]

    /// Builds the plan `title` from the rows of `table` below the header, read through `columns`.
    /// Pillar and objective cells left blank (or merged) take the value above, as trackers lay them out.
    public static func build(_ table: TrackerTable, columns: TrackerColumns, title: String, calendar: ReportingCalendar) -> TrackerImport {
        var rows: [Row] = []
        var skipped: [String] = []
        var pillar = "", objective = ""
        for row in table.rows where row.number > columns.headerRow.number && !row.isBlank {
            func cell(_ field: TrackerField) -> String { columns.fields[field].map(row.text) ?? "" }
            pillar = cell(.pillar).isEmpty ? pillar : cell(.pillar)
            objective = cell(.objective).isEmpty ? objective : cell(.objective)
            guard !cell(.action).isEmpty else {
                let column = columns.fields[.action].map(ColumnName.letters) ?? "?"
                skipped.append("\(table.source), row \(row.number): no action (column \(column) is empty); not imported")
                continue
            }
            rows.append(Row(number: row.number, pillar: pillar.isEmpty ? "Actions" : pillar,
                            objective: objective.isEmpty ? (pillar.isEmpty ? "Actions" : pillar) : objective,
                            id: cell(.id), action: cell(.action), leads: leads(cell(.lead)), due: cell(.due), rag: cell(.rag), update: cell(.update)))
        }
        var builder = Builder(source: table.source, columns: columns, calendar: calendar)
        let pillars = builder.pillars(rows)
        let agencies = TrackerAgencies(rows.map { ($0.number, $0.leads) })
        return TrackerImport(plan: Plan(title: title, calendar: calendar, register: agencies.register, pillars: pillars),
                             skipped: skipped, notes: builder.notes, merges: agencies.merges, changes: builder.changes)
    }

    /// The agencies a lead cell names: one a line, or separated by commas, semicolons or slashes.
    static func leads(_ cell: String) -> [String] {
        cell.split { ",;/\n".contains($0) }.map { String($0).trimmingWhitespace }.filter { !$0.isEmpty }
    }

    /// One action row as read.
    struct Row {
        let number: Int
        let pillar: String, objective: String
        let id: String, action: String
        let leads: [String]
        let due: String, rag: String, update: String
    }

    /// Numbers objectives and outputs, reads dates and ratings, and keeps what it could not map.
    struct Builder {
        let source: String
        let columns: TrackerColumns
        let calendar: ReportingCalendar
        var notes: [String: [String]] = [:]
        var changes: [Change] = []
        private var usedObjectiveIDs: Set<String> = []
        private var usedOutputIDs: [String: Int] = [:]

        init(source: String, columns: TrackerColumns, calendar: ReportingCalendar) {
            self.source = source
            self.columns = columns
            self.calendar = calendar
        }

        mutating func pillars(_ rows: [Row]) -> [Pillar] {
            // Pillars and objectives in the order they first appear.
            var pillarNames: [String] = []
            var objectives: [String: [String]] = [:]
            var rowsOf: [String: [Row]] = [:]
            for row in rows {
                if objectives[row.pillar] == nil { pillarNames.append(row.pillar) }
                let key = row.pillar + "\u{0}" + row.objective
                if rowsOf[key] == nil { objectives[row.pillar, default: []].append(row.objective) }
                rowsOf[key, default: []].append(row)
            }
            // An objective whose refs all share a stem ("2.1", "2.2") keeps it as its id; the rest are numbered after.
            var ids: [String: String] = [:]
            for (key, rows) in rowsOf {
                let stems = Set(rows.map(\.id).filter { !$0.isEmpty }.map(Self.stem))
                if stems.count == 1, let stem = stems.first, !stem.isEmpty, !usedObjectiveIDs.contains(stem) {
                    ids[key] = stem
                    usedObjectiveIDs.insert(stem)
                }
            }
            var next = 1
            return pillarNames.map { name in
                Pillar(name: name, objectives: (objectives[name] ?? []).map { text in
                    let key = name + "\u{0}" + text
                    let id = ids[key] ?? {
                        while usedObjectiveIDs.contains(String(next)) { next += 1 }
                        usedObjectiveIDs.insert(String(next))
                        return String(next)
                    }()
                    return Objective(id: id, text: text, outputs: outputs(rowsOf[key] ?? [], objective: id))
                })
            }
        }

        /// `2` for `2.1`; empty for a ref with no dot.
        static func stem(_ id: String) -> String {
            id.lastIndex(of: ".").map { String(id[..<$0]) } ?? ""
        }

        private mutating func outputs(_ rows: [Row], objective: String) -> [Output] {
            var next = 1
            return rows.map { row in
                var said: [String] = []
                var id = row.id
                if !id.isEmpty, let earlier = usedOutputIDs[id] {
                    said.append("row \(row.number): the ref '\(id)' is row \(earlier)'s already")
                    id = ""
                }
                if id.isEmpty {
                    while usedOutputIDs["\(objective).\(next)"] != nil { next += 1 }
                    id = "\(objective).\(next)"
                    if !said.isEmpty { said[said.count - 1] += "; numbered \(id) instead" }
                }
                usedOutputIDs[id] = row.number
                let due = self.due(row, said: &said)
                let status = self.status(row, said: &said)
                if status != nil || !row.update.isEmpty {
                    let note = row.update.isEmpty && status.map({ [.atRisk, .offTrack, .dropped].contains($0) }) == true
                        ? "Rated \(row.rag) in the tracker, with no update" : (row.update.isEmpty ? nil : row.update)
                    changes.append(Change(outputID: id, status: status, note: note))
                }
                if !said.isEmpty { notes[id] = said.map { "\(source), \($0)" } }
                return Output(id: id, text: row.action, leads: row.leads, due: due)
            }
        }

        /// The row's due date by the plan's own rules, or an Excel date's day; none, said, otherwise.
        private func due(_ row: Row, said: inout [String]) -> Due {
            guard !row.due.isEmpty else { return .none }
            switch Due.parse(row.due, calendar: calendar) {
            case .success(let due): return due
            case .failure(let problem):
                if let serial = Double(row.due), let day = Day(excelSerial: serial),
                   case .success(let due) = Due.parse(day.description, calendar: calendar) {
                    return due
                }
                let column = columns.fields[.due].map(ColumnName.letters) ?? "?"
                said.append("row \(row.number), column \(column): due left out: \(problem.message)")
                return .none
            }
        }

        /// The status a RAG cell means, or nil (said, when the cell holds something else).
        private func status(_ row: Row, said: inout [String]) -> Status? {
            guard !row.rag.isEmpty else { return nil }
            if let status = TrackerRAG.status(row.rag) { return status }
            let column = columns.fields[.rag].map(ColumnName.letters) ?? "?"
            said.append("row \(row.number), column \(column): RAG '\(row.rag)' is not R, A, G, complete or a status (\(TrackerRAG.written)); left unrated")
            return nil
        }
    }
}

/// What a tracker's RAG column says, as a status.
enum TrackerRAG {
    static let written = "on-track, at-risk, off-track, complete, dropped, not-started"

    static func status(_ cell: String) -> Status? {
        switch cell.trimmingWhitespace.lowercased() {
        case "g", "green": .onTrack
        case "a", "amber", "a/g", "ag": .atRisk
        case "r", "red", "a/r", "ar": .offTrack
        case "b", "blue", "c", "completed", "done": .complete
        default: Status(written: cell)
        }
    }
}

extension Day {
    /// The day an Excel serial date stands for (1 is 1 January 1900; Excel counts a 29 February
    /// 1900 that never was, so from 61 on day 0 is 30 December 1899); nil outside 1 to 2958465
    /// (31 December 9999) or for a fraction of a day before the first.
    public init?(excelSerial serial: Double) {
        guard serial.isFinite, serial >= 1, serial < 2_958_466 else { return nil }
        let whole = Int(serial.rounded(.down))
        guard whole != 60 else { return nil }
        // Days since 1970-01-01, then the civil date (Howard Hinnant's days_from_civil, inverted).
        let z = (whole < 60 ? whole + 1 : whole) - 25_569 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shifted = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shifted + 2) / 5 + 1
        let month = shifted < 10 ? shifted + 3 : shifted - 9
        self.init(year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month: month, day: day)
    }
}
