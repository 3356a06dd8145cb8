/// A key press, as the interface understands it.
public enum Key: Hashable, Sendable {
    case character(Character)
    case up, down, left, right, pageUp, pageDown, home, end
    case enter, escape, tab, backTab, backspace, delete
    /// Ctrl and a letter, such as Ctrl-S.
    case control(Character)
    /// Alt (Meta) and a character, such as Alt-b: what a terminal sends as Esc and the character.
    case alt(Character)

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
        case .alt(let c): "Alt-" + String(c)
        }
    }
}
