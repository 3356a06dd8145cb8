import ActionPlanModel

/// The plan years a rolled-over plan follows, read from disk, for its outputs' history.
public enum EarlierYears {
    /// How far back `follows:` is followed: far more years than any plan has, and a stop for a
    /// chain that loops.
    static let limit = 30

    /// The plan at `path` (as written, `plan`) with its journal and every plan it follows,
    /// oldest first, each plan with its journal opened as any reader opens it (read-only, through
    /// the account's cache, so a large earlier year is not parsed again on every command). A plan
    /// it follows that cannot be read ends the chain there, with a warning saying why, located at
    /// the file that names it.
    public static func lineage(of plan: Plan, at path: String, journal: Journal,
                               folders: AccountFolders = .running()) -> (lineage: PlanLineage, problems: [Diagnostic]) {
        var years = [PlanYear(file: path, plan: plan, journal: journal)]
        var problems: [Diagnostic] = []
        var seen: Set<String> = [PrivateFolder.resolved(path) ?? path]
        var (current, currentPath) = (plan, path)
        while let name = current.follows {
            let earlier = SafeFile.sibling(name, of: currentPath)
            let here = SourceLocation(file: currentPath, line: 1, column: 1)
            guard years.count <= limit, seen.insert(PrivateFolder.resolved(earlier) ?? earlier).inserted else {
                problems.append(Diagnostic(.warning, at: here, "'follows: \(name)' leads back to a plan already read; the history stops there"))
                break
            }
            let opened = PlanStore.open(path: earlier, folders: folders)
            guard let previous = opened.loaded.plan, let read = opened.journal else {
                let why = opened.loaded.errors.first.map { ": \($0.message)" } ?? ""
                problems.append(Diagnostic(.warning, at: here, "'follows: \(name)': \(earlier) cannot be read as a plan\(why); its history is not shown"))
                break
            }
            // Its bad lines are for 'verify' on that plan to list; here only what makes it unusable.
            if read.presence == .unreadable {
                let why = read.problems.first.map { ": \($0.message)" } ?? ""
                problems.append(Diagnostic(.warning, at: here, "'follows: \(name)': its journal cannot be read\(why); its history is not shown"))
            }
            if let rewritten = opened.headWarning {
                problems.append(Diagnostic(.warning, at: here, "'follows: \(name)': \(rewritten.message)"))
            }
            years.insert(PlanYear(file: earlier, plan: previous, journal: read.journal), at: 0)
            (current, currentPath) = (previous, earlier)
        }
        return (PlanLineage(years: years), problems)
    }
}
