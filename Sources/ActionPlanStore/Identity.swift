import ActionPlanModel
import Foundation

/// Who is running the tool: the OS account, from the password database.
///
/// Not an environment variable such as `USER`, which anybody can set.
public enum Identity {
    /// The name of the account this process runs as.
    public static func account() -> String? {
        guard let entry = getpwuid(geteuid()), let name = entry.pointee.pw_name else { return nil }
        return String(cString: name)
    }

    /// The account an update is recorded under: the running account, or with `--as NAME` the
    /// officer a shared service account acts for, which only that service account may do.
    public static func resolve(asked: String?, access: Access) -> Result<String, IdentityProblem> {
        guard let running = account() else {
            return .failure(IdentityProblem(message: "cannot tell which account is running (no entry in the password database)"))
        }
        guard let asked else { return .success(running) }
        guard let service = access.serviceAccount, service == running else {
            return .failure(IdentityProblem(message: "--as is honoured only for the service account named in the access file"
                + (access.serviceAccount.map { " (\($0))" } ?? " (it names none)") + "; you are \(running)"))
        }
        guard !asked.isEmpty else { return .failure(IdentityProblem(message: "--as needs an account name")) }
        return .success(asked)
    }
}

/// Why the tool cannot say who is making a change.
public struct IdentityProblem: Error, Sendable {
    public let message: String
}
