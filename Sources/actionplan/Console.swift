import ActionPlanStore
import Foundation

/// Where commands print: standard output, a record's receipt, and standard error.
enum Console {
    /// Prints `text` on standard output. When it cannot be written (a full disk, a closed pipe)
    /// the command stops with exit 1, saying why on standard error: nothing it would print next
    /// could be read either. A reader that went away (`list | head`) is no news, so it is not said.
    static func out(_ text: String) {
        out(bytes: text.utf8)
    }

    /// Prints text already in UTF-8, as `out(_:)` does: a long table is printed from the buffer
    /// it was built in, not checked again as a string.
    static func out(bytes text: some Sequence<UInt8>) {
        guard let problem = write(line(text), to: STDOUT_FILENO) else { return }
        if problem != EPIPE { error("actionplan: cannot write the output: \(String(cString: strerror(problem)))") }
        Foundation.exit(1)
    }

    /// Prints the receipt of a record already written. The record stands whether or not its
    /// receipt can be printed, so a failure is said on standard error and the command still
    /// succeeds: a script that retried on failure would record it twice.
    static func receipt(_ text: String) {
        guard let problem = write(line(text.utf8), to: STDOUT_FILENO) else { return }
        error("actionplan: \(text); its receipt could not be printed: \(String(cString: strerror(problem)))")
    }

    /// Prints `text` on standard error, if it can be: there is nowhere left to say otherwise.
    static func error(_ text: String) {
        _ = write(line(text.utf8), to: STDERR_FILENO)
    }

    /// Writes all of `bytes` to `fd`; nil when done, otherwise the errno that stopped it.
    private static func write(_ bytes: Data, to fd: Int32) -> Int32? {
        FileBytes.write(bytes, to: fd) ? nil : errno
    }

    /// The text's bytes ending in one newline. Bytes, not characters: CSV's closing "\r\n" is a
    /// single Character, which `hasSuffix("\n")` does not match.
    private static func line(_ text: some Sequence<UInt8>) -> Data {
        var bytes = Data(text)
        if bytes.last != UInt8(ascii: "\n") { bytes.append(UInt8(ascii: "\n")) }
        return bytes
    }
}
