/// English month names as plans write them: in full, as three letters, or as "Sept".
public enum Month {
    /// The full names, January first.
    public static let names = [
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ]

    /// The month's number (1 to 12) for a full or abbreviated name, ignoring case.
    public static func number(named text: some StringProtocol) -> Int? {
        let word = text.lowercased()
        if word == "sept" { return 9 }
        return lowercasedNames.firstIndex { full in
            word == full || (word.count == 3 && full.hasPrefix(word))
        }.map { $0 + 1 }
    }

    /// The full names in lower case, made once: every date a plan or journal writes is looked up here.
    private static let lowercasedNames = names.map { $0.lowercased() }

    /// The full name of month 1 to 12.
    public static func name(_ number: Int) -> String {
        names[(number - 1 + 12) % 12]
    }
}
