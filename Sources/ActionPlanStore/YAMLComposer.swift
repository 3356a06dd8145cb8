internal import CYaml

/// Composes a YAML document into a `YAMLValue` straight from libyaml's events.
///
/// Why not Yams's `Parser.singleRoot()`, whose libyaml this is: at 10,000 outputs it cost 1.64 G
/// instructions (callgrind, release build) to compose a tree the decoder then walks once, and
/// libyaml's own `yaml_parser_parse` was only 0.76 G of that. The rest was its Swift composer: an
/// `Event` object per event, `String(bytes:encoding:)` per scalar, a `Tag` object per node,
/// duplicate keys found by hashing whole nodes into a `Dictionary(grouping:)` (281 M), and copies
/// of its large nodes. This composes the same document, with the same errors, from the same
/// events: one event struct reused, each scalar's bytes decoded once, no tags, and a short scan
/// for duplicate keys: 0.89 G instructions at 10,000 outputs, 0.76 G of them libyaml's. Yams
/// still writes YAML (PlanYAML).
enum YAMLComposer {
    /// The document's root, nil when the text holds no document (empty, or only comments).
    static func compose(_ text: String) -> Result<YAMLValue?, YAMLProblem> {
        // libyaml requires an input pointer, which an empty string need not have.
        guard !text.isEmpty else { return .success(nil) }
        var text = text
        return text.withUTF8 { bytes in
            let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
            defer { parser.deallocate() }
            guard yaml_parser_initialize(parser) == 1 else { return .failure(.memory) }
            defer { yaml_parser_delete(parser) }
            yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)
            yaml_parser_set_input_string(parser, bytes.baseAddress, bytes.count)
            var events = Events(parser: parser)
            defer { yaml_event_delete(&events.event) }
            do throws(YAMLProblem) {
                return .success(try events.document())
            } catch {
                return .failure(error)
            }
        }
    }
}

/// What libyaml, or composing its events, found wrong: YAMLDiagnostics says it to the user.
enum YAMLProblem: Error {
    /// libyaml's scanner, parser or composer error: `problem` at `mark`, met while reading what
    /// `context` names.
    case syntax(problem: String, mark: YAMLMark, context: Context?)
    /// A character libyaml's reader refuses, at a byte offset; `value` is the character, or -1.
    case reader(problem: String, offset: Int, value: Int32)
    /// Keys written more than once in one mapping, sorted, as the user reads them (a text in
    /// quotes, a list or mapping by its line), and where the first of them is first written.
    case duplicatedKeys([String], at: YAMLMark)
    /// libyaml could not allocate.
    case memory

    struct Context: Sendable {
        let text: String
        let mark: YAMLMark
    }
}

/// libyaml's events, one at a time, composed into values.
private struct Events {
    let parser: UnsafeMutablePointer<yaml_parser_t>
    /// The event last parsed; each is freed as the next is parsed, and the last by the caller.
    var event = yaml_event_t()
    /// Where each anchored value starts, by anchor: an alias says where the value it repeats is.
    private var anchors: [String: YAMLMark] = [:]

    init(parser: UnsafeMutablePointer<yaml_parser_t>) {
        self.parser = parser
    }

    /// A collection begun and not yet ended.
    private struct Open {
        let mark: YAMLMark
        let anchor: String?
        let isMapping: Bool
        /// Where its items or pairs start among those of every open collection.
        let start: Int
        /// A mapping's key, while its value is composed.
        var key: YAMLValue?
        /// The tag of each key written with a tag other than `!!str`, by its pair's index: such a
        /// key differs from the same text untagged (as Yams compares keys).
        var keyTags: [Int: String] = [:]
    }

    /// The stream's one document, as Yams's `singleRoot()` reads it.
    mutating func document() throws(YAMLProblem) -> YAMLValue? {
        try parse() // the stream's start
        try parse()
        guard event.type != YAML_STREAM_END_EVENT else { return nil }
        let root = try value()
        try parse() // the document's end
        try parse()
        if event.type != YAML_STREAM_END_EVENT {
            throw .syntax(problem: "but found another document", mark: Self.mark(event.start_mark),
                          context: YAMLProblem.Context(text: "expected a single document in the stream", mark: YAMLMark(line: 1, column: 1)))
        }
        return root
    }

    /// The next value, every event of it, without recursion: libyaml allows a thousand levels.
    ///
    /// The items and pairs of the collections still open wait in two arrays shared by all of
    /// them; each collection, once ended, gets an array of its own of just its size, made at once
    /// rather than grown (which cost 28 M instructions at 10,000 outputs, and left room unused).
    private mutating func value() throws(YAMLProblem) -> YAMLValue {
        var open: [Open] = []
        var items: [YAMLValue] = []
        var pairs: [YAMLValue.Pair] = []
        while true {
            try parse()
            let mark = Self.mark(event.start_mark)
            var composed: YAMLValue
            switch event.type {
            case YAML_SCALAR_EVENT:
                let scalar = event.data.scalar
                composed = .scalar(YAMLValue.Scalar(text: String(decoding: UnsafeBufferPointer(start: scalar.value, count: scalar.length), as: UTF8.self),
                                                    isPlain: scalar.style == YAML_PLAIN_SCALAR_STYLE, mark: mark))
                if let tag = scalar.tag, scalar.quoted_implicit == 0, let last = open.indices.last, open[last].isMapping, open[last].key == nil {
                    let name = String(cString: tag)
                    if name != "tag:yaml.org,2002:str" { open[last].keyTags[pairs.count - open[last].start] = name }
                }
                remember(scalar.anchor, at: mark)
            case YAML_ALIAS_EVENT:
                guard let anchor = event.data.alias.anchor, let repeated = anchors[String(cString: anchor)] else {
                    throw .syntax(problem: "found undefined alias", mark: mark, context: nil)
                }
                composed = .alias(mark, repeats: repeated)
            case YAML_SEQUENCE_START_EVENT:
                open.append(Open(mark: mark, anchor: Self.text(event.data.sequence_start.anchor), isMapping: false, start: items.count))
                continue
            case YAML_MAPPING_START_EVENT:
                open.append(Open(mark: mark, anchor: Self.text(event.data.mapping_start.anchor), isMapping: true, start: pairs.count))
                continue
            default:
                // A sequence's or mapping's end: the only other events within a document.
                guard let closed = open.popLast() else { continue }
                if closed.isMapping {
                    let own = Array(pairs[closed.start...])
                    pairs.removeSubrange(closed.start...)
                    if let duplicates = DuplicateKeys.find(in: own, tags: closed.keyTags) { throw duplicates }
                    composed = .mapping(own, closed.mark)
                } else {
                    composed = .sequence(Array(items[closed.start...]), closed.mark)
                    items.removeSubrange(closed.start...)
                }
                if let anchor = closed.anchor { anchors[anchor] = closed.mark }
            }
            guard let last = open.indices.last else { return composed }
            if !open[last].isMapping {
                items.append(composed)
            } else if let key = open[last].key {
                pairs.append(YAMLValue.Pair(key: key, value: composed))
                open[last].key = nil
            } else {
                open[last].key = composed
            }
        }
    }

    /// Parses the next event in place of the last, or throws what libyaml found wrong.
    private mutating func parse() throws(YAMLProblem) {
        yaml_event_delete(&event)
        guard yaml_parser_parse(parser, &event) == 1 else { throw problem() }
    }

    private mutating func remember(_ anchor: UnsafeMutablePointer<yaml_char_t>?, at mark: YAMLMark) {
        if let name = Self.text(anchor) { anchors[name] = mark }
    }

    /// The parser's error, as Yams's `YamlError` took it.
    private func problem() -> YAMLProblem {
        let state = parser.pointee
        let problem = state.problem.map { String(cString: $0) } ?? ""
        switch state.error {
        case YAML_READER_ERROR:
            return .reader(problem: problem, offset: state.problem_offset, value: state.problem_value)
        case YAML_SCANNER_ERROR, YAML_PARSER_ERROR, YAML_COMPOSER_ERROR:
            let context = state.context.map { YAMLProblem.Context(text: String(cString: $0), mark: Self.mark(state.context_mark)) }
            return .syntax(problem: problem, mark: Self.mark(state.problem_mark), context: context)
        default:
            return .memory
        }
    }

    private static func text(_ bytes: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        bytes.map { String(cString: $0) }
    }

    private static func mark(_ mark: yaml_mark_t) -> YAMLMark {
        YAMLMark(line: mark.line + 1, column: mark.column + 1)
    }
}

/// Keys written twice in one mapping, found as Yams finds them: the same text with the same tag,
/// or collections of the same values; reported sorted, at the first written of the first key.
private enum DuplicateKeys {
    /// Mappings up to this size are checked pair by pair; larger ones through a set.
    private static let scannedPairwise = 16

    /// A scalar key as Yams compares them: its text and any tag other than `!!str`.
    private struct Key: Hashable {
        let text: String
        let tag: String?
    }

    static func find(in pairs: [YAMLValue.Pair], tags: [Int: String]) -> YAMLProblem? {
        if pairs.count <= scannedPairwise {
            var any = false
            search: for later in pairs.indices.dropFirst() {
                for earlier in 0..<later where same(pairs, earlier, later, tags) {
                    any = true
                    break search
                }
            }
            if !any { return nil }
        }
        // The first index of each key written again, in the order first written.
        var first: [Key: Int] = [:]
        var collections: [Int] = []
        var repeated: [Int] = []
        for (index, pair) in pairs.enumerated() {
            if let scalar = pair.key.scalar {
                let key = Key(text: scalar.text, tag: tags[index])
                if let earlier = first[key] {
                    if !repeated.contains(earlier) { repeated.append(earlier) }
                } else {
                    first[key] = index
                }
            } else if let earlier = collections.first(where: { same(pairs[$0].key, pair.key) }) {
                if !repeated.contains(earlier) { repeated.append(earlier) }
            } else {
                collections.append(index)
            }
        }
        guard !repeated.isEmpty else { return nil }
        // Scalars by their text, as Yams sorts them; others after them.
        let sorted = repeated.enumerated().sorted { a, b in
            switch (pairs[a.element].key.scalar, pairs[b.element].key.scalar) {
            case let (x?, y?): x.text != y.text ? x.text < y.text : a.offset < b.offset
            case (_?, nil): true
            case (nil, _?): false
            case (nil, nil): a.offset < b.offset
            }
        }.map(\.element)
        guard let firstIndex = sorted.first else { return nil }
        return .duplicatedKeys(sorted.map { pairs[$0].key.scalar.map { "'\($0.text)'" } ?? "a list or mapping (line \(pairs[$0].key.mark.line))" },
                               at: pairs[firstIndex].key.mark)
    }

    private static func same(_ pairs: [YAMLValue.Pair], _ a: Int, _ b: Int, _ tags: [Int: String]) -> Bool {
        if let x = pairs[a].key.scalar, let y = pairs[b].key.scalar {
            return x.text == y.text && (tags.isEmpty || tags[a] == tags[b])
        }
        return same(pairs[a].key, pairs[b].key)
    }

    /// Whether two keys hold the same values; an alias is like nothing else (plans refuse it).
    private static func same(_ a: YAMLValue, _ b: YAMLValue) -> Bool {
        switch (a, b) {
        case let (.scalar(x), .scalar(y)):
            x.text == y.text
        case let (.sequence(x, _), .sequence(y, _)):
            x.count == y.count && zip(x, y).allSatisfy { same($0, $1) }
        case let (.mapping(x, _), .mapping(y, _)):
            x.count == y.count && zip(x, y).allSatisfy { same($0.key, $1.key) && same($0.value, $1.value) }
        default:
            false
        }
    }
}
