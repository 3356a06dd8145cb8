import ActionPlanFormat
import ActionPlanStore
import ArgumentParser

/// `actionplan check`: validate plan files and print every problem where it is.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check plan files; print each problem as file:line:column with what to write instead.",
        discussion: "Exits 0 when there are no errors (warnings allowed), 1 when there are."
    )

    @Argument(help: "Plan files or folders (default: plans/).")
    var paths: [String] = []

    func run() throws {
        var files: [String] = []
        for path in paths.isEmpty ? [nil] : paths.map(Optional.some) {
            do {
                files += try PlanLocator.files(at: path)
            } catch {
                throw CommandFailure.mistyped(TerminalText.safe(error.message))
            }
        }
        var errors = 0
        var warnings = 0
        for file in files {
            let loaded = PlanLoader.load(path: file)
            for diagnostic in loaded.diagnostics {
                Console.out(DiagnosticText.render(diagnostic))
            }
            errors += loaded.errors.count
            warnings += loaded.warnings.count
            if let plan = loaded.plan, loaded.diagnostics.isEmpty {
                let outputs = plan.entries.count
                Console.out("\(TerminalText.safe(file)): ok: \(plan.pillars.count) pillars, "
                    + "\(plan.pillars.reduce(0) { $0 + $1.objectives.count }) objectives, \(outputs) outputs"
                    // Only a plan that declares indicators says how many: the others read as before.
                    + (plan.indicators.isEmpty ? "" : ", \(plan.indicators.count) indicators"))
            }
        }
        if errors + warnings > 0 {
            Console.out("\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s") in \(files.count) file\(files.count == 1 ? "" : "s")")
        }
        if errors > 0 { throw CommandFailure.problemsListed }
    }
}
