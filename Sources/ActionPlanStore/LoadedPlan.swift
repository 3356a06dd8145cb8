import ActionPlanModel

/// What reading one plan file gave: the plan, if it could be built, and every problem found.
public struct LoadedPlan: Sendable {
    /// The file as the user named it.
    public let path: String
    /// Nil when an error stops the plan being read as a whole.
    public var plan: Plan? { written.value }
    /// The plan, or how to make it: a start that found its cache makes it only when asked for.
    private let written: Deferred<Plan?>
    /// In file order.
    public let diagnostics: [Diagnostic]
    /// Warnings only `check` gives (a deadline outside the plan's dates): the plan is sound for
    /// every other command. Not kept in the load cache, which `check` does not use.
    public let advice: [Diagnostic]

    public init(path: String, plan: Plan?, diagnostics: [Diagnostic], advice: [Diagnostic] = []) {
        self.init(path: path, plan: Deferred(plan), diagnostics: diagnostics, advice: advice)
    }

    init(path: String, plan: Deferred<Plan?>, diagnostics: [Diagnostic], advice: [Diagnostic] = []) {
        self.path = path
        written = plan
        self.diagnostics = diagnostics
        self.advice = advice
    }

    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
    public var warnings: [Diagnostic] { diagnostics.filter { $0.severity == .warning } }
}
