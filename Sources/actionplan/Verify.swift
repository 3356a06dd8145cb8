import ActionPlanFormat
import ActionPlanStore
import ArgumentParser

/// `actionplan verify`: prove a journal's history was not edited, line by line.
struct Verify: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check that each plan's journal is intact: every line a record, each following from the one before.",
        discussion: "Exits 0 when every journal is intact (or there is none yet), 1 when any line is not or a journal cannot be read."
    )

    @Argument(help: "Plan files or folders (default: plans/).")
    var path: String?

    func run() throws {
        let files: [String]
        do {
            files = try PlanLocator.files(at: path)
        } catch {
            Console.error("actionplan: \(TerminalText.safe(error.message))")
            throw ExitCode(2)
        }
        var broken = false
        for file in files {
            let loaded = PlanLoader.load(path: file)
            guard let plan = loaded.plan else {
                Console.out("\(TerminalText.safe(file)): the plan has errors; run 'actionplan check \(TerminalText.safe(file))'")
                broken = true
                continue
            }
            let journal = JournalFile.read(path: JournalFile.path(forPlan: file), plan: plan)
            for problem in journal.problems {
                Console.out(DiagnosticText.render(problem))
            }
            if journal.unlistedProblems > 0 {
                Console.out("\(TerminalText.safe(journal.path)): \(journal.unlistedProblems) more line(s) with problems are not listed")
            }
            let count = journal.journal.records.count
            if journal.presence == .missing {
                Console.out("\(TerminalText.safe(journal.path)): no journal yet: nothing recorded")
            } else if let line = journal.chainBreak {
                Console.out("\(TerminalText.safe(journal.path)): broken: the history was altered at line \(line)")
            } else if journal.problems.isEmpty {
                Console.out("\(TerminalText.safe(journal.path)): intact: \(count) record\(count == 1 ? "" : "s")")
            }
            broken = broken || !journal.problems.isEmpty
        }
        if broken { throw ExitCode(1) }
    }
}
