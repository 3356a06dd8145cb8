import ActionPlanModel
import Foundation

/// Opens a plan with its journal, as every command that shows or changes a plan does.
///
/// It uses the account's own cache of the plan when it was made from these plan bytes, reading only the journal lines appended since; otherwise it reads both files in full
/// and leaves a cache for next time. It then checks the journal against the head this account
/// last saw of it.
public enum PlanStore {
    /// How many journal lines may be read past the cache before it is brought up to date: a few
    /// are cheap to read as JSON on each start, many are not.
    static let linesBeforeRecaching = 1_000

    /// The largest plan file parsed while its journal is read. 100,000 outputs take 51 MB: with
    /// the composer's small tree, a cold `summary` of them with a journal of a million lines
    /// peaked at 903-907 MB parsed beside the journal, 883-889 MB parsed first (the peak comes
    /// later, as the plan is folded and cached); Yams's tree beside that journal would pass 1 GiB.
    static let largestPlanReadBesideItsJournal = 64 << 20

    /// The plan at `path` and, when it could be built, its journal as it now stands and the plan
    /// folded with all of it. `folders` are the account's own cache and state folders; `caching`
    /// says whether a cache to leave is written before this returns or while the caller goes on.
    public static func open(path: String, folders: AccountFolders = .running(), caching: CacheWriting = .beforeReturning) -> OpenedPlan {
        let fd: Int32
        switch YAMLDocument.openFile(path) {
        case .success(let opened): fd = opened
        case .failure(let diagnostic): return OpenedPlan(loaded: LoadedPlan(path: path, plan: nil, diagnostics: [diagnostic]))
        }
        defer { close(fd) }
        let journalPath = JournalFile.path(forPlan: path)
        let resolvedJournal = PrivateFolder.resolved(journalPath) ?? journalPath
        // Where this plan's cache lives, when the plan's path resolves and the account has a cache folder.
        let place = folders.cache.flatMap { folder in
            PrivateFolder.resolved(path).map { (folder: folder, name: PlanCache.name(forPlan: $0)) }
        }
        // Only the plan's digest is needed to use a cache: its bytes are read when there is none.
        let found = place.flatMap { PrivateFolder.map($0.name, in: $0.folder) }.flatMap {
            PlanCache.lookUp($0, plan: fd, journal: resolvedJournal, planPath: path, journalPath: journalPath)
        }

        // Lines appended to the journal are checked against the plan's calendar, which folding leaves as it is.
        if case let (key, cached)? = found, let journal = JournalFile.resume(cached.journal, plan: cached.current),
           // Only what was appended since the cache was made is folded now, unless a line
           // appended broke the chain and so took out the last record the cache had folded.
           let current = journal.appended(since: cached.journal).map({ cached.current.folded(with: $0, through: .allRecords, runner: EveryCore()) })
               ?? cached.plan.plan?.folded(with: journal.journal, through: .allRecords, runner: EveryCore()) {
            // The plan as written is made for that, and only then.
            if let place, journal.lines - cached.journal.lines >= linesBeforeRecaching, let plan = cached.plan.plan {
                caching.run { PlanCache.write(place.name, in: place.folder, key: key, plan: plan, diagnostics: cached.plan.diagnostics, journal: journal, current: current) }
            }
            return OpenedPlan(loaded: cached.plan, journal: journal, current: current, usedCache: true,
                              headWarning: SeenHeads.see(journal, plan: path, folders: folders))
        }

        // The cache is keyed by the bytes parsed, whatever the file held when it was hashed above.
        let data = FileBytes.data(fd)
        let (loaded, read) = readInFull(data, path: path, journalPath: journalPath)
        guard let plan = loaded.plan, let journal = read else { return OpenedPlan(loaded: loaded) }
        let current = plan.folded(with: journal.journal, through: .allRecords, runner: EveryCore())
        // A journal that could not be read is no state to remember.
        if let place, journal.presence != .unreadable {
            let key = PlanCache.key(planBytes: data, journal: resolvedJournal)
            caching.run { PlanCache.write(place.name, in: place.folder, key: key, plan: plan, diagnostics: loaded.diagnostics, journal: journal, current: current) }
        }
        return OpenedPlan(loaded: loaded, journal: journal, current: current, headWarning: SeenHeads.see(journal, plan: path, folders: folders))
    }

    /// The plan parsed from `data` and, when it could be built, its journal read in full.
    ///
    /// The journal is read, decoded and checked on the other core while the plan's YAML is parsed
    /// on this one; only its revised dates wait for the plan's calendar. A plan too large for its YAML tree and the
    /// journal's bytes to be held at once within 1 GiB is read first. The journal's bytes and
    /// decoded lines are let go on return, before the plan is folded and the cache written: at a
    /// million lines they are half a gigabyte.
    private static func readInFull(_ data: Data, path: String, journalPath: String) -> (LoadedPlan, LoadedJournal?) {
        guard data.count <= largestPlanReadBesideItsJournal else {
            let loaded = PlanLoader.load(data: data, path: path)
            return (loaded, loaded.plan.map { JournalFile.read(path: journalPath, plan: $0) })
        }
        let (loaded, checked) = concurrently({ PlanLoader.load(data: data, path: path) }, { JournalFile.read(path: journalPath).checkedAhead() })
        return (loaded, loaded.plan.map { checked.loaded(plan: $0) })
    }
}

/// When a start that leaves a cache for next time writes it.
public enum CacheWriting: Sendable {
    /// Before `PlanStore.open` returns.
    case beforeReturning
    /// On the other core while the caller goes on to show the plan, and waited for before the
    /// process exits (`Unfinished`): a one-shot command's output need not wait for it.
    case alongside

    fileprivate func run(_ write: @escaping @Sendable () -> Void) {
        switch self {
        case .beforeReturning: write()
        case .alongside: Unfinished.start(write)
        }
    }
}

/// A plan as opened: the file as read, and when it could be built, its journal and the plan
/// folded with every record in it.
public struct OpenedPlan: Sendable {
    public let loaded: LoadedPlan
    public let journal: LoadedJournal?
    /// What most commands show: the plan as it stands after every record so far.
    public let current: Plan?
    /// Whether the account's cache was read rather than the plan parsed and the journal read in full.
    public let usedCache: Bool
    /// Set when the journal no longer holds the head this account last saw of it.
    public let headWarning: HeadWarning?

    init(loaded: LoadedPlan, journal: LoadedJournal? = nil, current: Plan? = nil, usedCache: Bool = false, headWarning: HeadWarning? = nil) {
        self.loaded = loaded
        self.journal = journal
        self.current = current
        self.usedCache = usedCache
        self.headWarning = headWarning
    }
}
