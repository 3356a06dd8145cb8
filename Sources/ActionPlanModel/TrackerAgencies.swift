/// The agency register an import builds from the leads a tracker names: one agency per
/// spelling, except where a spelling is so near an earlier one that it is taken for a slip and
/// kept as its alias, said so the coordinator can confirm or undo it.
struct TrackerAgencies {
    private(set) var register = AgencyRegister()
    /// `"Polce" (row 9) is taken for "Police" (row 4) …`, one per spelling merged.
    private(set) var merges: [String] = []

    /// Spellings shorter than this are never merged: "AS" and "CPS" are apart by one letter in three.
    static let shortest = 4

    init(_ leads: [(row: Int, names: [String])]) {
        var agencies: [(name: String, row: Int, aliases: [String])] = []
        for (row, names) in leads {
            for name in names {
                let spellings = agencies.flatMap { [$0.name] + $0.aliases }
                guard !spellings.contains(where: { $0.lowercased() == name.lowercased() }) else { continue }
                let near = name.count >= Self.shortest ? Suggestion.nearest(to: name, among: spellings.filter { $0.count >= Self.shortest }) : nil
                if let near, let index = agencies.firstIndex(where: { $0.name == near || $0.aliases.contains(near) }) {
                    agencies[index].aliases.append(name)
                    merges.append("'\(name)' (row \(row)) is taken for '\(agencies[index].name)' (row \(agencies[index].row)), as its alias; "
                        + "if it is another agency, give it its own entry under agencies:")
                } else {
                    agencies.append((name, row, []))
                }
            }
        }
        register = AgencyRegister(agencies.map { Agency(name: $0.name, aliases: $0.aliases) })
    }
}
