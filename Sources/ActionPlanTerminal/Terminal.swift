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
        shim_no_flow_control()
        // Saved as the program's mode, so it holds again after an editor has had the terminal.
        def_prog_mode()
        keypad(window, true)
        set_escdelay(Self.escapeDelay)
        curs_set(0)
        wtimeout(window, Self.pollDelay)
        Self.bracketedPaste(true)
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

    /// How long a read waits for a key before the loop looks at the journal, in milliseconds.
    private static let pollDelay: Int32 = 250
    /// How long the rest of a key sent as Esc and more may take to arrive after the Esc.
    private static let escapeDelay: Int32 = 25

    /// Asks the terminal to mark pasted text (`Esc [ 200 ~` … `Esc [ 201 ~`), or to stop.
    private static func bracketedPaste(_ on: Bool) {
        let sequence = Array((on ? "\u{1B}[?2004h" : "\u{1B}[?2004l").utf8)
        _ = sequence.withUnsafeBytes { write(STDOUT_FILENO, $0.baseAddress, $0.count) }
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

    /// Waits up to the poll interval for a key, a resize, a paste or a signal.
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
        if character == 27 {
            switch escaped() {
            case .key(let key): return .key(key)
            case .pasteStart: return .paste(pasted())
            case .pasteEnd, .ignored: return .idle
            }
        }
        return Self.key(character: UInt32(character)).map(Input.key) ?? .idle
    }

    /// One character read within `wait` milliseconds: a character, a key ncurses knew, or nil.
    private func next(within wait: Int32) -> (character: UInt32?, code: Int32?)? {
        wtimeout(window, wait)
        defer { wtimeout(window, Self.pollDelay) }
        var character: wint_t = 0
        switch wget_wch(window, &character) {
        case OK: return (UInt32(character), nil)
        case KEY_CODE_YES: return (nil, Int32(character))
        default: return nil
        }
    }

    /// What an Esc just read begins: Esc alone when nothing follows at once; otherwise a control
    /// sequence ncurses did not know, or Alt with a character.
    private func escaped() -> EscapeSequence {
        guard let follower = next(within: Self.escapeDelay) else { return .key(.escape) }
        // Alt with a key ncurses decoded (Alt-↓): the key.
        if let code = follower.code { return Self.key(code: code).map(EscapeSequence.key) ?? .ignored }
        guard let byte = follower.character else { return .key(.escape) }
        switch byte {
        case 0x5B: // [
            var body = ""
            while body.count < EscapeSequence.longest, let part = next(within: Self.escapeDelay)?.character, let scalar = Unicode.Scalar(part) {
                body.unicodeScalars.append(scalar)
                if EscapeSequence.isFinal(part) { return EscapeSequence.control(body) }
            }
            return .ignored
        case 0x4F: // O
            guard let part = next(within: Self.escapeDelay)?.character, let scalar = Unicode.Scalar(part) else { return .key(.alt("O")) }
            return EscapeSequence.keypad(Character(scalar))
        case 27:
            // Esc pressed twice: the second is a key of its own.
            unget_wch(wchar_t(bitPattern: byte))
            return .key(.escape)
        default:
            guard byte >= 0x20, byte != 0x7F, let scalar = Unicode.Scalar(byte) else {
                // Esc, then a control key: both count, one after the other.
                unget_wch(wchar_t(bitPattern: byte))
                return .key(.escape)
            }
            return .key(.alt(Character(scalar)))
        }
    }

    /// The text of a bracketed paste, read up to its closing mark; line breaks kept as read.
    /// A terminal that never closes it ends it after a second without input.
    private func pasted() -> String {
        var text = ""
        while let read = next(within: 1000) {
            if read.code == KEY_ENTER { text.append("\n") }
            guard let byte = read.character else { continue }
            if byte == 27 {
                if case .pasteEnd = escaped() { break }
                // Other escape sequences inside a paste are dropped, never acted on.
                continue
            }
            if let scalar = Unicode.Scalar(byte) { text.unicodeScalars.append(scalar) }
        }
        return text
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
        case 9: return .tab
        case 8, 127: return .backspace
        case 1...26: return Unicode.Scalar(character + 96).map { .control(Character($0)) }
        default: return Unicode.Scalar(character).map { .character(Character($0)) }
        }
    }

    func suspended<T>(_ body: () -> T) -> T {
        Self.bracketedPaste(false)
        endwin()
        let result = body()
        // Whatever the editor left on screen is painted over in full.
        shown = nil
        clearok(window, true)
        Self.bracketedPaste(true)
        return result
    }

    /// Gives the terminal back as it was.
    func close() {
        endwin()
        Self.bracketedPaste(false)
        delscreen(screen)
    }
}

/// Why the full-screen interface cannot start.
public struct TerminalError: Error, Sendable {
    public let message: String
}
