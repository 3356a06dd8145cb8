/// A completion date as the plan wrote it, and the deadline it means.
public struct Due: Hashable, Sendable, Codable {
    /// What a written date commits to.
    public enum Meaning: Hashable, Sendable, Codable {
        /// Done by the last day of this period.
        case by(Period)
        /// Continuing work with no deadline: never overdue.
        case ongoing
        /// Nobody has dated it yet ("TBC", "To be added", blank).
        case undated
    }

    /// The text as written, kept for display; empty when the plan gave none.
    public let written: String
    public let meaning: Meaning

    public init(written: String, meaning: Meaning) {
        self.written = written
        self.meaning = meaning
    }

    /// No date given.
    public static let none = Due(written: "", meaning: .undated)

    /// The day by which it must be done, if it has one.
    public var deadline: Day? {
        if case .by(let period) = meaning { return period.last }
        return nil
    }

    /// Words that mean "not dated yet", compared without case.
    static let undatedWords: Set<String> = ["tbc", "tba", "to be added", "to be confirmed", "to be agreed"]

    /// Reads a completion date, or explains why it cannot and what to write instead.
    public static func parse(_ text: String, calendar: ReportingCalendar) -> Result<Due, DueProblem> {
        let trimmed = text.trimmingWhitespace
        let folded = trimmed.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
        if folded.isEmpty || undatedWords.contains(folded) {
            return .success(Due(written: trimmed, meaning: .undated))
        }
        if folded == "ongoing" {
            return .success(Due(written: trimmed, meaning: .ongoing))
        }
        if let period = Period.parse(trimmed, calendar: calendar) {
            return .success(Due(written: trimmed, meaning: .by(period)))
        }
        return .failure(DueProblem(written: trimmed, datesFound: datesWithin(trimmed, calendar: calendar)))
    }

    /// The dates that a longer text holds ("Communications Plan completed October 2014"), in
    /// order, so an error can say which date to keep.
    static func datesWithin(_ text: String, calendar: ReportingCalendar) -> [String] {
        let words = text.split { $0.isWhitespace || ",;:()".contains($0) }
            .map { $0.trimmingCharacters(in: ".") }
        var found: [String] = []
        var index = 0
        while index < words.count {
            if index + 1 < words.count {
                var pair = "\(words[index]) \(words[index + 1])"
                // "Q2 2015" names no reporting year; the one that starts in 2015 is the likely meaning.
                if words[index].count == 2, words[index].lowercased().first == "q", let year = Int(words[index + 1]),
                   words[index + 1].count == 4, calendar.firstMonth != 1 {
                    pair = "\(words[index].uppercased()) \(calendar.yearLabel(startingIn: year))"
                }
                if Period.parse(pair, calendar: calendar) != nil {
                    found.append(pair)
                    index += 2
                    continue
                }
            }
            if Period.parse(words[index], calendar: calendar) != nil || words[index].lowercased() == "ongoing" {
                found.append(words[index])
            }
            index += 1
        }
        return found
    }
}

/// Why a written completion date could not be read, with the fix to suggest.
public struct DueProblem: Error, Hashable, Sendable {
    public let written: String
    /// Dates found inside the text, if any.
    public let datesFound: [String]

    /// One sentence that says what was found and what to write instead.
    public var message: String {
        switch datesFound.count {
        case 0:
            return "'\(written)' is not a completion date; write a date such as '2015-04-30', "
                + "'April 2015', '2017', '2015/16' or 'Q2 2015/16', or 'Ongoing' or 'TBC'"
        case 1:
            return "'\(written)' is not a completion date; write 'due: \(datesFound[0])' "
                + "and move the words to 'note:'"
        default:
            let dates = datesFound.map { "'\($0)'" }.joined(separator: ", ")
            return "'\(written)' holds \(datesFound.count) dates (\(dates)); split the output "
                + "so each has one 'due:', and move the other words to 'note:'"
        }
    }
}

extension StringProtocol {
    /// The text without leading and trailing white space (newlines included).
    public var trimmingWhitespace: String {
        trimming(while: \.isWhitespace)
    }

    func trimmingCharacters(in characters: String) -> String {
        trimming { characters.contains($0) }
    }

    /// The text between the first and the last character that `unwanted` does not match.
    private func trimming(while unwanted: (Character) -> Bool) -> String {
        guard let first = firstIndex(where: { !unwanted($0) }), let last = lastIndex(where: { !unwanted($0) }) else { return "" }
        return String(self[first...last])
    }
}
