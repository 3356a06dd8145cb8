import Foundation

/// How wide the terminal that standard output goes to is, for tables that fit it.
enum TerminalWidth {
    /// The terminal's width when output goes to one; nil (no limit) when piped to a file or tool.
    static var ofOutput: Int? {
        guard isatty(STDOUT_FILENO) == 1 else { return nil }
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        return Int(ProcessInfo.processInfo.environment["COLUMNS"] ?? "") ?? 80
    }
}
