import ActionPlanFormat
import ActionPlanModel
import ActionPlanStore
import ActionPlanTUI
import Foundation

/// What the runtime needs to perform the TUI's effects: where the plan is and who is writing (the
/// access rules are read afresh for each write).
public struct Session: Sendable {
    public let planPath: String
    /// As written in the plan file.
    public let plan: Plan
    public let account: String
    public var journal: LoadedJournal
    /// Where the writer remembers the journal head it wrote.
    public let folders: AccountFolders
    /// What a long note is written in.
    public let editor: Editor

    public init(planPath: String, plan: Plan, account: String, journal: LoadedJournal, folders: AccountFolders = .running(),
                editor: Editor = .fromEnvironment()) {
        self.planPath = planPath
        self.plan = plan
        self.account = account
        self.journal = journal
        self.folders = folders
        self.editor = editor
    }
}

/// The small loop around `update`: draw, wait for a key or the poll interval, feed events to
/// `update`, perform the effects it returns, and notice when another session wrote the journal.
public enum Runtime {
    /// Runs until the user quits or a signal arrives, then gives the terminal back; returns the
    /// process's exit status, or why the interface could not start.
    public static func run(_ initial: TUIState, session: Session) -> Result<Int32, TerminalError> {
        let terminal: Terminal
        do {
            terminal = try Terminal()
        } catch {
            return .failure(error)
        }
        defer { terminal.close() }
        return .success(run(initial, session: session, on: terminal))
    }

    /// The loop itself, on any backend: until the user quits or a signal arrives; returns the
    /// process's exit status.
    public static func run(_ initial: TUIState, session initialSession: Session, on terminal: some Backend) -> Int32 {
        var state = initial
        var session = initialSession
        _ = update(&state, .resize(width: terminal.size.width, height: terminal.size.height))
        // Only events change the state, so a pass with none (the idle poll) draws nothing.
        var changed = true
        while true {
            if changed { terminal.draw(render(state)) }
            var events: [Event] = []
            switch terminal.read() {
            case .signal(let signal):
                // An unsent form is simply dropped: nothing reaches the journal half-made.
                return 128 + signal
            case .key(let key):
                events.append(.key(key))
            case .paste(let text):
                events.append(.paste(text))
            case .resize(let width, let height):
                events.append(.resize(width: width, height: height))
            case .idle:
                break
            }
            // Each pass also looks for what other sessions appended, so the screen follows them.
            let latest = JournalFile.refresh(session.journal, plan: session.plan)
            if latest.length != session.journal.length || latest.tornBytes != session.journal.tornBytes {
                session.journal = latest
                events.append(.journalChanged(latest.journal))
            }
            changed = !events.isEmpty
            while !events.isEmpty {
                let event = events.removeFirst()
                for effect in update(&state, event) {
                    switch effect {
                    case .quit:
                        return 0
                    case .redraw:
                        terminal.redraw()
                    case .write(let change, let seen):
                        events += write(change, seen: seen, effective: state.recordsSpeakFor, session: &session)
                    case .recordFigure(let figure):
                        events += record(figure, session: &session)
                    case .export(let quarter, let day, let replacing):
                        events.append(export(quarter, asOf: day, replacing: replacing, session: session))
                    case .edit(let field, let text):
                        let edited = terminal.suspended { session.editor.edit(text) }
                        events.append(.edited(field, edited))
                    case .saveMinutes(let text, let quarter):
                        events.append(saveMinutes(text, quarter: quarter, session: session))
                    }
                }
            }
        }
    }

    /// Saves the quarter's report as HTML in `reports/` beside the plan, over one saved before
    /// only when `replacing`; the event that says where, or that one is there already.
    private static func export(_ quarter: Quarter, asOf day: Day, replacing: Bool, session: Session) -> Event {
        let path = ReportFile.defaultPath(forPlan: session.planPath, quarter: quarter, fileExtension: ReportFormat.html.rawValue)
        if !replacing, FileManager.default.fileExists(atPath: path) { return .reportExists(quarter, path: path) }
        let report = QuarterReport(plan: session.plan, journal: session.journal.journal, period: .quarter(quarter), asOf: day,
                                   generated: .init(at: Clock.now(), by: session.account, journalHead: session.journal.head))
        do {
            try ReportFile.write(ReportHTML.render(report), to: path, creatingFolder: true)
            return .exported(quarter, .success(path))
        } catch {
            return .exported(quarter, .failure(ExportFailure(message: error.message)))
        }
    }

    /// Saves a review meeting's minutes beside the quarter's report; the event that says where.
    private static func saveMinutes(_ text: String, quarter: Quarter, session: Session) -> Event {
        do {
            return .minutesSaved(.success(try MinutesFile.save(text, forPlan: session.planPath, quarter: quarter)))
        } catch {
            return .minutesSaved(.failure(ExportFailure(message: error.message)))
        }
    }

    /// Records a change through the shared write path, speaking for `effective` when that is
    /// given (a meeting on a past quarter); the events that report how it went.
    private static func write(_ change: Change, seen: Int?, effective: Day?, session: inout Session) -> [Event] {
        let (rights, result) = append(.output(change), basis: seen.map { .saw($0) } ?? .knowingly, effective: effective, session: &session)
        switch result {
        case .success(let written):
            let record = Record(line: written.line, at: written.at, by: session.account, change: change, effective: written.effective)
            return [.rightsRead(rights), .journalChanged(session.journal.journal), .written(.success(record))]
        case .failure(let refusal):
            guard case .conflict = refusal else { return [.rightsRead(rights), .written(.failure(WriteFailure(message: refusal.message, isConflict: false)))] }
            session.journal = JournalFile.refresh(session.journal, plan: session.plan)
            return [.rightsRead(rights), .journalChanged(session.journal.journal),
                    .written(.failure(WriteFailure(message: refusal.message(wording: Form.wording), isConflict: true)))]
        }
    }

    /// Records a figure through the same write path; the events that report how it went.
    private static func record(_ figure: Figure, session: inout Session) -> [Event] {
        let (rights, result) = append(.indicator(figure), basis: .knowingly, session: &session)
        switch result {
        case .success(let written):
            let record = FigureRecord(line: written.line, at: written.at, by: session.account, figure: figure)
            return [.rightsRead(rights), .journalChanged(session.journal.journal), .figureRecorded(.success(record))]
        case .failure(let refusal):
            return [.rightsRead(rights), .figureRecorded(.failure(WriteFailure(message: refusal.message, isConflict: false)))]
        }
    }

    /// Appends `entry` through `JournalWriter`, the one write path, keeping the session's journal
    /// as it then stands. The access rules are read again for each write, so a session that stays
    /// open obeys them as they are now, and stops writing when they can no longer be trusted.
    /// Also gives the rights as read, so the screen says what the account may now do.
    private static func append(_ entry: Entry, basis: JournalWriter.Basis, effective: Day? = nil, session: inout Session)
        -> (Rights, Result<(line: Int, at: Timestamp, effective: Day?), WriteRefusal>) {
        let access: Access
        switch AccessFile.rules(forPlan: session.planPath, journal: session.journal.journal) {
        case .success(let rules): access = rules
        case .failure(let problem): return (.refused(problem.message), .failure(.notAllowed(problem.message)))
        }
        // The officer a service account acts for stays theirs only while the rules name that account.
        let running = Identity.account()
        if case .failure(let problem) = Identity.resolve(asked: session.account == running ? nil : session.account, access: access) {
            return (.refused(problem.message), .failure(.notAllowed(problem.message)))
        }
        do {
            let written = try JournalWriter.append(entry, planPath: session.planPath, plan: session.plan, access: access,
                                                   account: session.account, basis: basis, now: Clock.now(), effective: effective,
                                                   known: session.journal)
            session.journal = written.journal
            // The writer has seen its own record: a history cut back past it is then noticed too.
            _ = SeenHeads.see(written.journal, plan: session.planPath, folders: session.folders)
            return (.rules(access), .success((written.line, written.at, written.effective)))
        } catch {
            return (.rules(access), .failure(error))
        }
    }
}
