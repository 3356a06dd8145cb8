import Foundation

/// Real OS accounts in a group of their own, for tests that must be run by separate people (an
/// officer and the chair, an attacker and a victim): made as root, each with a home folder of
/// its own under the test's folder, and removed again by `remove`.
struct OSAccounts {
    let group: String
    let names: [String]
    /// A tag of this test run's own, to end each account and group name a test makes: runs at
    /// once on one machine (several checkouts) then never make, use or remove each other's.
    static let run = String(UUID().uuidString.prefix(6)).lowercased()
    /// Where the home folders are: `homes/NAME`, each owned by its account.
    let homes: URL

    /// Makes the group and the accounts (their names end in `run`, so none can be left from
    /// another run). On failure, whatever was made is removed again.
    init(_ names: [String], group: String, homesIn homes: URL) throws {
        self.group = group
        self.names = names
        self.homes = homes
        do {
            try Self.root("/usr/sbin/groupadd", [group])
            for name in names {
                let home = self.home(of: name)
                try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
                // A shell for ssh's ForceCommand, and a password of "*" that nobody can type.
                try Self.root("/usr/sbin/useradd", ["--no-create-home", "--home-dir", home.path, "--gid", group, "--shell", "/bin/sh", "--password", "*", name])
                try Self.root("/bin/chown", [name, home.path])
            }
        } catch {
            remove()
            throw error
        }
    }

    func home(of name: String) -> URL { homes.appendingPathComponent(name) }

    /// `command` run in `folder` as `name`, in the group, with their own home, as a login would.
    func run(as name: String, _ command: [String], in folder: URL) throws -> Run {
        try Runner.run(["--reuid=\(name)", "--regid=\(group)", "--init-groups", "--", "/usr/bin/env", "HOME=\(home(of: name).path)", "USER=\(name)"] + command,
                       in: folder, program: URL(fileURLWithPath: "/usr/bin/setpriv"), timeout: 30)
    }

    /// Removes the accounts and the group, where they exist.
    func remove() {
        for name in names where getpwnam(name) != nil { try? Self.root("/usr/sbin/userdel", [name]) }
        if getgrnam(group) != nil { try? Self.root("/usr/sbin/groupdel", [group]) }
    }

    /// Runs `program` as the test's own account (root), throwing when it fails.
    static func root(_ program: String, _ arguments: [String]) throws {
        let run = try Runner.run(arguments, program: URL(fileURLWithPath: program), timeout: 30)
        guard run.status == 0 else { throw AccountError(message: "\(program) \(arguments.joined(separator: " ")) failed: \(run.stderr)") }
    }
}

/// A command that setting up accounts or folders needed did not succeed.
struct AccountError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
