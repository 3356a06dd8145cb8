import ActionPlanModel
import Foundation

/// Opens a plan with its journal, as every command that shows or changes a plan does.
///
/// It uses the cache beside the plan when the cache was made from these plan bytes by this
/// build, reading only the journal lines appended since; otherwise it reads both files in full
/// and leaves a cache for next time.
public enum PlanStore {
    /// How many journal lines may be read past the cache before it is brought up to date: a few
    /// are cheap to read as JSON on each start, many are not.
    static let linesBeforeRecaching = 1_000

    /// The plan at `path` and, when it could be built, its journal as it now stands and the plan
    /// folded with all of it.
    public static func open(path: String) -> OpenedPlan {
        let data: Data
        switch YAMLDocument.read(path) {
        case .success(let read): data = read
        case .failure(let diagnostic): return OpenedPlan(loaded: LoadedPlan(path: path, plan: nil, diagnostics: [diagnostic]))
        }
        let journalPath = JournalFile.path(forPlan: path)
        let cachePath = PlanCache.path(forPlan: path)
        let (key, found) = PlanCache.lookUp(cachePath, planBytes: data, planPath: path, journalPath: journalPath)

        if let key, let cached = found, let plan = cached.plan.plan, let journal = JournalFile.resume(cached.journal, plan: plan) {
            // Only what was appended since the cache was made is folded now.
            let appended = Journal(Array(journal.journal.records.dropFirst(cached.journal.journal.records.count)))
            let current = cached.current.folded(with: appended, through: .last(ofMonth: 12, year: 9999))
            if journal.lines - cached.journal.lines >= linesBeforeRecaching {
                PlanCache.write(cachePath, key: key, plan: plan, diagnostics: cached.plan.diagnostics, journal: journal, current: current)
            }
            return OpenedPlan(loaded: cached.plan, journal: journal, current: current)
        }

        let loaded = PlanLoader.load(data: data, path: path)
        guard let plan = loaded.plan else { return OpenedPlan(loaded: loaded) }
        let journal = JournalFile.read(path: journalPath, plan: plan)
        let current = plan.folded(with: journal.journal, through: .last(ofMonth: 12, year: 9999))
        // A journal that could not be read is no state to remember.
        if let key, journal.presence != .unreadable {
            PlanCache.write(cachePath, key: key, plan: plan, diagnostics: loaded.diagnostics, journal: journal, current: current)
        }
        return OpenedPlan(loaded: loaded, journal: journal, current: current)
    }
}

/// A plan as opened: the file as read, and when it could be built, its journal and the plan
/// folded with every record in it.
public struct OpenedPlan: Sendable {
    public let loaded: LoadedPlan
    public let journal: LoadedJournal?
    /// What most commands show: the plan as it stands after every record so far.
    public let current: Plan?

    init(loaded: LoadedPlan, journal: LoadedJournal? = nil, current: Plan? = nil) {
        self.loaded = loaded
        self.journal = journal
        self.current = current
    }
}
