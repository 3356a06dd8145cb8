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

    /// The plan at `path` and, when it could be built, its journal as it now stands.
    public static func open(path: String) -> (plan: LoadedPlan, journal: LoadedJournal?) {
        let data: Data
        switch YAMLDocument.read(path) {
        case .success(let read): data = read
        case .failure(let diagnostic): return (LoadedPlan(path: path, plan: nil, diagnostics: [diagnostic]), nil)
        }
        let journalPath = JournalFile.path(forPlan: path)
        let cachePath = PlanCache.path(forPlan: path)
        let (key, found) = PlanCache.lookUp(cachePath, planBytes: data, planPath: path, journalPath: journalPath)

        if let key, let cached = found, let plan = cached.plan.plan, let journal = JournalFile.resume(cached.journal, plan: plan) {
            if journal.lines - cached.journal.lines >= linesBeforeRecaching {
                PlanCache.write(cachePath, key: key, plan: plan, diagnostics: cached.plan.diagnostics, journal: journal)
            }
            return (cached.plan, journal)
        }

        let loaded = PlanLoader.load(data: data, path: path)
        guard let plan = loaded.plan else { return (loaded, nil) }
        let journal = JournalFile.read(path: journalPath, plan: plan)
        if let key {
            PlanCache.write(cachePath, key: key, plan: plan, diagnostics: loaded.diagnostics, journal: journal)
        }
        return (loaded, journal)
    }
}
