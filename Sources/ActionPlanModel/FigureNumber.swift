/// Reads a figure as people write one: `187`, `12.5`, `1,200`, `10%`, `£1,200`, `-3`.
public enum FigureNumber {
    /// The number `text` holds, or nil when it is not one: only digits, at most one decimal point,
    /// commas between thousands, a leading minus or `£`, a trailing `%`. No exponents, no `nan`.
    public static func parse(_ text: String) -> Double? {
        var body = Substring(text.trimmingWhitespace)
        if body.hasSuffix("%") { body = body.dropLast() }
        let negative = body.hasPrefix("-")
        if negative { body = body.dropFirst() }
        if body.hasPrefix("£") { body = body.dropFirst() }
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let whole = parts.first, !whole.isEmpty else { return nil }
        let groups = whole.split(separator: ",", omittingEmptySubsequences: false)
        let digits = { (part: Substring) in !part.isEmpty && part.allSatisfy { $0.isASCII && $0.isNumber } }
        guard groups.allSatisfy(digits), groups.dropFirst().allSatisfy({ $0.count == 3 }),
              parts.count == 1 || parts.last.map(digits) == true,
              let value = Double(groups.joined() + (parts.count == 2 ? "." + (parts.last ?? "") : "")) else { return nil }
        return negative ? -value : value
    }
}
