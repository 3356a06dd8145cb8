import ActionPlanTUI

/// What the runtime loop needs from a terminal: its size, a grid drawn, and the next input.
/// ncurses in the product (`Terminal`); a script in the tests, so the loop runs without one.
public protocol Backend: AnyObject {
    var size: (width: Int, height: Int) { get }
    /// Shows `grid`, sending only what changed where it can.
    func draw(_ grid: Grid)
    /// Forgets what the terminal shows, so the next draw clears it and sends every cell (Ctrl-L).
    func redraw()
    /// Waits up to the poll interval for a key, a resize or a signal.
    func read() -> Input
    /// Gives the terminal back for `body` (an editor runs there), then takes it again and
    /// redraws in full at the next draw.
    func suspended<T>(_ body: () -> T) -> T
}

/// What a read from the backend gave.
public enum Input: Hashable, Sendable {
    case key(Key)
    /// Text pasted as one piece (the terminal's bracketed paste): never read as keys.
    case paste(String)
    case resize(width: Int, height: Int)
    /// Nothing within the poll interval.
    case idle
    /// SIGTERM, SIGHUP or SIGINT arrived.
    case signal(Int32)
}
