import Foundation
import Testing

/// What a run of the real `actionplan` binary printed, and how it exited.
struct Run {
    let status: Int32
    let stdout: String
    let stderr: String
}

extension Run {
    /// The `--as-of` day on which the record this run's receipt names was made (UTC, as the journal
    /// dates it), so that what a test then asks of the plan is judged on that day, not on the day
    /// the test happens to finish, and at no time of day can the record fall after the as-of day.
    func recordedDay(sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let match = stdout.firstMatch(of: /, ([0-9]{4}-[0-9]{2}-[0-9]{2}) [0-9]{2}:[0-9]{2} UTC\)\n?$/)
        return String(try #require(match, "no receipt in '\(stdout)'", sourceLocation: sourceLocation).1)
    }
}

/// Runs the built `actionplan` binary, as a user would, from the package's root folder.
enum Runner {
    /// The package root: the tests live two folders below it.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The binary that `swift build` put beside this test bundle.
    static var binary: URL {
        let products = Bundle.main.bundleURL.pathExtension == "xctest"
            ? Bundle.main.bundleURL.deletingLastPathComponent() : Bundle.main.bundleURL
        return products.appendingPathComponent("actionplan")
    }

    /// The cache and state folders every run gets unless a test names its own, so that no test
    /// reads or leaves a cache or a remembered journal head in the account's real home (or, as
    /// before the cache moved, beside the plans in the source tree).
    static let accountFolders: [String: String] = {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("actionplan-tests-account-\(UUID().uuidString)")
        return ["XDG_CACHE_HOME": base.appendingPathComponent("cache").path, "XDG_STATE_HOME": base.appendingPathComponent("state").path]
    }()

    /// Runs `actionplan ARGUMENTS` (or another `program`) in `folder`, with `environment` added to
    /// the test's own (and `accountFolders` unless it names others); past `timeout` seconds the
    /// program is sent SIGTERM, so a hung run fails the test instead of stalling the whole suite.
    /// With `stdout`, standard output goes there (a full disk, a closed pipe) and `Run.stdout` is empty.
    static func run(_ arguments: [String], in folder: URL = root, program: URL? = nil, environment added: [String: String] = [:],
                    timeout: Double = 60, stdout: FileHandle? = nil) throws -> Run {
        let process = Process()
        process.executableURL = program ?? binary
        process.arguments = arguments
        process.currentDirectoryURL = folder
        var environment = ProcessInfo.processInfo.environment.merging(accountFolders) { $1 }.merging(added) { $1 }
        environment["COLUMNS"] = "100"
        process.environment = environment
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = stdout ?? out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // Only the child writes to the pipe: without this the read below never sees its end.
        if stdout != nil { try out.fileHandleForWriting.close() }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout) {
            if process.isRunning { process.terminate() }
        }
        // Read both pipes to the end before waiting, so a large output cannot fill a pipe and stall.
        let group = DispatchGroup()
        nonisolated(unsafe) var errData = Data()
        group.enter()
        DispatchQueue.global().async {
            errData = err.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Run(status: process.terminationReason == .uncaughtSignal ? 128 + process.terminationStatus : process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                   stderr: String(decoding: errData, as: UTF8.self))
    }

    /// A fresh temporary folder for plans a test writes.
    static func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("actionplan-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }
}
