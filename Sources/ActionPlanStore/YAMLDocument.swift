internal import Yams
import ActionPlanModel
import Foundation

/// A YAML file read to its root node: the steps every file the tool reads goes through.
struct YAMLDocument {
    let root: Node
    /// Ready to read values out of `root`.
    let reader: NodeReader

    /// Checks the bytes (size, UTF-8, not binary), composes them, and refuses an empty file;
    /// `empty` says what such a file should start with.
    static func open(_ data: Data, path: String, empty: String) -> Result<YAMLDocument, Diagnostic> {
        let text: String
        switch PlanText.decode(data, file: path) {
        case .success(let decoded): text = decoded
        case .failure(let diagnostic): return .failure(diagnostic)
        }
        let reader = NodeReader(file: path, text: text)
        do {
            // The basic resolver skips YAML 1.1's implicit typing, which the tool does not want
            // (every scalar is read as its text) and which costs half the parse time.
            guard let root = try Parser(yaml: text, resolver: .basic).singleRoot() else {
                return .failure(Diagnostic(.error, at: SourceLocation(file: path, line: 1, column: 1), "the file is empty; \(empty)"))
            }
            return .success(YAMLDocument(root: root, reader: reader))
        } catch {
            return .failure(YAMLDiagnostics.diagnostic(for: error, file: path, lines: reader.lines))
        }
    }

    /// The file's bytes, or a diagnostic saying why they cannot be read.
    static func read(_ path: String) -> Result<Data, Diagnostic> {
        do {
            return .success(try Data(contentsOf: URL(fileURLWithPath: path)))
        } catch {
            let reason = (error as NSError).localizedFailureReason ?? "it cannot be read"
            return .failure(Diagnostic(.error, at: SourceLocation(file: path, line: 1, column: 1), "cannot read the file: \(reason)"))
        }
    }
}
