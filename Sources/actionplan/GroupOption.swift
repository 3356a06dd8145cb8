import ActionPlanFormat
import ActionPlanModel
import ArgumentParser

/// `--group NAME`, which `list`, `summary` and `report` share.
struct GroupOption: ParsableArguments {
    @Option(help: ArgumentHelp("Only outputs of this delivery group (its name or short form, any case).", valueName: "group"))
    var group: String?

    /// The group named, if one was; a name the plan does not declare is a usage error with the
    /// nearest it does.
    func chosen(in plan: Plan) throws -> DeliveryGroup? {
        guard let group else { return nil }
        switch plan.group(matching: group) {
        case .success(let found): return found
        case .failure(let problem): throw CommandFailure.mistyped(TerminalText.safe(problem.message))
        }
    }
}
