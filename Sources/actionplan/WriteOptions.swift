import ActionPlanFormat
import ActionPlanModel
import ActionPlanStore
import ArgumentParser

/// The options every command that records an update takes, and the shared way it records one.
struct WriteOptions: ParsableArguments {
    @Option(name: .customLong("plan"), help: "The plan: a file, a folder holding one plan, or the start of its name (default: plans/).")
    var path: String?

    @Option(name: .customLong("as"), help: ArgumentHelp("Record it for this officer (only for the service account named in the access file).", valueName: "account"))
    var account: String?

    @Option(help: ArgumentHelp("The journal line of the latest update you saw for this output (from 'history'); refuse if there is a newer one.", valueName: "line"))
    var seen: Int?

    @ArgumentParser.Flag(help: "Record it even though somebody updated the output since you looked.")
    var force = false

    /// Records `change` through the one write path, and prints what was written or why not.
    func record(_ change: Change) throws {
        let state = try Console.load(path)
        let (access, who) = try Console.identify(state, asked: account)
        // Said once, when the first update to a plan is recorded, not on every one.
        if access.isOpen, state.journal.records.isEmpty {
            Console.error("actionplan: note: there is no \(AccessFile.name) beside this plan, so whoever owns its folder may change anything, until a second account has recorded an update (see docs/access.md)")
        }
        let basis: JournalWriter.Basis = force ? .knowingly : .saw(seen ?? state.journal.head(of: change.outputID))
        do {
            let (record, setAside, _) = try JournalWriter.append(change, planPath: state.path, plan: state.plan, access: access,
                                                                  account: who, basis: basis, now: Clock.now(), known: state.loadedJournal)
            if setAside > 0 {
                Console.error("actionplan: a cut-off last line (\(setAside) bytes) was moved to \(TerminalText.safe(JournalFile.tornPath(JournalFile.path(forPlan: state.path))))")
            }
            Console.out("recorded line \(record.line): \(TerminalText.safe(record.change.outputID)) \(TerminalText.safe(record.summary)) (\(TerminalText.safe(record.by)), \(record.at.readable))")
        } catch {
            Console.error("actionplan: not recorded: \(TerminalText.safe(error.message))")
            if case .conflict = error {
                Console.error("actionplan: check it with 'actionplan history \(TerminalText.safe(change.outputID))'; to record yours anyway, repeat the command with --force")
            }
            throw ExitCode(1)
        }
    }
}
