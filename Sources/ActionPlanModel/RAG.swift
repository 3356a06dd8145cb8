/// The BRAG colour that a steering group reads progress by.
///
/// Every colour has a letter, so a rating never depends on colour alone (colour-blind readers,
/// monochrome terminals, greyscale print).
public enum RAG: String, CaseIterable, Hashable, Sendable {
    case blue, green, amber, red, grey
    /// A dropped output: it has no colour and is left out of counts of live actions.
    case none

    /// The colour an officer's status gives; no status yet is grey.
    public init(rating status: Status?) {
        switch status {
        case .complete: self = .blue
        case .onTrack: self = .green
        case .atRisk: self = .amber
        case .offTrack: self = .red
        case .dropped: self = .none
        case .notStarted, nil: self = .grey
        }
    }

    /// The letter shown with the colour.
    public var letter: String {
        switch self {
        case .blue: "B"
        case .green: "G"
        case .amber: "A"
        case .red: "R"
        case .grey: "-"
        case .none: " "
        }
    }

    /// What the colour means, for the key printed with every rating.
    public var meaning: String {
        switch self {
        case .blue: "complete"
        case .green: "on track"
        case .amber: "at risk"
        case .red: "off track or overdue"
        case .grey: "not yet rated"
        case .none: "dropped"
        }
    }

    /// The colours that count as live actions, in the order reports show them.
    public static let live: [RAG] = [.blue, .green, .amber, .red, .grey]
}

/// An output's RAG on a day, and whether the date rather than the officer made it red.
public struct Rating: Hashable, Sendable {
    public let rag: RAG
    /// True when the output is red only because its deadline has passed.
    public let redBecauseOverdue: Bool

    public init(rag: RAG, redBecauseOverdue: Bool = false) {
        self.rag = rag
        self.redBecauseOverdue = redBecauseOverdue
    }

    /// The letter, with `!` when the red came from the date: `R!`.
    public var symbol: String {
        redBecauseOverdue ? rag.letter + "!" : rag.letter
    }
}

/// How a plan rates an output whose deadline has passed.
public enum OverdueRAG: String, CaseIterable, Hashable, Sendable, Codable {
    /// Red, whatever the status says (the default).
    case byDate = "by-date"
    /// The officer's rating stands; the output is still flagged overdue.
    case asRated = "as-rated"
}
