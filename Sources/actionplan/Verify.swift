import ActionPlanFormat
import ActionPlanModel
import ActionPlanStore
import ArgumentParser

/// `actionplan verify`: prove a journal's history was not edited, line by line, and with `--head`
/// that it still holds what a report was made from.
struct Verify: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check that each plan's journal is intact: every line a record, each following from the one before.",
        discussion: """
            With --head, also prove that the journal still holds the head a report printed (LINE:HASH, or the \
            report file itself in any format): line LINE still hashes to HASH and the chain is intact up to it, \
            so no record was removed or rewritten since. Exits 0 when every journal is intact (or there is none \
            yet) and holds the head, 1 when any is not or a journal cannot be read.
            """
    )

    @Argument(help: "A plan file or folder (default: $ACTIONPLAN_PLAN, else every plan in plans/); one plan with --head.")
    var path: String?

    @OptionGroup var planOption: PlanOption

    @Option(help: ArgumentHelp("A journal head as a report prints it (LINE:HASH), or a report file to read it from.", valueName: "head"))
    var head: String?

    func run() throws {
        let files: [String]
        let path = try planOption.path(or: path)
        do {
            files = head == nil ? try PlanLocator.files(at: path) : [try PlanLocator.file(at: path)]
        } catch {
            throw CommandFailure.mistyped(TerminalText.safe(error.message, keepingLines: true))
        }
        let wanted = try head.map(Self.head(from:))
        var broken = false
        for file in files {
            let loaded = PlanLoader.load(path: file)
            guard let plan = loaded.plan else {
                Console.out("\(TerminalText.safe(file)): the plan has errors; run 'actionplan check \(TerminalText.safe(file))'")
                broken = true
                continue
            }
            let journal = JournalFile.read(path: JournalFile.path(forPlan: file), plan: plan)
            if let warning = SeenHeads.see(journal, plan: file, folders: .running()) {
                Console.error("actionplan: \(TerminalText.safe(warning.message))")
            }
            for problem in journal.problems {
                Console.out(DiagnosticText.render(problem))
            }
            // Records whose output left the plan are history kept, not a broken journal.
            for warning in journal.unplacedWarnings(in: plan, at: file) {
                Console.out(DiagnosticText.render(warning))
            }
            if journal.unlistedProblems > 0 {
                Console.out("\(TerminalText.safe(journal.path)): \(journal.unlistedProblems) more line(s) with problems are not listed")
            }
            let count = journal.journal.count
            if journal.presence == .missing {
                Console.out("\(TerminalText.safe(journal.path)): no journal yet: nothing recorded")
            } else if let line = journal.chainBreak {
                Console.out("\(TerminalText.safe(journal.path)): broken: the history was altered at line \(line)")
            } else if journal.problems.isEmpty {
                Console.out("\(TerminalText.safe(journal.path)): intact: \(count) record\(count == 1 ? "" : "s")")
            }
            broken = broken || !journal.problems.isEmpty
            if let wanted {
                let verdict = JournalFile.check(wanted, against: journal)
                Console.out("\(TerminalText.safe(journal.path)): " + Self.describe(verdict, head: wanted, now: journal.head))
                broken = broken || verdict != .extends
            }
        }
        if broken { throw CommandFailure.problemsListed }
    }

    /// The head `text` gives: written `LINE:HASH`, or read from the report file it names.
    private static func head(from text: String) throws(CommandFailure) -> JournalHead {
        if let head = JournalHead(text) { return head }
        let bytes: [UInt8]
        switch SafeFile.read(text) {
        case .success(let read): bytes = read
        case .failure(let problem):
            throw .mistyped("--head takes LINE:HASH (as a report prints it) or a report file; \(TerminalText.safe(problem.message))")
        }
        guard let head = ReportHead.find(in: String(decoding: bytes, as: UTF8.self)) else {
            throw .mistyped("no journal head in \(TerminalText.safe(text)): not a report, or one made before reports printed the journal's head")
        }
        return head
    }

    /// What `verdict` means, in a sentence.
    private static func describe(_ verdict: HeadVerdict, head: JournalHead, now: JournalHead) -> String {
        switch verdict {
        case .extends:
            "holds the head \(head): line \(head.lines) is unchanged and the chain is intact up to it (\(now.lines) line\(now.lines == 1 ? "" : "s") now)"
        case .shorter(let lines):
            "does NOT hold the head \(head): it has \(lines) line\(lines == 1 ? "" : "s") now, so "
                + "\(head.lines - lines) line\(head.lines - lines == 1 ? " was" : "s were") removed (cut short, or replaced by an older copy)"
        case .rewritten(let hash):
            "does NOT hold the head \(head): line \(head.lines) now hashes to \(hash), so the history up to it was rewritten or replaced"
        case .brokenBefore(let line):
            "does NOT hold the head \(head): line \(head.lines) is unchanged, but the chain is broken at line \(line), so lines before it were edited"
        case .unreadable(let reason):
            "cannot check the head \(head): \(TerminalText.safe(reason))"
        }
    }
}
