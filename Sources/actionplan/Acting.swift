import ActionPlanFormat
import ActionPlanModel
import ActionPlanStore
import ArgumentParser

/// `--as NAME`: the officer a shared service account acts for, taken once.
struct ActingOption: ParsableArguments {
    @Option(name: .customLong("as"), help: ArgumentHelp("Act for this officer (only for the service account named in the access file).", valueName: "account"))
    var accounts: [String] = []

    /// The officer named, if any.
    var account: String? { accounts.first }

    /// The access rules beside the plan that `state` read, and the account the session acts as
    /// (the running one, or the officer a service account acts for); or why not, as a failure.
    /// Every change goes through here: an access file that cannot be trusted, or is missing where
    /// it is needed, or is broken, stops them all. `rules`, when given, are the rules as already read.
    func identify(in state: PlanState, rules: Result<Access, AccessProblem>? = nil) throws(CommandFailure) -> (access: Access, account: String) {
        let access: Access
        switch rules ?? AccessFile.rules(forPlan: state.path, journal: state.journal) {
        case .success(let rules): access = rules
        case .failure(let problem):
            throw .refused(TerminalText.safe(problem.message), details: problem.diagnostics.map(DiagnosticText.render))
        }
        switch Identity.resolve(asked: account, access: access) {
        case .success(let account): return (access, account)
        case .failure(let problem): throw .refused(TerminalText.safe(problem.message))
        }
    }

    func validate() throws {
        // Taking the last of several, as options usually do, would record under a name the
        // caller may not have meant: a forced SSH command with a second --as appended, say.
        if accounts.count > 1 {
            throw ValidationError("--as was given \(accounts.count) times (\(accounts.joined(separator: ", "))); give it once")
        }
    }
}
