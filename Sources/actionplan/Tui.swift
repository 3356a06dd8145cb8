import ActionPlanFormat
import ActionPlanModel
import ActionPlanStore
import ActionPlanTerminal
import ActionPlanTUI
import ArgumentParser
import Foundation

/// `actionplan` or `actionplan tui`: the full-screen interface, for the chair's meeting and for
/// officers updating over SSH.
struct Tui: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tui",
        abstract: "Open the full-screen interface (the default command). Press ? in it for every key."
    )

    @Argument(help: "The plan, as --plan takes it (kept for scripts written before --plan).")
    var path: String?

    @OptionGroup var planOption: PlanOption

    @OptionGroup var asOf: AsOfOption

    @OptionGroup var acting: ActingOption

    /// How strongly the screen is drawn.
    enum Contrast: String, CaseIterable, ExpressibleByArgument {
        case normal, high
    }

    @Option(help: "'high' for a projector: no dim or grey text (C switches it in the interface).")
    var contrast: Contrast = .normal

    func run() throws {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            // The command it points to opens the same plan, or names where one must be named.
            let plan = (try? PlanLocator.file(at: planOption.path(or: path))).map(PlanOption.naming) ?? " --plan PLAN"
            throw CommandFailure.mistyped("the full-screen interface needs a terminal; for plain text use 'actionplan list\(TerminalText.safe(plan))' (or 'actionplan --help')")
        }
        // Not kept until exit: the interface replaces its plan each time it reads it again.
        let state = try PlanState.load(try planOption.path(or: path), untilExit: false)
        let asOf = try self.asOf.resolved(by: state.calendar)
        // Reading never depends on the access file. When it cannot be trusted the interface still
        // opens, says why on its status line, and refuses every update with that reason (the rules
        // are read again for each one); only acting for someone else with --as needs them at once.
        let rules = AccessFile.rules(forPlan: state.path, journal: state.journal)
        let (access, who, refusal): (Access, String, String?)
        if acting.account == nil, case .failure(let problem) = rules {
            (access, who, refusal) = (Access(members: []), Identity.account() ?? "unknown account", problem.message)
        } else {
            ((access, who), refusal) = (try acting.identify(in: state, rules: rules), nil)
        }
        let earlier = EarlierYears.lineage(of: state.plan, at: state.path, journal: state.journal).lineage.years.dropLast()
        var initial = TUIState(plan: state.plan, journal: state.journal, folded: state.asOf(asOf.foldThrough), earlierYears: Array(earlier), asOf: asOf.day,
                               foldThrough: asOf.foldThrough, recordsSpeakFor: asOf.foldThrough < Clock.today() ? asOf.day : nil,
                               account: who, agencies: access.member(who).agencies, rights: refusal.map(Rights.refused) ?? .rules(access), width: 80, height: 24,
                               message: startMessage(refusal: refusal, headWarning: state.headWarning))
        initial.highContrast = contrast == .high
        // A lead officer comes to update their agencies' actions: they start on those, the
        // partnership's overview one Esc away. The chair and coordinator start on the overview.
        let member = access.member(who)
        if member.role == .lead, !member.agencies.isEmpty { initial.openOwnActions() }
        let session = Session(planPath: state.path, plan: state.plan, account: who, journal: state.loadedJournal)
        let status: Int32
        switch Runtime.run(initial, session: session) {
        case .success(let code): status = code
        case .failure(let problem): throw CommandFailure.mistyped(TerminalText.safe(problem.message))
        }
        if status != 0 { throw CommandFailure.ended(status) }
    }

    /// What the status line says first: what the screen about to open would otherwise hide, the
    /// warning printed before it and the reason changes are refused.
    private func startMessage(refusal: String?, headWarning: HeadWarning?) -> String? {
        let parts = [headWarning.map { TerminalText.safe($0.message) }, refusal.map { "Changes are refused: \(TerminalText.safe($0))" }]
        let said = parts.compactMap { $0 }
        return said.isEmpty ? nil : said.joined(separator: " ")
    }
}
