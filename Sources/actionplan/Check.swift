import ActionPlanFormat
import ActionPlanModel
import ActionPlanStore
import ArgumentParser

/// `actionplan check`: validate plan files and print every problem where it is.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check plan files; print each problem as file:line:column with what to write instead.",
        discussion: """
            Also warns about deadlines outside the plan's own starts and ends, and about journal records \
            whose output is no longer in the plan (removed without 'retired:' or 'was:'). Exits 0 when there are no errors (warnings allowed), 1 when there are.
            """
    )

    @Argument(help: "Plan files or folders (default: $ACTIONPLAN_PLAN, else every plan in plans/).")
    var paths: [String] = []

    @OptionGroup var planOption: PlanOption

    func run() throws {
        var files: [String] = []
        let named = paths + (planOption.named.map { [$0] } ?? [])
        for path in named.isEmpty ? [PlanOption.fromEnvironment] : named.map(Optional.some) {
            do {
                files += try PlanLocator.files(at: path)
            } catch {
                throw CommandFailure.mistyped(TerminalText.safe(error.message))
            }
        }
        var errors = 0
        var warnings = 0
        var accessSaid = Set<Diagnostic>()
        var accessFiles = Set<String>()
        var read: [String: Plan?] = [:]
        /// The plan at `path`, read once however many access files ask for it.
        func plan(at path: String) -> Plan? {
            if let plan = read[path] { return plan }
            let plan = PlanLoader.load(path: path).plan
            read[path] = plan
            return plan
        }
        for file in files {
            let loaded = PlanLoader.load(path: file)
            read[file] = loaded.plan
            // The journal is read, never written: only to see that no history lost its output.
            var advice = loaded.advice
            var access: [Diagnostic] = []
            if let plan = loaded.plan {
                let journal = JournalFile.read(path: JournalFile.path(forPlan: file), plan: plan)
                advice += journal.unplacedWarnings(in: plan, at: file)
                // The plans it follows must be there for its outputs' history to be.
                if plan.follows != nil { advice += EarlierYears.lineage(of: plan, at: file, journal: journal.journal).problems }
                // The access file beside it, said once for all the plans it governs.
                access = AccessFile.problems(forPlan: file, journal: journal.journal, plans: { Self.plans(besides: file).compactMap(plan(at:)) })
                    .filter { accessSaid.insert($0).inserted }
            }
            for diagnostic in loaded.diagnostics + advice {
                Console.out(DiagnosticText.render(diagnostic))
            }
            errors += loaded.errors.count
            warnings += loaded.warnings.count + advice.count
            if let plan = loaded.plan, loaded.diagnostics.isEmpty, advice.isEmpty {
                let outputs = plan.entries.count
                Console.out("\(TerminalText.safe(file)): ok: \(plan.pillars.count) pillars, "
                    + "\(plan.pillars.reduce(0) { $0 + $1.objectives.count }) objectives, \(outputs) outputs"
                    // Only a plan that declares indicators says how many: the others read as before.
                    + (plan.indicators.isEmpty ? "" : ", \(plan.indicators.count) indicators"))
            }
            access.forEach { Console.out(DiagnosticText.render($0)) }
            errors += access.filter { $0.severity == .error }.count
            warnings += access.filter { $0.severity == .warning }.count
            accessFiles.formUnion(access.map(\.location.file))
        }
        let checked = files.count + accessFiles.count
        if errors + warnings > 0 {
            Console.out("\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s") in \(checked) file\(checked == 1 ? "" : "s")")
        }
        if errors > 0 { throw CommandFailure.problemsListed }
    }

    /// The plan files in `file`'s folder, itself among them: those an access file there may
    /// name agencies of.
    private static func plans(besides file: String) -> [String] {
        let folder = SafeFile.split(file).folder
        return [file] + ((try? PlanLocator.files(at: folder)) ?? []).filter { $0 != file }
    }
}
