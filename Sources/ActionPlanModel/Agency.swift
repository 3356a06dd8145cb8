/// A body that can lead outputs: the police, a council team, an NHS trust, a charity.
public struct Agency: Hashable, Sendable, Codable {
    public let name: String
    /// The abbreviation people write (LSCB, CPS).
    public let short: String?
    /// Other spellings, typos in the source included (LCSB).
    public let aliases: [String]

    public init(name: String, short: String? = nil, aliases: [String] = []) {
        self.name = name
        self.short = short
        self.aliases = aliases
    }

    /// The shortest way to show it: the abbreviation when there is one.
    public var label: String { short ?? name }

    /// Every text that names it.
    public var spellings: [String] { [name] + (short.map { [$0] } ?? []) + aliases }
}

/// A plan's register of agencies, which turns what a lead cell says into the agency it means.
public struct AgencyRegister: Hashable, Sendable {
    public let agencies: [Agency]
    private let index: [String: Int]
    /// Each spelling exactly as the register writes it: most leads are written just so, and
    /// finding them here spares folding the text on every lookup.
    private let exact: [String: Int]

    public init(_ agencies: [Agency] = []) {
        self.agencies = agencies
        var index: [String: Int] = [:]
        var exact: [String: Int] = [:]
        for (position, agency) in agencies.enumerated() {
            for spelling in agency.spellings {
                let key = Self.key(spelling)
                if index[key] == nil { index[key] = position }
                if exact[spelling] == nil { exact[spelling] = index[key] }
            }
        }
        self.index = index
        self.exact = exact
    }

    public var isEmpty: Bool { agencies.isEmpty }

    /// The agency a lead names, matching name, short form or alias without regard to case,
    /// repeated spaces or a trailing full stop ("Children & Families.").
    public func agency(named text: String) -> Agency? {
        (exact[text] ?? index[Self.key(text)]).map { agencies[$0] }
    }

    /// The text that two spellings of one name share.
    static func key(_ text: String) -> String {
        text.lowercased().words.joined(separator: " ")
            .trimmingCharacters(in: ".")
    }
}

extension AgencyRegister: Codable {
    /// Only the agencies are kept: the lookup tables are rebuilt from them, as on parsing.
    public init(from decoder: any Decoder) throws {
        self.init(try [Agency](from: decoder))
    }

    public func encode(to encoder: any Encoder) throws {
        try agencies.encode(to: encoder)
    }
}
