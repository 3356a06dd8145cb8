import Foundation

/// The system's mail transport through the standard sendmail interface, as cron and mailx use
/// it: the message on standard input, recipients from its headers (`-t`), a lone dot not the
/// end (`-i`). Run directly, never through a shell.
struct Sendmail {
    /// Where Debian's mail transports (msmtp-mta, exim4) put it.
    static let standardPath = "/usr/sbin/sendmail"

    let path: String

    /// Whether there is a transport to hand messages to.
    var isInstalled: Bool { FileManager.default.isExecutableFile(atPath: path) }

    /// Hands `message` over; nil when the transport took it, otherwise what it said.
    func send(_ message: String) -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = ["-t", "-i"]
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = output
        do {
            try process.run()
        } catch {
            return "cannot run \(path): \(error.localizedDescription)"
        }
        // Its output is read while the message is written, so neither side can fill a pipe and stall.
        nonisolated(unsafe) var said = Data()
        let reading = DispatchGroup()
        reading.enter()
        DispatchQueue.global().async {
            said = output.fileHandleForReading.readDataToEndOfFile()
            reading.leave()
        }
        let written = (try? input.fileHandleForWriting.write(contentsOf: Data(message.utf8))) != nil
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
        reading.wait()
        let text = String(decoding: said, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        if process.terminationStatus == 0, process.terminationReason == .exit, written { return nil }
        let how = process.terminationReason == .exit ? "exit status \(process.terminationStatus)" : "signal \(process.terminationStatus)"
        return "\(path) did not take it (\(how))" + (text.isEmpty ? "" : ": \(text)")
    }
}
