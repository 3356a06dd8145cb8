import ActionPlanModel

/// The words, agencies and date forms generated plans are made of, drawn from the real plans.
enum Vocabulary {
    static let agencies = [
        Agency(name: "Harrow Council"), Agency(name: "Metropolitan Police", short: "Police", aliases: ["Met Police"]),
        Agency(name: "Local Safeguarding Children Board", short: "LSCB", aliases: ["LCSB"]),
        Agency(name: "Children & Families", short: "C&F", aliases: ["Children and Families"]),
        Agency(name: "Crown Prosecution Service", short: "CPS"), Agency(name: "Public Health"),
        Agency(name: "Early Intervention Service", short: "EIS"), Agency(name: "The WISH Centre", short: "WISH"),
        Agency(name: "Northwick Park Hospital", short: "NPH", aliases: ["NHS – NPH"]), Agency(name: "Housing"),
        Agency(name: "Youth Offending Team", short: "YOT"), Agency(name: "Adult Services", short: "AS"),
        Agency(name: "Women and Girls Network", short: "WGN"), Agency(name: "VAWG Strategy Group", short: "VAWG SG"),
        Agency(name: "Clinical Commissioning Group", short: "CCG"),
    ]

    static let words = """
        ensure victims violence partnership training delivery refuge advocacy safeguarding referral pathway \
        awareness campaign schools young people perpetrators programme MARAC IDVA ISVA housing health \
        community services commissioning review protocol data monitoring outcomes support specialist \
        early intervention prevention provision multi-agency practitioners forced marriage FGM honour \
        abuse domestic sexual exploitation justice court prosecution risk assessment £2,000 “Caring Dads”
        """.split(whereSeparator: \.isWhitespace).map(String.init)

    /// One of `items`, chosen by `random`; `items` is never empty here.
    static func pick<T>(_ items: [T], _ random: inout SeededRandom) -> T {
        items[Int(random.next() % UInt64(items.count))]
    }

    static func sentence(_ random: inout SeededRandom, words count: Int) -> String {
        let text = (0..<max(1, count)).map { _ in pick(words, &random) }.joined(separator: " ")
        return text.prefix(1).uppercased() + text.dropFirst() + "."
    }

    /// A completion date in one of the forms plans write, blank and "TBC" included.
    static func date(_ random: inout SeededRandom) -> String {
        let year = Int.random(in: 2014...2019, using: &random)
        let month = Int.random(in: 1...12, using: &random)
        let next = String((year + 1) % 100)
        switch Int.random(in: 0..<12, using: &random) {
        case 0: return "\(year)-\(month.zeroPadded(2))-15"
        case 1: return "\(year)-\(month.zeroPadded(2))"
        case 2: return "\(Month.name(month)) \(year)"
        case 3: return "\(Month.name(month).prefix(3)) \(year)"
        case 4: return String(year)
        case 5: return "\(year)/\(next)"
        case 6: return "\(year)-\(next)"
        case 7: return "Q\(Int.random(in: 1...4, using: &random)) \(year)/\(next)"
        case 8: return "Ongoing"
        case 9: return "TBC"
        case 10: return "To be added"
        default: return ""
        }
    }
}
