/// A one-line text being typed: characters (not bytes) and a cursor, so £, curly quotes and
/// accented names edit as people expect.
///
/// Every edit costs time in proportion to the text at most once (an insert shifts what follows
/// the cursor), so typing into a long note stays as quick as into a short one.
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
    static let editingKeys: [Key] = [.left, .right, .home, .end, .backspace, .delete, .control("a"), .control("e"), .control("u"),
                                     .control("w"), .alt("b"), .alt("f"), .alt("d")]

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
        case .control("w"):
            let start = wordStart(before: cursor)
            characters.removeSubrange(start..<cursor)
            cursor = start
        case .alt("b"): cursor = wordStart(before: cursor)
        case .alt("f"): cursor = wordEnd(after: cursor)
        case .alt("d"): characters.removeSubrange(cursor..<wordEnd(after: cursor))
        case .backspace, .delete:
            break
        default:
            return false
        }
        return true
    }

    /// Inserts `text` at the cursor as one edit (a paste, or what an editor gave back), each run
    /// of line breaks as one space and other control characters dropped, since a field is one line.
    public mutating func insert(_ text: String) {
        let line = Self.oneLine(text)
        characters.insert(contentsOf: line, at: cursor)
        cursor += line.count
    }

    /// Replaces the whole text (what an editor gave back), the cursor at its end.
    public mutating func replace(with text: String) {
        characters = Self.oneLine(text)
        cursor = characters.count
    }

    /// `text` as one line: each run of line breaks a space, tabs spaces, other controls dropped.
    static func oneLine(_ text: String) -> [Character] {
        var line: [Character] = []
        line.reserveCapacity(text.count)
        var inBreak = false
        for character in text {
            if character.isNewline {
                if !inBreak { line.append(" ") }
                inBreak = true
                continue
            }
            inBreak = false
            if character == "\t" {
                line.append(" ")
            } else if !character.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
                line.append(character)
            }
        }
        return line
    }

    /// Where the word before `index` starts (readline's Alt-b): back over spaces, then the word.
    private func wordStart(before index: Int) -> Int {
        var position = index
        while position > 0, !isWordCharacter(position - 1) { position -= 1 }
        while position > 0, isWordCharacter(position - 1) { position -= 1 }
        return position
    }

    /// Where the word after `index` ends (readline's Alt-f): over spaces, then the word.
    private func wordEnd(after index: Int) -> Int {
        var position = index
        while position < characters.count, !isWordCharacter(position) { position += 1 }
        while position < characters.count, isWordCharacter(position) { position += 1 }
        return position
    }

    private func isWordCharacter(_ index: Int) -> Bool {
        characters.indices.contains(index) && (characters[index].isLetter || characters[index].isNumber)
    }
}
