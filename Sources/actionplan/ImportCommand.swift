import ActionPlanFormat
import ActionPlanModel
import ActionPlanStore
import ActionPlanWorkbook
import ArgumentParser
import Foundation

/// `actionplan import TRACKER -o plans/NEW.yaml`: a plan made from the spreadsheet a partnership
/// already keeps, one row per action, with its RAG and update columns as the first records.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Make a plan file from a tracker spreadsheet (.xlsx or .csv), one row per action.",
        discussion: """
            The columns are guessed from the headers (Pillar, Objective, Ref, Action, Lead, Due, RAG,
            Update) and said back; --map overrides a guess. RAG and Update become the first journal
            records, speaking for the tracker's date (--dated, else the day the file was last
            modified). See docs/import.md.
            """
    )

    @Argument(help: ArgumentHelp("The tracker: an .xlsx workbook or a .csv file.", valueName: "tracker"))
    var tracker: String

    @Option(help: "The sheet to read (default: the first with a header row).")
    var sheet: String?

    @Option(name: .customLong("map"), help: ArgumentHelp("Which column holds a field: its letter or header, '=', and one of \(TrackerColumns.fieldNames).", valueName: "column=field"))
    var maps: [String] = []

    @Option(name: .shortAndLong, help: ArgumentHelp("The plan file to write (never over an existing file).", valueName: "plan.yaml"))
    var output: String

    @Option(help: "The plan's title (default: the tracker's file name).")
    var title: String?

    @Option(name: .customLong("year-starts"), help: ArgumentHelp("The month the reporting year starts.", valueName: "month"))
    var yearStarts = "April"

    @Option(help: ArgumentHelp("The day the tracker's RAG and updates speak for, as a plan writes dates ('31 March 2016', 'Q4 2015/16': its last day) (default: the day the file was last modified).", valueName: "date"))
    var dated: String?

    @OptionGroup var acting: ActingOption

    func validate() throws {
        _ = try mappings()
        guard output.hasSuffix(".yaml") || output.hasSuffix(".yml") else {
            throw ValidationError("-o \(output): a plan file ends in .yaml (its journal goes beside it)")
        }
        guard Month.number(named: yearStarts) != nil else { throw ValidationError("--year-starts \(yearStarts): give a month, such as April") }
    }

    /// The `--map` options as columns and fields.
    private func mappings() throws -> [TrackerColumns.Mapping] {
        try maps.map { written in
            let parts = written.split(separator: "=", maxSplits: 1).map { String($0).trimmingWhitespace }
            guard parts.count == 2, !parts[0].isEmpty else { throw ValidationError("--map \(written): write COLUMN=FIELD, such as --map C=action") }
            guard let field = TrackerField(rawValue: parts[1].lowercased()) else {
                let hint = Suggestion.nearest(to: parts[1], among: TrackerField.allCases.map(\.rawValue)).map { "; did you mean '\($0)'?" } ?? ""
                throw ValidationError("--map \(written): no field '\(parts[1])' (fields: \(TrackerColumns.fieldNames))\(hint)")
            }
            return (parts[0], field)
        }
    }

    func run() throws {
        let mappings = try mappings()
        let calendar = ReportingCalendar(firstMonth: Month.number(named: yearStarts) ?? 4)
        let read: (table: TrackerTable, sheets: [String])
        switch TrackerFile.read(path: tracker, sheet: sheet, mappings: mappings) {
        case .success(let found): read = found
        case .failure(let problem): throw CommandFailure.refused(TerminalText.safe(problem.message))
        }
        let columns: TrackerColumns
        switch TrackerColumns.find(in: read.table, mappings: mappings) {
        case .success(let found): columns = found
        case .failure(let problem):
            let cell = problem.column.map { ", column \(ColumnName.letters($0))" } ?? ""
            throw CommandFailure.refused(TerminalText.safe("\(read.table.source), row \(problem.row)\(cell): \(problem.message)"))
        }
        let day = try trackerDay(calendar: calendar)
        let name = URL(fileURLWithPath: tracker).deletingPathExtension().lastPathComponent
        let imported = TrackerImport.build(read.table, columns: columns, title: title ?? name, calendar: calendar)

        var said = ["read \(read.table.source)" + (read.sheets.count > 1 ? " (of sheets \(read.sheets.joined(separator: ", ")); --sheet for another)" : "")
                    + ": headers on row \(columns.headerRow.number); columns:"]
        said += columns.said.map { "  " + $0 }
        said += imported.merges.map { "lead " + $0 }
        said += imported.skipped
        said += imported.notes.keys.sorted().flatMap { imported.notes[$0] ?? [] }
        Console.out(TerminalText.safe(said.joined(separator: "\n"), keepingLines: true))

        let header = ["Imported by actionplan from \(read.table.source) (headers on row \(columns.headerRow.number)), speaking for \(day.description)."]
            + columns.said.map { "  column " + $0 } + imported.merges.map { "Lead " + $0 } + imported.skipped
        guard let text = PlanYAML.text(imported.plan, comments: header, notes: imported.notes) else {
            throw CommandFailure.refused("the plan could not be written as YAML")
        }
        if let problem = SafeFile.create(output, bytes: Array(text.utf8)) { throw CommandFailure.refused("not written: \(TerminalText.safe(problem.message))") }
        let outputs = imported.plan.entries.count
        let counts: [(Int, String, String)] = [(imported.plan.pillars.count, "pillar", "pillars"), (outputs, "output", "outputs"),
                                               (imported.plan.register.agencies.count, "agency", "agencies")]
        let tally: [String] = counts.map { count, one, many in "\(count) \(count == 1 ? one : many)" }
        Console.out("wrote \(TerminalText.safe(output)): " + tally.joined(separator: ", "))
        try record(imported.changes, for: day)
    }

    /// Records the tracker's RAG ratings and updates as the plan's first journal records, by the
    /// importing account, speaking for `day`.
    private func record(_ changes: [Change], for day: Day) throws {
        guard !changes.isEmpty else { return }
        let state = try PlanState.load(output)
        let (access, who) = try acting.identify(in: state)
        var known = state.loadedJournal
        var lines: [Int] = []
        for (done, change) in changes.enumerated() {
            do {
                let written = try JournalWriter.append(change, planPath: state.path, plan: state.plan, access: access, account: who,
                                                       basis: .knowingly, now: Clock.now(), effective: day, known: known)
                known = written.journal
                lines.append(written.record.line)
            } catch {
                throw CommandFailure.refused("the plan is written, but the tracker's rating for \(TerminalText.safe(change.outputID)) was not recorded: \(TerminalText.safe(error.message)); "
                    + "\(done) of \(changes.count) were; record the rest with 'actionplan update'")
            }
        }
        Console.out("recorded \(changes.count) ratings and updates from the tracker as lines \(lines.first ?? 0) to \(lines.last ?? 0) of \(TerminalText.safe(JournalFile.path(forPlan: state.path))), by \(TerminalText.safe(who)), for \(day.description)")
    }

    /// The day the tracker speaks for: `--dated`'s last day, else the day the file was last
    /// modified; never after today.
    private func trackerDay(calendar: ReportingCalendar) throws -> Day {
        let today = Clock.today()
        let day: Day
        if let dated {
            guard let period = Period.parse(dated, calendar: calendar) else {
                throw CommandFailure.mistyped("--dated \(TerminalText.safe(dated)): not a date as a plan writes one, such as '2016-03-31', 'March 2016' or 'Q4 2015/16'")
            }
            day = period.last
        } else {
            var info = stat()
            guard lstat(tracker, &info) == 0 else { throw CommandFailure.refused("\(TerminalText.safe(tracker)): \(String(cString: strerror(errno)))") }
            let parts = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC") ?? .current,
                                                                         from: Date(timeIntervalSince1970: TimeInterval(info.st_mtim.tv_sec)))
            day = Day(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1) ?? today
        }
        guard day <= today else {
            throw CommandFailure.mistyped("the tracker's date, \(day), is after today: its ratings cannot speak for a day to come; give --dated DATE")
        }
        return day
    }
}
