/// Where a journal stood when it was read: how many lines it had and the SHA-256 of the last one.
///
/// Each journal line carries the hash of the line before, so the last line's hash stands for every
/// line up to it. A report prints the head of the journal it was made from, written `LINE:HASH`;
/// `actionplan verify --head LINE:HASH` then proves the journal still holds those lines, so a
/// history cut short or rewritten after the report went to the board is caught.
public struct JournalHead: Hashable, Sendable, CustomStringConvertible {
    /// How many complete lines the journal had.
    public let lines: Int
    /// The lowercase hex SHA-256 of line `lines`, without its newline; 64 zeros when there is none.
    public let hash: String

    public init(lines: Int, hash: String) {
        self.lines = lines
        self.hash = hash
    }

    /// The head written `LINE:HASH`, as reports print it (the hash in either case); nil for any other text.
    public init?(_ text: some StringProtocol) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].allSatisfy({ $0.isASCII && $0.isNumber }), let lines = Int(parts[0]) else { return nil }
        let hash = parts[1].lowercased()
        guard hash.count == 64, hash.allSatisfy({ "0123456789abcdef".contains($0) }) else { return nil }
        self.init(lines: lines, hash: hash)
    }

    /// `LINE:HASH`.
    public var description: String { "\(lines):\(hash)" }
}
