import ActionPlanFormat
import ActionPlanModel
import ActionPlanStore
import ArgumentParser

/// The options every command that records an update takes, and the shared way it records one.
struct WriteOptions: ParsableArguments {
    @Option(name: .customLong("plan"), help: "The plan: a file, a folder holding one plan, or the start of its name (default: plans/).")
    var path: String?

    @OptionGroup var acting: ActingOption

    /// Records `change` through the one write path, and prints what was written or why not;
    /// `seen` is what the writer saw of the output (nil: nothing, so nothing can have changed since).
    func record(_ change: Change, seen: JournalWriter.Basis = .knowingly) throws {
        let state = try PlanState.load(path)
        let (access, who) = try acting.identify(in: state)
        // Said once, when the first update to a plan is recorded, not on every one.
        if access.isOpen, state.journal.count == 0 {
            Console.error("actionplan: note: there is no \(AccessFile.name) beside this plan, so whoever owns its folder may change anything, until a second account has recorded an update (see docs/access.md)")
        }
        do {
            let (record, setAside, after) = try JournalWriter.append(change, planPath: state.path, plan: state.plan, access: access,
                                                                      account: who, basis: seen, now: Clock.now(), known: state.loadedJournal)
            // The writer has seen its own record: a history cut back past it is then noticed too.
            _ = SeenHeads.see(after, folders: .running())
            if setAside > 0 {
                Console.error("actionplan: a cut-off last line (\(setAside) bytes) was moved to \(TerminalText.safe(JournalFile.tornPath(JournalFile.path(forPlan: state.path))))")
            }
            Console.receipt("recorded line \(record.line): \(TerminalText.safe(record.change.outputID)) \(TerminalText.safe(record.summary)) (\(TerminalText.safe(record.by)), \(record.at.readable))")
        } catch {
            let notRecorded = "not recorded: \(TerminalText.safe(error.message))"
            guard case .conflict = error else { throw CommandFailure.refused(notRecorded) }
            throw CommandFailure.refused(notRecorded, "check it with 'actionplan history \(TerminalText.safe(change.outputID))'; to record yours anyway, repeat the command with --force")
        }
    }
}
