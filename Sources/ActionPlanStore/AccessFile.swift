import ActionPlanModel
import Foundation

/// `plans/access.yaml`: who may change the plans in a folder (see docs/access.md).
public enum AccessFile {
    /// The access file that governs the plan at `planPath`: `access.yaml` in the plan's folder.
    public static func path(forPlan planPath: String) -> String {
        SafeFile.sibling(name, of: planPath)
    }

    public static let name = "access.yaml"

    /// The rules that govern changes to the plan at `planPath`, whose journal holds `journal`:
    /// the access file's, open when there is none in one account's own folder, or why nothing
    /// may be changed (see `TrustFacts.verdict`, the one rule, and docs/access.md).
    ///
    /// The access file is opened without following a link, and is obeyed only if the file that
    /// was opened is the one that was judged.
    public static func rules(forPlan planPath: String, journal: Journal) -> Result<Access, AccessProblem> {
        let accessPath = path(forPlan: planPath)
        let folderShown = SafeFile.split(planPath).folder
        var facts: TrustFacts
        let examined: stat?
        do {
            let folder = try Examined(folderShown, followingLinks: true)
            let access = try Examined.ifPresent(accessPath)
            let journalPath = JournalFile.path(forPlan: planPath)
            facts = TrustFacts(folderPath: folderShown, folder: folder.facts,
                               accessPath: accessPath, access: access?.facts, journalPath: journalPath,
                               journal: try Examined.ifPresent(journalPath)?.facts,
                               authors: journal.authors, running: geteuid())
            examined = access?.info
        } catch {
            return .failure(AccessProblem(message: error.message))
        }
        switch facts.verdict {
        case .refuse(let message): return .failure(AccessProblem(message: message))
        case .open: return .success(.open)
        case .obey: break
        }
        let fd: Int32
        switch SafeFile.openForReading(accessPath) {
        case .success(let opened): fd = opened
        case .failure(let problem):
            return .failure(AccessProblem(message: "cannot read \(problem.message), so nothing can be changed "
                + "until it is readable: chmod 644 \(Shell.quote(accessPath))"))
        }
        defer { close(fd) }
        // Judged again as opened: it must be the very file examined, and still pass.
        var opened = stat()
        guard fstat(fd, &opened) == 0, let examined, opened.st_dev == examined.st_dev, opened.st_ino == examined.st_ino else {
            return .failure(AccessProblem(message: "\(accessPath) was replaced while it was being read; try again"))
        }
        facts.access = Examined(opened).facts
        if case .refuse(let message) = facts.verdict { return .failure(AccessProblem(message: message)) }
        return load(data: FileBytes.data(fd), path: accessPath)
    }

    static func load(data: Data, path: String) -> Result<Access, AccessProblem> {
        var agencies: [AgencyMention] = []
        return load(data: data, path: path, agencies: &agencies)
    }

    /// An agency a person's `agencies:` names, and where.
    typealias AgencyMention = (name: String, at: SourceLocation)

    /// The rules in `data`, noting in `agencies` every agency named, for `check` to look up.
    private static func load(data: Data, path: String, agencies: inout [AgencyMention]) -> Result<Access, AccessProblem> {
        switch YAMLDocument.open(data, path: path, empty: "an access file lists 'people:', each with 'account:' and 'role:' (see docs/access.md)") {
        case .failure(let diagnostic):
            return .failure(AccessProblem(diagnostics: [diagnostic], message: hasErrors(path)))
        case .success(let document):
            var reader = document.reader
            let access = decode(document.root, &reader, agencies: &agencies)
            guard let access, !reader.hasErrors else { return .failure(AccessProblem(diagnostics: reader.diagnostics, message: hasErrors(path))) }
            return .success(access)
        }
    }

    /// What `check` says of the access file beside `planPath` (whose journal holds `journal`):
    /// why it cannot be trusted or read, its located errors, and each agency it names that no plan
    /// of `plans` (those in its folder, read only when it names agencies) knows; nothing when it
    /// is sound or there is none.
    public static func problems(forPlan planPath: String, journal: Journal, plans: () -> [Plan]) -> [Diagnostic] {
        let accessPath = path(forPlan: planPath)
        let whole = SourceLocation(file: accessPath, line: 1, column: 1)
        switch rules(forPlan: planPath, journal: journal) {
        case .failure(let problem):
            return problem.diagnostics.isEmpty ? [Diagnostic(.error, at: whole, problem.message)] : problem.diagnostics
        case .success:
            guard case .success(let bytes) = SafeFile.read(accessPath) else { return [] }
            var agencies: [AgencyMention] = []
            _ = load(data: Data(bytes), path: accessPath, agencies: &agencies)
            let known = agencies.isEmpty ? [] : plans()
            return agencies.compactMap { mention in
                let problems = known.compactMap { $0.leadProblem(mention.name) }
                guard problems.count == known.count, let problem = problems.first else { return nil }
                return Diagnostic(.error, at: mention.at, problem.message + "; an officer's agencies must be ones the plan knows (its 'agencies:' register, or a lead it names)")
            }
        }
    }

    private static func hasErrors(_ path: String) -> String {
        "\(path) has errors, so nothing can be changed until they are fixed"
    }

    private static func decode(_ root: YAMLValue, _ reader: inout NodeReader, agencies mentioned: inout [AgencyMention]) -> Access? {
        guard let fields = reader.fields(of: root, what: "an access file", allowed: ["service_account", "people"]) else { return nil }
        let service = fields["service_account"].flatMap { reader.text($0) }
        guard let people = fields["people"] else {
            reader.error(at: root, "an access file needs 'people:', a list of '- account: NAME' with 'role:' (see docs/access.md)")
            return nil
        }
        var seen: [String: Int] = [:]
        let members = reader.items(people, what: "people").compactMap { node -> Member? in
            guard let fields = reader.fields(of: node, what: "a person", allowed: ["account", "role", "agencies", "groups", "name", "email"]),
                  let account = reader.requiredText(fields, "account", in: node, what: "a person", hint: "their login name"),
                  let roleText = reader.requiredText(fields, "role", in: node, what: "a person", hint: Role.allCases.map(\.rawValue).joined(separator: ", ")),
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
            if let field = fields["agencies"] { mentioned += agencies.map { ($0, reader.location(of: field.value)) } }
            if role == .lead, agencies.isEmpty {
                reader.error(at: roleField.value, "a lead officer needs 'agencies:', the agencies they update for, such as 'agencies: [Police]'")
                return nil
            }
            let groups = fields["groups"].map { reader.texts($0, scalarAllowed: true) } ?? []
            if [.groupChair, .groupCoordinator].contains(role), groups.isEmpty {
                reader.error(at: roleField.value, "a \(role.rawValue) needs 'groups:', the delivery groups they act for, such as 'groups: [HPOG]'")
                return nil
            }
            return Member(account: account, role: role, agencies: agencies, groups: groups, name: name(fields["name"], &reader),
                          email: email(fields["email"], &reader))
        }
        return Access(members: members, serviceAccount: service)
    }
}

extension AccessFile {
    /// A person's `name:`: one line of plain text, since it becomes part of an email header.
    fileprivate static func name(_ field: NodeReader.Field?, _ reader: inout NodeReader) -> String? {
        guard let field, let name = reader.text(field) else { return nil }
        guard !name.unicodeScalars.contains(where: { $0.properties.generalCategory == .control || $0.properties.generalCategory == .format
            || $0 == "\u{2028}" || $0 == "\u{2029}" }) else {
            reader.error(at: field.value, "a name is one line of plain text, without line breaks or control characters; write it as 'name: Jo Smith'")
            return nil
        }
        return name
    }

    /// A person's `email:`: one plain address.
    fileprivate static func email(_ field: NodeReader.Field?, _ reader: inout NodeReader) -> EmailAddress? {
        guard let field, let text = reader.text(field) else { return nil }
        guard let address = EmailAddress(text) else {
            reader.error(at: field.value, "'\(text)' is not an email address; \(EmailAddress.hint)")
            return nil
        }
        return address
    }
}

/// Why nothing may be changed: the access file cannot be trusted or read, or has errors.
public struct AccessProblem: Error, Sendable {
    /// The located problems inside the file, when it was read and has errors.
    public let diagnostics: [Diagnostic]
    /// What is wrong, naming the file, and how to fix it.
    public let message: String

    init(diagnostics: [Diagnostic] = [], message: String) {
        self.diagnostics = diagnostics
        self.message = message
    }
}

/// One path's `lstat` (or, following links, `stat`), and the facts the trust rule reads from it.
private struct Examined {
    let info: stat
    let facts: FileFacts

    init(_ info: stat) {
        self.info = info
        self.facts = Accounts.facts(of: info)
    }

    /// The path examined, or a thrown message saying why it cannot be.
    init(_ path: String, followingLinks: Bool) throws(TrustError) {
        var info = stat()
        guard (followingLinks ? stat(path, &info) : lstat(path, &info)) == 0 else {
            throw TrustError(message: "cannot examine \(path): \(String(cString: strerror(errno))), so nothing can be changed")
        }
        self.init(info)
    }

    /// The path examined without following a link; nil when nothing has that name.
    static func ifPresent(_ path: String) throws(TrustError) -> Examined? {
        var info = stat()
        if lstat(path, &info) != 0, errno == ENOENT { return nil }
        return try Examined(path, followingLinks: false)
    }
}

private struct TrustError: Error {
    let message: String
}

/// Names and group members from the account databases, looked up one caller at a time (the C
/// functions share their results and their walk through the accounts).
private enum Accounts {
    private static let lock = NSLock()

    static func facts(of info: stat) -> FileFacts {
        lock.lock()
        defer { lock.unlock() }
        let kind: FileFacts.Kind
        switch info.st_mode & S_IFMT {
        case S_IFREG: kind = .regular
        case S_IFDIR: kind = .directory
        case S_IFLNK: kind = .symbolicLink
        case S_IFIFO: kind = .fifo
        case S_IFSOCK: kind = .socket
        default: kind = .device
        }
        let owner = getpwuid(info.st_uid).flatMap { $0.pointee.pw_name.map { String(cString: $0) } } ?? "uid \(info.st_uid)"
        let group = getgrgid(info.st_gid)
        let groupName = group.flatMap { $0.pointee.gr_name.map { String(cString: $0) } } ?? "gid \(info.st_gid)"
        return FileFacts(kind: kind, owner: info.st_uid, ownerName: owner, group: info.st_gid, groupName: groupName,
                         mode: info.st_mode, groupIsOwnerAlone: group.map { onlyOwnerIn($0, gid: info.st_gid, owner: info.st_uid, ownerName: owner) } ?? false)
    }

    /// Whether nobody but `owner` is in the group: no other listed member, and no other account
    /// has it as their own group (Debian's user private groups; sshd on Debian allows the same).
    private static func onlyOwnerIn(_ group: UnsafeMutablePointer<group>, gid: gid_t, owner: uid_t, ownerName: String) -> Bool {
        var members = group.pointee.gr_mem
        while let member = members?.pointee {
            guard String(cString: member) == ownerName else { return false }
            members = members?.advanced(by: 1)
        }
        setpwent()
        defer { endpwent() }
        while let entry = getpwent() {
            if entry.pointee.pw_gid == gid, entry.pointee.pw_uid != owner { return false }
        }
        return true
    }
}
