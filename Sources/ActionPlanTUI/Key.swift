import ActionPlanModel

/// A key press, as the interface understands it.
public enum Key: Hashable, Sendable {
    case character(Character)
    case up, down, left, right, pageUp, pageDown, home, end
    case enter, escape, tab, backTab, backspace, delete
    /// Ctrl and a letter, such as Ctrl-S.
    case control(Character)

    /// How help shows it: `↑`, `PgDn`, `Enter`, `/`.
    public var label: String {
        switch self {
        case .character(" "): "Space"
        case .character(let c): String(c)
        case .up: "↑"
        case .down: "↓"
        case .left: "←"
        case .right: "→"
        case .pageUp: "PgUp"
        case .pageDown: "PgDn"
        case .home: "Home"
        case .end: "End"
        case .enter: "Enter"
        case .escape: "Esc"
        case .tab: "Tab"
        case .backTab: "S-Tab"
        case .backspace: "Bksp"
        case .delete: "Del"
        case .control(let c): "^" + String(c).uppercased()
        }
    }
}

/// Something that happened: a key, a resize, or news from the runtime.
public enum Event: Sendable {
    case key(Key)
    case resize(width: Int, height: Int)
    /// The journal changed on disk (another session wrote to it).
    case journalChanged(Journal)
    /// The result of a write the update asked for.
    case written(Result<Record, WriteFailure>)
    /// Where the runtime saved a quarter's report, or why it could not.
    case exported(Quarter, Result<String, ExportFailure>)
}

/// What the update function asks the runtime to do; values, so tests can read them.
public enum Effect: Hashable, Sendable {
    /// Record a change through the shared write path, made from the view where the output's
    /// latest record was at `seen` (nil: overwrite knowingly).
    case write(Change, seen: Int?)
    /// Save the report on `quarter`, judged as of `asOf` while the quarter is still running.
    case export(Quarter, asOf: Day)
    case quit
}

/// Why the runtime could not record a change; nothing was written.
public struct WriteFailure: Error, Hashable, Sendable {
    public let message: String
    /// True when somebody updated the output since the form opened.
    public let isConflict: Bool

    public init(message: String, isConflict: Bool) {
        self.message = message
        self.isConflict = isConflict
    }
}

/// Why the runtime could not save a report; no file was left half-written.
public struct ExportFailure: Error, Hashable, Sendable {
    public let message: String

    public init(message: String) {
        self.message = message
    }
}
