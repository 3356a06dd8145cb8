import ActionPlanModel

/// The count selected on the overview: a RAG count of one pillar's row (or the total's), or one
/// of the flag counts under "Needs attention", which are that row's. Enter opens the list with
/// the filter that gives the count.
public struct OverviewCursor: Hashable, Sendable {
    /// A RAG colour's count or a flag's.
    public enum Count: Hashable, Sendable {
        case rag(RAG)
        case flag(Flag)
    }

    /// The flags the overview counts, in the order it lists them.
    static let flags: [Flag] = [.overdue, .unowned, .undated, .stale, .dueSoon]

    /// The row: a pillar's index, or the number of pillars for the "All pillars" total.
    public internal(set) var row: Int
    public internal(set) var count: Count

    /// Starts on the whole plan's overdue count, what a meeting asks about first.
    init(pillars: Int) {
        row = pillars
        count = .flag(.overdue)
    }

    /// The pillar the counts are of; nil for the whole plan.
    func pillar(of pillars: Int) -> Int? { row < pillars ? row : nil }

    /// Moves over the counts: ↑/↓ through the rows of the RAG table and then down the flags,
    /// ←/→ across the colours, → from the last colour into the row's flags and ← back.
    mutating func move(_ action: Action, pillars: Int) {
        let colours = RAG.live
        switch (count, action) {
        case (.rag, .up): row = max(0, row - 1)
        case (.rag, .down):
            if row < pillars { row += 1 } else { count = .flag(Self.flags[0]) }
        case (.rag(let colour), .previous):
            if let index = colours.firstIndex(of: colour), index > 0 { count = .rag(colours[index - 1]) }
        case (.rag(let colour), .next):
            guard let index = colours.firstIndex(of: colour) else { break }
            count = index + 1 < colours.count ? .rag(colours[index + 1]) : .flag(Self.flags[0])
        case (.flag(let flag), .up):
            guard let index = Self.flags.firstIndex(of: flag) else { break }
            count = index > 0 ? .flag(Self.flags[index - 1]) : .rag(.grey)
        case (.flag(let flag), .down):
            if let index = Self.flags.firstIndex(of: flag), index + 1 < Self.flags.count { count = .flag(Self.flags[index + 1]) }
        case (.flag, .previous): count = .rag(.grey)
        default: break
        }
    }

    /// The list filter that shows the outputs counted.
    func filter(pillars: Int) -> ListFilter {
        var filter = ListFilter()
        filter.query.pillar = pillar(of: pillars)
        switch count {
        case .rag(let colour): filter.rag = colour
        case .flag(let flag): filter.query.flags = [flag]
        }
        return filter
    }
}
