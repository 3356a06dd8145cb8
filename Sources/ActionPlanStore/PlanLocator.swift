import Foundation

/// Finds the plan files a command was pointed at: a file, a folder of them, or a plan's name.
public enum PlanLocator {
    /// The folder commands read when given no path.
    public static let defaultFolder = "plans"

    /// The file in a folder of plans that names the one its commands open when none is named:
    /// a line holding the plan's file name, or the start of it (lines starting `#` are comments).
    public static let defaultPlanName = "default-plan"

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
        let named = path.contains("/") ? [] : plans(in: defaultFolder).filter { startsName($0, with: path) }
        guard named.count == 1 else { throw LocatorProblem(message: "no such file or folder: \(path)") }
        return named
    }

    /// Whether `file`'s name starts with `word`, ignoring case: how a plan is named in short.
    private static func startsName(_ file: String, with word: String) -> Bool {
        SafeFile.split(file).name.lowercased().hasPrefix(word.lowercased())
    }

    /// The plan files in `folder`, sorted; none when it is not a folder.
    private static func plans(in folder: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter { ($0.hasSuffix(".yaml") || $0.hasSuffix(".yml")) && $0 != AccessFile.name }.sorted()
            .map { SafeFile.join(folder, $0) }
    }

    /// The one plan file at `path`: the file, the only plan in a folder, or the one a folder's
    /// `default-plan` names; otherwise a problem listing the choices.
    public static func file(at path: String?) throws(LocatorProblem) -> String {
        let found = try files(at: path)
        guard found.count == 1 else {
            let folder = path ?? defaultFolder
            if let chosen = try defaultPlan(in: folder, among: found) { return chosen }
            throw LocatorProblem(message: "\(folder) holds \(found.count) plans; name one with --plan "
                + "(or set a default: \(SafeFile.join(folder, defaultPlanName)), or ACTIONPLAN_PLAN):\n"
                + found.map { "  \($0)" }.joined(separator: "\n"))
        }
        return found[0]
    }

    /// The plan among `plans` that `folder`'s `default-plan` names; nil when the folder has none.
    private static func defaultPlan(in folder: String, among plans: [String]) throws(LocatorProblem) -> String? {
        let setting = SafeFile.join(folder, defaultPlanName)
        let bytes: [UInt8]
        switch SafeFile.read(setting) {
        case .success(let read): bytes = read
        case .failure(let problem) where problem.isMissing: return nil
        case .failure(let problem): throw LocatorProblem(message: problem.message)
        }
        let lines = String(decoding: bytes, as: UTF8.self).split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
        guard let word = lines.first(where: { !$0.isEmpty && !$0.hasPrefix("#") }) else {
            throw LocatorProblem(message: "\(setting):1:1: error: it names no plan; write the plan's file name on a line of its own")
        }
        let line = (lines.firstIndex(of: word) ?? 0) + 1
        let exact = plans.filter { SafeFile.split($0).name == word }
        let named = exact.isEmpty ? plans.filter { startsName($0, with: word) } : exact
        guard named.count == 1 else {
            throw LocatorProblem(message: "\(setting):\(line):1: error: '\(word)' names \(named.isEmpty ? "no" : "more than one") plan in \(folder)/; "
                + "write one of: " + plans.map { SafeFile.split($0).name }.joined(separator: ", "))
        }
        return named.first
    }
}

/// Why no plan file could be found.
public struct LocatorProblem: Error, Sendable {
    public let message: String
}
