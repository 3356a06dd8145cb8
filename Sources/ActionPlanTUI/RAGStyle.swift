import ActionPlanModel

extension RAG {
    /// The colour a RAG letter is drawn in; the letter is always there too.
    var colour: Colour? {
        switch self {
        case .blue: .blue
        case .green: .green
        case .amber: .amber
        case .red: .red
        case .grey: .grey
        case .none: nil
        }
    }
}
