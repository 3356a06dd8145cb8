import ActionPlanModel
import Foundation

/// A YAML file read to its root node: the steps every file the tool reads goes through.
struct YAMLDocument {
    let root: YAMLValue
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
        switch YAMLComposer.compose(text) {
        case .success(let root?):
            return .success(YAMLDocument(root: root, reader: NodeReader(file: path, text: text)))
        case .success(nil):
            return .failure(Diagnostic(.error, at: SourceLocation(file: path, line: 1, column: 1), "the file is empty; \(empty)"))
        case .failure(let problem):
            return .failure(YAMLDiagnostics.diagnostic(for: problem, file: path, text: text))
        }
    }

    /// The file's bytes, or a diagnostic saying why they cannot be read (see `openFile`).
    static func read(_ path: String) -> Result<Data, Diagnostic> {
        openFile(path).map { fd in
            defer { close(fd) }
            return FileBytes.data(fd)
        }
    }

    /// The file opened for reading, or a diagnostic saying why it cannot be read. Only a regular
    /// file is opened: a link is not followed and a FIFO is not waited on (see SafeFile), and a
    /// file larger than any plan is refused before it is read. The caller closes it.
    static func openFile(_ path: String) -> Result<Int32, Diagnostic> {
        let start = SourceLocation(file: path, line: 1, column: 1)
        let fd: Int32
        switch SafeFile.openForReading(path) {
        case .success(let opened): fd = opened
        case .failure(let problem):
            let reason = problem.isMissing || problem.code == EACCES ? String(cString: strerror(problem.code)) : problem.message
            return .failure(Diagnostic(.error, at: start, "cannot read the file: \(reason)"))
        }
        var info = stat()
        if fstat(fd, &info) == 0, Int(info.st_size) > PlanText.maximumBytes {
            close(fd)
            return .failure(PlanText.tooLarge(Int(info.st_size), file: path))
        }
        return .success(fd)
    }
}
