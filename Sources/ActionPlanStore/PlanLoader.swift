import ActionPlanModel
import Foundation

/// Reads plan files from disk and turns them into plans, with every problem located.
public enum PlanLoader {
    /// Reads and checks the plan at `path`.
    public static func load(path: String) -> LoadedPlan {
        switch YAMLDocument.read(path) {
        case .success(let data): load(data: data, path: path)
        case .failure(let diagnostic): LoadedPlan(path: path, plan: nil, diagnostics: [diagnostic])
        }
    }

    /// Checks `data` as the contents of a plan file named `path`.
    public static func load(data: Data, path: String) -> LoadedPlan {
        let document: YAMLDocument
        switch YAMLDocument.open(data, path: path, empty: "a plan starts with 'plan: TITLE' and a 'pillars:' list (see docs/plan-format.md)") {
        case .success(let opened): document = opened
        case .failure(let diagnostic): return LoadedPlan(path: path, plan: nil, diagnostics: [diagnostic])
        }
        var decoder = PlanDecoder(reader: document.reader)
        let plan = decoder.decode(document.root)
        return LoadedPlan(path: path, plan: plan, diagnostics: decoder.diagnostics, advice: decoder.advice)
    }
}
