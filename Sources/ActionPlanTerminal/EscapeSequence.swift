import ActionPlanTUI

/// The keys a terminal sends as Esc and more characters, decoded here when terminfo did not
/// name them: under a `TERM` that does not match the terminal (PgDn as `Esc [ 6 ~` under
/// `vt100`), Alt with a character (`Esc b`), and the marks around a bracketed paste.
enum EscapeSequence: Equatable {
    case key(Key)
    /// `Esc [ 200 ~`: what follows is pasted text, up to `Esc [ 201 ~`.
    case pasteStart
    case pasteEnd
    /// A sequence for something the interface does not use (Insert, F-keys): nothing happens.
    case ignored

    /// The longest control sequence read before giving up on it.
    static let longest = 16

    /// Whether `byte` ends a control sequence (`Esc [ … final`).
    static func isFinal(_ byte: UInt32) -> Bool { (0x40...0x7E).contains(byte) }

    /// What `Esc [ body` means: `body` is the parameters and the final character (`6~`, `1;5C`).
    static func control(_ body: String) -> EscapeSequence {
        guard let final = body.last else { return .ignored }
        // Modifiers (`1;5C`, Ctrl-→) are dropped: the key is the same key.
        let number = body.dropLast().split(separator: ";").first.flatMap { Int($0) }
        switch final {
        case "A": return .key(.up)
        case "B": return .key(.down)
        case "C": return .key(.right)
        case "D": return .key(.left)
        case "H": return .key(.home)
        case "F": return .key(.end)
        case "Z": return .key(.backTab)
        case "~":
            switch number {
            case 1, 7: return .key(.home)
            case 4, 8: return .key(.end)
            case 3: return .key(.delete)
            case 5: return .key(.pageUp)
            case 6: return .key(.pageDown)
            case 200: return .pasteStart
            case 201: return .pasteEnd
            default: return .ignored
            }
        default: return .ignored
        }
    }

    /// What `Esc O final` means (the keypad's application mode).
    static func keypad(_ final: Character) -> EscapeSequence {
        switch final {
        case "A": .key(.up)
        case "B": .key(.down)
        case "C": .key(.right)
        case "D": .key(.left)
        case "H": .key(.home)
        case "F": .key(.end)
        case "M": .key(.enter)
        default: .ignored
        }
    }
}
