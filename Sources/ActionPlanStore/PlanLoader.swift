internal import Yams
import ActionPlanModel
import Foundation

/// Reads plan files from disk and turns them into plans, with every problem located.
public enum PlanLoader {
    /// Reads and checks the plan at `path`.
    public static func load(path: String) -> LoadedPlan {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            let reason = (error as NSError).localizedFailureReason ?? "it cannot be read"
            return LoadedPlan(path: path, plan: nil, diagnostics: [
                Diagnostic(.error, at: SourceLocation(file: path, line: 1, column: 1), "cannot read the file: \(reason)"),
            ])
        }
        return load(data: data, path: path)
    }

    /// Checks `data` as the contents of a plan file named `path`.
    public static func load(data: Data, path: String) -> LoadedPlan {
        let text: String
        switch PlanText.decode(data, file: path) {
        case .success(let decoded): text = decoded
        case .failure(let diagnostic): return LoadedPlan(path: path, plan: nil, diagnostics: [diagnostic])
        }
        var decoder = PlanDecoder(file: path, text: text)
        let root: Node?
        do {
            // The basic resolver skips YAML 1.1's implicit typing, which the plan does not want
            // (every scalar is read as its text) and which costs half the parse time.
            root = try Parser(yaml: text, resolver: .basic).singleRoot()
        } catch {
            return LoadedPlan(path: path, plan: nil, diagnostics: [
                YAMLDiagnostics.diagnostic(for: error, file: path, lines: decoder.lines),
            ])
        }
        guard let root else {
            return LoadedPlan(path: path, plan: nil, diagnostics: [
                Diagnostic(.error, at: SourceLocation(file: path, line: 1, column: 1),
                           "the file is empty; a plan starts with 'plan: TITLE' and a 'pillars:' list (see docs/plan-format.md)"),
            ])
        }
        let plan = decoder.decode(root)
        let diagnostics = decoder.diagnostics.sorted { ($0.location.line, $0.location.column) < ($1.location.line, $1.location.column) }
        return LoadedPlan(path: path, plan: plan, diagnostics: diagnostics)
    }
}
