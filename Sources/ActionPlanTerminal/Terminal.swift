import ActionPlanTUI
import CNcursesw
import Foundation

/// The thin backend: puts the terminal in full-screen mode, copies grids to it through ncurses,
/// and reads keys. The only code that touches ncurses.
final class Terminal: Backend {
    private let screen: OpaquePointer
    private let window: UnsafeMutablePointer<WINDOW>
    private let colour: Bool
    /// What the terminal shows now, so a redraw sends only the cells that changed.
    private var shown: Grid?

    /// Starts full-screen mode on standard input and output, or says why it cannot.
    init() throws(TerminalError) {
        // Wide characters (£, curly quotes, box lines) need a UTF-8 locale; containers often have C.
        setlocale(LC_ALL, "")
        if shim_locale_is_utf8() == 0 { setlocale(LC_ALL, "C.UTF-8") }
        shim_catch_signals()
        guard let screen = shim_newterm(), let window = shim_stdscr() else {
            throw TerminalError(message: "cannot start the full-screen interface on terminal type '\(ProcessInfo.processInfo.environment["TERM"] ?? "")'")
        }
        self.screen = screen
        self.window = window
        cbreak()
        noecho()
        keypad(window, true)
        set_escdelay(25)
        curs_set(0)
        wtimeout(window, 250)
        colour = ProcessInfo.processInfo.environment["NO_COLOR"] == nil && has_colors()
        if colour {
            start_color()
            use_default_colors()
            let grey = shim_colors() >= 16 ? Int16(8) : Int16(COLOR_WHITE)
            for (pair, foreground) in [(1, COLOR_BLUE), (2, COLOR_GREEN), (3, COLOR_YELLOW), (4, COLOR_RED), (5, Int32(grey)), (6, COLOR_CYAN)] {
                init_pair(Int16(pair), Int16(foreground), -1)
            }
        }
    }

    var size: (width: Int, height: Int) {
        (Int(getmaxx(window)), Int(getmaxy(window)))
    }

    /// Copies the cells that differ from what is on screen, then lets ncurses send the difference.
    func draw(_ grid: Grid) {
        let previous = shown.flatMap { $0.width == grid.width && $0.height == grid.height ? $0 : nil }
        if previous == nil { werase(window) }
        for y in 0..<grid.height {
            for x in 0..<grid.width {
                let cell = grid[x, y]
                if let previous, previous[x, y] == cell { continue }
                // The right half of a wide character is drawn by its left half.
                if cell.text.isEmpty { continue }
                put(cell, x: x, y: y)
            }
        }
        shown = grid
        wnoutrefresh(window)
        doupdate()
    }

    /// Makes the next draw clear the screen and send every cell, whatever ncurses thinks is there.
    func redraw() {
        shown = nil
        clearok(window, true)
    }

    private func put(_ cell: Cell, x: Int, y: Int) {
        var attributes = shim_A_NORMAL
        if cell.style.bold { attributes |= shim_A_BOLD }
        if cell.style.reverse { attributes |= shim_A_REVERSE }
        if cell.style.dim { attributes |= shim_A_DIM }
        if cell.style.underline { attributes |= shim_A_UNDERLINE }
        let pair: Int16 = colour ? Self.pair(cell.style.colour) : 0
        // A cell holds one character and up to four combining marks after it.
        var characters = cell.text.unicodeScalars.prefix(5).map { wchar_t(bitPattern: $0.value) }
        characters.append(0)
        var complex = cchar_t()
        setcchar(&complex, characters, attributes, pair, nil)
        mvwadd_wch(window, Int32(y), Int32(x), &complex)
    }

    private static func pair(_ colour: Colour?) -> Int16 {
        switch colour {
        case .blue: 1
        case .green: 2
        case .amber: 3
        case .red: 4
        case .grey: 5
        case .accent: 6
        case nil: 0
        }
    }

    /// Waits up to the poll interval for a key, a resize or a signal.
    func read() -> Input {
        var character: wint_t = 0
        let result = wget_wch(window, &character)
        let signal = shim_take_signal()
        if signal != 0 { return .signal(signal) }
        if result == KEY_CODE_YES {
            if Int32(character) == KEY_RESIZE {
                shown = nil
                return .resize(width: size.width, height: size.height)
            }
            return Self.key(code: Int32(character)).map(Input.key) ?? .idle
        }
        guard result == OK else { return Self.inputHungUp() ? .signal(SIGHUP) : .idle }
        return Self.key(character: UInt32(character)).map(Input.key) ?? .idle
    }

    /// Whether the terminal has gone: a dropped SSH connection closes it, and to ncurses a closed
    /// terminal reads as "no key yet", at once and for ever, so the loop would spin. SIGHUP does
    /// not always come with it (it did not for a forced command under sshd when the client was
    /// killed), so a hung-up terminal is taken as SIGHUP here.
    private static func inputHungUp() -> Bool {
        var input = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
        guard poll(&input, 1, 0) == 1 else { return false }
        return input.revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0
    }

    private static func key(code: Int32) -> Key? {
        switch code {
        case KEY_UP: .up
        case KEY_DOWN: .down
        case KEY_LEFT: .left
        case KEY_RIGHT: .right
        case KEY_PPAGE: .pageUp
        case KEY_NPAGE: .pageDown
        case KEY_HOME: .home
        case KEY_END: .end
        case KEY_ENTER: .enter
        case KEY_BACKSPACE: .backspace
        case KEY_DC: .delete
        case KEY_BTAB: .backTab
        default: nil
        }
    }

    private static func key(character: UInt32) -> Key? {
        switch character {
        case 10, 13: return .enter
        case 27: return .escape
        case 9: return .tab
        case 8, 127: return .backspace
        case 1...26: return Unicode.Scalar(character + 96).map { .control(Character($0)) }
        default: return Unicode.Scalar(character).map { .character(Character($0)) }
        }
    }

    /// Gives the terminal back as it was.
    func close() {
        endwin()
        delscreen(screen)
    }
}

/// Why the full-screen interface cannot start.
public struct TerminalError: Error, Sendable {
    public let message: String
}
