/// A one-line text being typed: characters (not bytes) and a cursor, so £, curly quotes and
/// accented names edit as people expect.
public struct TextField: Hashable, Sendable {
    public private(set) var characters: [Character]
    /// Between characters: 0 is before the first.
    public private(set) var cursor: Int

    public init(_ text: String = "") {
        characters = Array(text)
        cursor = characters.count
    }

    public var text: String { String(characters) }

    /// The keys that edit besides typed characters: the command tables route them here.
    static let editingKeys: [Key] = [.left, .right, .home, .end, .backspace, .delete, .control("a"), .control("e"), .control("u")]

    /// Applies an editing key; false when the key is not an editing key.
    public mutating func handle(_ key: Key) -> Bool {
        switch key {
        case .character(let character) where !character.isNewline:
            characters.insert(character, at: cursor)
            cursor += 1
        case .backspace where cursor > 0:
            cursor -= 1
            characters.remove(at: cursor)
        case .delete where cursor < characters.count:
            characters.remove(at: cursor)
        case .left: cursor = max(0, cursor - 1)
        case .right: cursor = min(characters.count, cursor + 1)
        case .home, .control("a"): cursor = 0
        case .end, .control("e"): cursor = characters.count
        case .control("u"):
            characters.removeFirst(cursor)
            cursor = 0
        case .backspace, .delete:
            break
        default:
            return false
        }
        return true
    }
}
