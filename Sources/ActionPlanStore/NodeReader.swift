import ActionPlanModel
import Foundation

/// Reads values out of a composed YAML tree for a decoder, checking their kinds and keys and
/// collecting located diagnostics: the shared machinery behind plan and access files.
///
/// It also refuses aliases (`*name`): a plan never needs them, and expanding them is how a small
/// file could become an enormous tree. The composer leaves each one as written, so none is expanded.
struct NodeReader {
    let file: String
    /// The file's lines, for excerpts: split only when a problem is reported, as splitting a large
    /// plan into lines costs more than reading its values.
    private(set) lazy var lines: [Substring] = Self.lines(of: text)
    private let text: String
    /// The problems found, in the order found, up to `listedLimit`.
    private var listed: [Diagnostic] = []
    /// Problems found past the limit: counted, not kept, so a file of a million mistakes
    /// costs neither the memory to hold them nor a screenful each.
    private var unlisted = 0
    /// Whether any error has been reported, listed or not.
    private(set) var hasErrors = false

    init(file: String, text: String) {
        self.file = file
        self.text = text
    }

    /// `text`'s lines: YAML ends lines with LF, CRLF or CR; Swift holds CRLF as one character.
    static func lines(of text: String) -> [Substring] {
        text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }
    }

    /// As compilers do, the first few problems are listed and the rest counted.
    static let listedLimit = 50

    /// Whether later problems will only be counted: callers may skip working out their messages.
    var isFull: Bool { listed.count >= Self.listedLimit }

    /// The problems listed in the order of the file, then one saying how many more there are.
    var diagnostics: [Diagnostic] {
        let sorted = listed.sorted { ($0.location.line, $0.location.column) < ($1.location.line, $1.location.column) }
        guard unlisted > 0, let last = sorted.last else { return sorted }
        return sorted + [Diagnostic(.error, at: last.location,
            "\(unlisted) more problem\(unlisted == 1 ? "" : "s") after this one \(unlisted == 1 ? "is" : "are") not listed; fix these \(listed.count) and check again")]
    }

    /// A key of a mapping, with its value.
    struct Field {
        let name: String
        let key: YAMLValue
        let value: YAMLValue
    }

    /// The fields of one mapping, found by name: a mapping holds a dozen keys at most, so looking
    /// along them costs less than a dictionary made and hashed for each of a plan's outputs.
    ///
    /// It holds the mapping's own pairs, shared with the tree, and which of them were taken: copying
    /// each field into arrays of its own cost 960 instructions a field (51 M at 10,000 outputs).
    struct Fields {
        private let pairs: [YAMLValue.Pair]
        /// Bit `i` is set when pair `i` was taken; pairs past the 64th, in `takenBeyond`.
        private var taken: UInt64 = 0
        private var takenBeyond: [Int] = []

        fileprivate init(_ pairs: [YAMLValue.Pair]) {
            self.pairs = pairs
        }

        /// The last pair taken whose key is `name` (keys of one text but different tags are
        /// different keys to YAML: the last of them counts).
        subscript(name: String) -> Field? {
            for index in pairs.indices.reversed() where isTaken(index) {
                let pair = pairs[index]
                // Lengths first: most keys passed differ in length, and comparing them is a call.
                if case .scalar(let key) = pair.key, key.text.utf8.count == name.utf8.count, key.text == name {
                    return Field(name: name, key: pair.key, value: pair.value)
                }
            }
            return nil
        }

        private func isTaken(_ index: Int) -> Bool {
            index < UInt64.bitWidth ? taken & (1 << UInt64(index)) != 0 : takenBeyond.contains(index)
        }

        fileprivate mutating func take(_ index: Int) {
            if index < UInt64.bitWidth { taken |= 1 << UInt64(index) } else { takenBeyond.append(index) }
        }
    }

    /// The keys of a mapping, each checked against those this part of a plan takes.
    mutating func fields(of node: YAMLValue, what: String, allowed: [String], synonyms: [String: String] = [:]) -> Fields? {
        guard let mapping = node.mapping else {
            error(at: node, "expected \(what) as a mapping of keys (\(allowed.joined(separator: ", "))), but found \(Self.kind(node))")
            return nil
        }
        var fields = Fields(mapping)
        for (index, pair) in mapping.enumerated() {
            if refusedAlias(pair.key, at: pair.value) { continue }
            guard let name = pair.key.scalar?.text else {
                error(at: pair.key, "a key must be a plain word, such as '\(allowed[0])'")
                continue
            }
            guard allowed.contains(name) else {
                error(at: pair.key, Self.unknownKey(name, in: what, allowed: allowed, synonyms: synonyms))
                continue
            }
            if refusedAlias(pair.value, at: pair.key) { continue }
            fields.take(index)
        }
        return fields
    }

    /// The pairs of a mapping that neither key nor value is an alias, refusing those that are.
    mutating func pairs(of mapping: [YAMLValue.Pair]) -> [YAMLValue.Pair] {
        mapping.filter { !refusedAlias($0.key, at: $0.value) && !refusedAlias($0.value, at: $0.key) }
    }

    /// What to say of a key that `what` does not take, with the key that was probably meant.
    private static func unknownKey(_ name: String, in what: String, allowed: [String], synonyms: [String: String]) -> String {
        let meant = synonyms[name.lowercased()].flatMap { allowed.contains($0) ? $0 : nil }
            ?? Suggestion.nearest(to: name, among: allowed)
        let hint = meant.map { "did you mean '\($0)'? " } ?? ""
        return "unknown key '\(name)' in \(what); \(hint)\(what) takes: \(allowed.joined(separator: ", "))"
    }

    /// The items of a list, or an error saying the key takes one.
    mutating func items(_ field: Field, what: String) -> [YAMLValue] {
        if isNull(field.value) { return [] }
        guard let sequence = field.value.sequence else {
            error(at: field.value, "'\(field.name)' takes a list, with one '- ' item a line, but found \(Self.kind(field.value))")
            return []
        }
        // A list without aliases, as every plan's, is shared with the tree rather than copied.
        guard sequence.contains(where: \.isAlias) else { return sequence }
        return sequence.filter { !refusedAlias($0, at: field.key) }
    }

    /// A list of texts; with `scalarAllowed`, a single text is taken as a list of one.
    mutating func texts(_ field: Field, scalarAllowed: Bool = false) -> [String] {
        if field.value.scalar != nil {
            guard scalarAllowed || isNull(field.value) else {
                error(at: field.value, "'\(field.name)' takes a list: write '\(field.name): [TEXT]', or one '- TEXT' a line below it")
                return []
            }
            return text(field).map { [$0] } ?? []
        }
        return items(field, what: field.name).compactMap { node in
            guard node.scalar != nil else {
                error(at: node, "each item of '\(field.name)' is text, but this one is \(Self.kind(node))")
                return nil
            }
            return scalarText(node)
        }
    }

    /// A text value, or nil when it is empty or null; an error when it is a list or mapping.
    mutating func text(_ field: Field) -> String? {
        guard field.value.scalar != nil else {
            error(at: field.value, "'\(field.name)' takes text, but found \(Self.kind(field.value)); write the text on the same line, or as a block after '\(field.name): |'")
            return nil
        }
        return scalarText(field.value)
    }

    mutating func requiredText(_ fields: Fields, _ key: String, in node: YAMLValue, what: String, hint: String) -> String? {
        if let field = fields[key], let value = text(field) { return value }
        if fields[key] == nil || fields[key].map({ $0.value.scalar != nil }) == true {
            error(at: fields[key]?.value ?? node, "\(what) needs '\(key): ' with \(hint)")
        }
        return nil
    }

    /// A scalar's text exactly as written, trimmed; nil for YAML's null forms.
    func scalarText(_ node: YAMLValue) -> String? {
        guard !isNull(node), let scalar = node.scalar else { return nil }
        // Most values begin and end with a visible ASCII character: nothing to trim, and no copy.
        if let first = scalar.text.utf8.first, let last = scalar.text.utf8.last, Self.visibleASCII.contains(first), Self.visibleASCII.contains(last) {
            return scalar.text
        }
        let trimmed = scalar.text.trimmingWhitespace
        return trimmed.isEmpty ? nil : trimmed
    }

    /// Whether a mapping holds `key` at all, even where its value was refused.
    func has(_ node: YAMLValue, key: String) -> Bool {
        node.mapping?.contains { $0.key.scalar?.text == key } ?? false
    }

    /// Bytes that are a character of their own and never whitespace.
    private static let visibleASCII: ClosedRange<UInt8> = 0x21...0x7E

    func isNull(_ node: YAMLValue) -> Bool {
        guard let scalar = node.scalar, scalar.isPlain else { return false }
        switch scalar.text {
        case "", "~", "null", "Null", "NULL": return true
        default: return false
        }
    }

    // MARK: Aliases, locations, messages

    /// Whether `value` is an alias, which is then refused at `place`.
    private mutating func refusedAlias(_ value: YAMLValue, at place: YAMLValue) -> Bool {
        guard case .alias(_, let repeated) = value else { return false }
        error(at: place, "this repeats the value from line \(repeated.line) through an alias (*); plans do not use anchors and aliases: write the value out")
        return true
    }

    static func kind(_ node: YAMLValue) -> String {
        switch node {
        case .mapping: "a mapping (key: value lines)"
        case .sequence: "a list"
        case .scalar(let scalar): "the text '\(scalar.text)'"
        case .alias: "an alias"
        }
    }

    func location(of node: YAMLValue) -> SourceLocation {
        SourceLocation(file: file, line: node.mark.line, column: node.mark.column)
    }

    mutating func error(at node: YAMLValue, _ message: @autoclosure () -> String) {
        report(.error, at: node, message())
    }

    mutating func warning(at node: YAMLValue, _ message: @autoclosure () -> String) {
        report(.warning, at: node, message())
    }

    /// Notes a problem at `node`; `message` is worked out only if the problem will be listed.
    mutating func report(_ severity: Diagnostic.Severity, at node: YAMLValue, _ message: @autoclosure () -> String) {
        report(severity, at: location(of: node), message())
    }

    mutating func report(_ severity: Diagnostic.Severity, at place: SourceLocation, _ message: @autoclosure () -> String) {
        if severity == .error { hasErrors = true }
        guard !isFull else {
            unlisted += 1
            return
        }
        let excerpt = YAMLDiagnostics.excerpt(lines, place.line)
        listed.append(Diagnostic(severity, at: place, message(), excerpt: excerpt))
    }
}
