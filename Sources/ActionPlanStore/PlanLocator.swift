import Foundation

/// Finds the plan files a command was pointed at: a file, a folder of them, or a plan's name.
public enum PlanLocator {
    /// The folder commands read when given no path.
    public static let defaultFolder = "plans"

    /// The plan files at `path`: the file itself, or the `.yaml`/`.yml` files in a folder, sorted.
    /// A path that does not exist may name a plan in `plans/` by the start of its file name.
    public static func files(at path: String?) throws(LocatorProblem) -> [String] {
        let path = path ?? defaultFolder
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) {
            guard isFolder.boolValue else { return [path] }
            let plans = plans(in: path)
            guard !plans.isEmpty else { throw LocatorProblem(message: "no plan files (*.yaml) in \(path)/") }
            return plans
        }
        let named = path.contains("/") ? [] : plans(in: defaultFolder).filter {
            SafeFile.split($0).name.lowercased().hasPrefix(path.lowercased())
        }
        guard named.count == 1 else { throw LocatorProblem(message: "no such file or folder: \(path)") }
        return named
    }

    /// The plan files in `folder`, sorted; none when it is not a folder.
    private static func plans(in folder: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter { ($0.hasSuffix(".yaml") || $0.hasSuffix(".yml")) && $0 != AccessFile.name }.sorted()
            .map { SafeFile.join(folder, $0) }
    }

    /// The one plan file at `path`, or a problem listing the choices when there are several.
    public static func file(at path: String?) throws(LocatorProblem) -> String {
        let found = try files(at: path)
        guard found.count == 1 else {
            throw LocatorProblem(message: "\(path ?? defaultFolder) holds \(found.count) plans; name one:\n"
                + found.map { "  \($0)" }.joined(separator: "\n"))
        }
        return found[0]
    }
}

/// Why no plan file could be found.
public struct LocatorProblem: Error, Sendable {
    public let message: String
}
