/// The agency register an import builds from the leads a tracker names: one agency per
/// spelling, except where a spelling is so near an earlier one that it is taken for a slip and
/// kept as its alias, said so the coordinator can confirm or undo it.
struct TrackerAgencies {
    private(set) var register = AgencyRegister()
    /// `"Polce" (row 9) is taken for "Police" (row 4) …`, one per spelling merged.
    private(set) var merges: [String] = []

    /// Spellings shorter than this are never merged: "AS" and "CPS" are apart by one letter in three.
    static let shortest = 4

    /// The register of the agencies `leads` name, row by row. Of two spellings taken for one
    /// agency, the one more rows use is its name (the earlier one when as many do).
    init(_ leads: [(row: Int, names: [String])]) {
        var uses: [String: Int] = [:]
        for (_, names) in leads { for name in names { uses[name.lowercased(), default: 0] += 1 } }
        var agencies: [(name: String, row: Int, aliases: [(name: String, row: Int)])] = []
        for (row, names) in leads {
            for name in names {
                let spellings = agencies.flatMap { [$0.name] + $0.aliases.map(\.name) }
                guard !spellings.contains(where: { $0.lowercased() == name.lowercased() }) else { continue }
                let near = name.count >= Self.shortest ? Suggestion.nearest(to: name, among: spellings.filter { $0.count >= Self.shortest }) : nil
                if let near, let index = agencies.firstIndex(where: { $0.name == near || $0.aliases.contains { $0.name == near } }) {
                    agencies[index].aliases.append((name, row))
                } else {
                    agencies.append((name, row, []))
                }
            }
        }
        register = AgencyRegister(agencies.map { agency in
            let all = [(agency.name, agency.row)] + agency.aliases
            let chosen = all.max { uses[$0.0.lowercased(), default: 0] < uses[$1.0.lowercased(), default: 0] } ?? (agency.name, agency.row)
            for other in all where other.0 != chosen.0 {
                merges.append("'\(other.0)' (row \(other.1)) is taken for '\(chosen.0)' (row \(chosen.1)), as its alias; "
                    + "if it is another agency, give it its own entry under agencies:")
            }
            return Agency(name: chosen.0, aliases: all.map(\.0).filter { $0 != chosen.0 })
        })
    }
}
