internal import Yams
import ActionPlanModel
import Foundation

/// `plans/access.yaml`: who may change the plans in a folder (see docs/access.md).
public enum AccessFile {
    /// The access file that governs the plan at `planPath`: `access.yaml` in the plan's folder.
    public static func path(forPlan planPath: String) -> String {
        let folder = (planPath as NSString).deletingLastPathComponent
        return folder.isEmpty ? name : (folder as NSString).appendingPathComponent(name)
    }

    public static let name = "access.yaml"

    /// The rules at `path`: open when there is no such file, or the problems that stop it being read.
    public static func load(path: String) -> Result<Access, AccessProblem> {
        guard FileManager.default.fileExists(atPath: path) else { return .success(.open) }
        switch YAMLDocument.read(path) {
        case .success(let data): return load(data: data, path: path)
        case .failure(let diagnostic): return .failure(AccessProblem(diagnostics: [diagnostic]))
        }
    }

    static func load(data: Data, path: String) -> Result<Access, AccessProblem> {
        switch YAMLDocument.open(data, path: path, empty: "an access file lists 'people:', each with 'account:' and 'role:' (see docs/access.md)") {
        case .failure(let diagnostic):
            return .failure(AccessProblem(diagnostics: [diagnostic]))
        case .success(let document):
            var reader = document.reader
            let access = decode(document.root, &reader)
            guard let access, !reader.hasErrors else { return .failure(AccessProblem(diagnostics: reader.diagnostics)) }
            return .success(access)
        }
    }

    private static func decode(_ root: Node, _ reader: inout NodeReader) -> Access? {
        guard let fields = reader.fields(of: root, what: "an access file", allowed: ["service_account", "people"]) else { return nil }
        let service = fields["service_account"].flatMap { reader.text($0) }
        guard let people = fields["people"] else {
            reader.error(at: root, "an access file needs 'people:', a list of '- account: NAME' with 'role:' (see docs/access.md)")
            return nil
        }
        var seen: [String: Int] = [:]
        let members = reader.items(people, what: "people").compactMap { node -> Member? in
            guard let fields = reader.fields(of: node, what: "a person", allowed: ["account", "role", "agencies"]),
                  let account = reader.requiredText(fields, "account", in: node, what: "a person", hint: "their login name"),
                  let roleText = reader.requiredText(fields, "role", in: node, what: "a person", hint: "chair, coordinator, lead or viewer"),
                  let accountField = fields["account"], let roleField = fields["role"] else { return nil }
            let line = reader.location(of: accountField.value).line
            if let first = seen[account] {
                reader.error(at: accountField.value, "account '\(account)' is listed twice: at line \(first) and here at line \(line); keep one entry")
                return nil
            }
            seen[account] = line
            guard let role = Role(rawValue: roleText.lowercased()) else {
                let names = Role.allCases.map(\.rawValue)
                let hint = Suggestion.nearest(to: roleText, among: names).map { "did you mean '\($0)'? " } ?? ""
                reader.error(at: roleField.value, "unknown role '\(roleText)'; \(hint)a role is one of: \(names.joined(separator: ", "))")
                return nil
            }
            let agencies = fields["agencies"].map { reader.texts($0, scalarAllowed: true) } ?? []
            if role == .lead, agencies.isEmpty {
                reader.error(at: roleField.value, "a lead officer needs 'agencies:', the agencies they update for, such as 'agencies: [Police]'")
                return nil
            }
            return Member(account: account, role: role, agencies: agencies)
        }
        return Access(members: members, serviceAccount: service)
    }
}

/// Why an access file cannot be used: its located problems.
public struct AccessProblem: Error, Sendable {
    public let diagnostics: [Diagnostic]
}
