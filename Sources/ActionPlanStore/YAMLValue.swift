/// A place in a YAML file: 1-based line and column, columns counting Unicode scalars, as libyaml
/// counts them. Held in 32 bits each: a plan is at most 128 MB.
struct YAMLMark: Sendable, Equatable {
    private let storedLine: UInt32
    private let storedColumn: UInt32

    var line: Int { Int(storedLine) }
    var column: Int { Int(storedColumn) }

    init(line: Int, column: Int) {
        storedLine = UInt32(truncatingIfNeeded: line)
        storedColumn = UInt32(truncatingIfNeeded: column)
    }
}

/// A YAML document as written, composed from libyaml's events (see YAMLComposer): every scalar
/// is its text, with no tag resolved; an alias stays an alias, since plans refuse them.
enum YAMLValue: Sendable {
    case scalar(Scalar)
    case sequence([YAMLValue], YAMLMark)
    /// The pairs in the order written; no key appears twice (the composer refuses that).
    case mapping([Pair], YAMLMark)
    /// `*name`: where it stands, and where the value it repeats starts.
    case alias(YAMLMark, repeats: YAMLMark)

    struct Scalar: Sendable {
        let text: String
        /// Written without quotes or block indicators: only such a scalar can be YAML's null.
        let isPlain: Bool
        let mark: YAMLMark
    }

    struct Pair: Sendable {
        let key: YAMLValue
        let value: YAMLValue
    }

    /// Where the value starts (for an alias, where the alias stands).
    var mark: YAMLMark {
        switch self {
        case .scalar(let scalar): scalar.mark
        case .sequence(_, let mark), .mapping(_, let mark), .alias(let mark, _): mark
        }
    }

    var isAlias: Bool {
        if case .alias = self { true } else { false }
    }

    var scalar: Scalar? {
        if case .scalar(let scalar) = self { scalar } else { nil }
    }

    var sequence: [YAMLValue]? {
        if case .sequence(let items, _) = self { items } else { nil }
    }

    var mapping: [Pair]? {
        if case .mapping(let pairs, _) = self { pairs } else { nil }
    }
}
