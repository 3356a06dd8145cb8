import ActionPlanModel

/// The key printed with every RAG rating, since partnerships read the colours differently.
public enum RAGKey {
    /// `Key: B complete · G on track · A at risk · R off track or overdue (R! …) · - not yet rated`.
    public static var line: String {
        "Key: " + RAG.live.map { colour in
            let entry = "\(colour.letter) \(colour.meaning)"
            return colour == .red ? entry + " (R! red because the deadline passed)" : entry
        }.joined(separator: " · ")
    }
}
