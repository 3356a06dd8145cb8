import ActionPlanFormat
import ActionPlanModel
import ActionPlanStore
import ArgumentParser

/// The options every command that records an update takes, and the shared way it records one.
struct WriteOptions: ParsableArguments {
    @OptionGroup var planOption: PlanOption

    @OptionGroup var acting: ActingOption

    /// Records `change` through the one write path, and prints what was written or why not;
    /// `seen` is what the writer saw of the output (nil: nothing, so nothing can have changed since).
    func record(_ change: Change, seen: JournalWriter.Basis = .knowingly) throws {
        try record(.output(change), seen: seen)
    }

    /// Records `entry`, a line of any kind, through the one write path, and prints what was
    /// written or why not.
    func record(_ entry: Entry, seen: JournalWriter.Basis = .knowingly) throws {
        let state = try PlanState.load(try planOption.path())
        let (access, who) = try acting.identify(in: state)
        do {
            let written = try JournalWriter.append(entry, planPath: state.path, plan: state.plan, access: access,
                                                   account: who, basis: seen, now: Clock.now(), known: state.loadedJournal)
            // The writer has seen its own record: a history cut back past it is then noticed too.
            _ = SeenHeads.see(written.journal, plan: state.path, folders: .running())
            if written.setAside > 0 {
                Console.error("actionplan: a cut-off last line (\(written.setAside) bytes) was moved to \(TerminalText.safe(JournalFile.tornPath(JournalFile.path(forPlan: state.path))))")
            }
            // Said once, when the first update to a plan is recorded, not on every one.
            if access.isOpen, state.journal.count == 0 {
                Console.error("actionplan: note: " + Access.openNotice)
            }
            Console.receipt("recorded line \(written.line): \(TerminalText.safe(Self.describe(state.plan.asDeclared(entry), in: state.plan))) (\(TerminalText.safe(who)), \(written.at.readable))")
        } catch {
            let notRecorded = "not recorded: \(TerminalText.safe(error.message))"
            // A name that matches nothing in the plan is a mistyped command, as it is for every read.
            if case .unknownOutput = error { throw CommandFailure.mistyped(notRecorded) }
            guard case .conflict = error, case .output(let change) = entry else { throw CommandFailure.refused(notRecorded) }
            throw CommandFailure.refused(notRecorded, "check it with 'actionplan history \(TerminalText.safe(change.outputID))\(TerminalText.safe(PlanOption.naming(state.path)))'; to record yours anyway, repeat the command with --force")
        }
    }

    /// What a receipt says was recorded: `1.1 status at-risk; note: …`, `REF Q1 2015/16 = 187`.
    private static func describe(_ entry: Entry, in plan: Plan) -> String {
        switch entry {
        case .output(let change):
            return change.outputID + " " + change.summary
        case .indicator(let figure):
            let unit = plan.indicator(figure.indicatorID)?.unit ?? .count
            return "\(figure.indicatorID) \(figure.period)" + (figure.area.map { " \($0)" } ?? "") + " = \(FigureText.value(figure.value, unit: unit))"
                + (figure.note.map { "; note: \($0)" } ?? "")
        case .digest(let sent):
            return "digest to \(sent.account) <\(sent.address)> about \(sent.outputIDs.joined(separator: ", "))"
        }
    }
}
