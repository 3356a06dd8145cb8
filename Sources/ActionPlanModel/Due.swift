/// A completion date as the plan wrote it, and the deadline it means.
public struct Due: Hashable, Sendable, Codable {
    /// What a written date commits to.
    public enum Meaning: Hashable, Sendable, Codable {
        /// Done by the last day of this period. A written span ("Jan 2015 - March 2016") is one
        /// period too: work starts on its first day and is due by its last.
        case by(Period)
        /// A milestone due by the last day of this period, then continuing work ("April 2015 and
        /// then ongoing"): overdue only until the milestone is met (see `Plan.assess`).
        case milestoneThenOngoing(Period)
        /// Due again every period ("annually", "each quarter"): overdue when a whole period
        /// passes with nothing recorded about it.
        case recurring(Recurrence)
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

    /// The one fixed day by which it must be done (for a milestone, the milestone's), if it has one.
    public var deadline: Day? {
        switch meaning {
        case .by(let period), .milestoneThenOngoing(let period): period.last
        case .recurring, .ongoing, .undated: nil
        }
    }

    /// Endings that turn a date into a milestone followed by continuing work.
    static let thenOngoing = [" and then ongoing", " then ongoing", " and ongoing", ", then ongoing", ", ongoing"]

    /// What stands between the start and the end of a written span: a hyphen, an en or em dash,
    /// or "to". Tried after the whole text failed to read as one date, so `2015-04` and
    /// `2017-2018` stay a month and a reporting year, and only a hyphen that splits the text in
    /// two dates ("Jan 2015-March 2016", as Shared Services writes it) makes a span.
    static let spanSeparators = [" - ", "–", "—", " to ", "-"]

    /// Words that mean "not dated yet", compared without case.
    static let undatedWords: Set<String> = ["tbc", "tba", "to be added", "to be confirmed", "to be agreed"]

    /// Reads a completion date, or explains why it cannot and what to write instead.
    public static func parse(_ text: String, calendar: ReportingCalendar) -> Result<Due, DueProblem> {
        let trimmed = text.trimmingWhitespace
        let folded = trimmed.lowercased().words.joined(separator: " ")
        if folded.isEmpty || undatedWords.contains(folded) {
            return .success(Due(written: trimmed, meaning: .undated))
        }
        if folded == "ongoing" {
            return .success(Due(written: trimmed, meaning: .ongoing))
        }
        if let every = Recurrence.words[folded] {
            return .success(Due(written: trimmed, meaning: .recurring(Recurrence(every: every, calendar: calendar))))
        }
        if let ending = thenOngoing.first(where: folded.hasSuffix),
           let period = Period.parse(String(folded.dropLast(ending.count)), calendar: calendar) {
            return .success(Due(written: trimmed, meaning: .milestoneThenOngoing(period)))
        }
        // "2017–2018" with a dash is the reporting year that "2017-2018" is, not a span.
        // Only when there is a dash to replace: `replacing` searches through generic code, a quarter of a parse.
        if let period = Period.parse(folded.unicodeScalars.contains("–") ? folded.replacing("–", with: "-") : folded, calendar: calendar) {
            return .success(Due(written: trimmed, meaning: .by(period)))
        }
        if let span = span(folded, written: trimmed, calendar: calendar) {
            return span.map { Due(written: trimmed, meaning: .by($0)) }
        }
        return .failure(DueProblem(written: trimmed, datesFound: datesWithin(trimmed, calendar: calendar)))
    }

    /// Reads "Jan 2015 - March 2016" (or with `–` or `to`): from the first day of the start to
    /// the last day of the end. Nil when the text is not two dates around a separator.
    static func span(_ folded: String, written: String, calendar: ReportingCalendar) -> Result<Period, DueProblem>? {
        for separator in spanSeparators {
            let sides = folded.split(separator: separator, omittingEmptySubsequences: false)
            guard sides.count == 2, let start = Period.parse(String(sides[0]), calendar: calendar),
                  let end = Period.parse(String(sides[1]), calendar: calendar) else { continue }
            guard start.first <= end.last else {
                return .failure(DueProblem(written: written, datesFound: [], reason: "it ends (\(end.last)) before it starts "
                    + "(\(start.first)); write the start first, such as 'Jan 2015 - March 2016'"))
            }
            return .success(Period(first: start.first, last: end.last))
        }
        return nil
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
    /// Why it is wrong when the text does hold a date form, and what to write instead.
    public let reason: String?

    public init(written: String, datesFound: [String], reason: String? = nil) {
        self.written = written
        self.datesFound = datesFound
        self.reason = reason
    }

    /// One sentence that says what was found and what to write instead in a plan file.
    public var message: String {
        message(writtenIn: .planFile)
    }

    /// One sentence that says what was found and what to write instead, naming the fields of
    /// the `place` the date was written in.
    public func message(writtenIn place: DatePlace) -> String {
        if let reason { return "'\(written)' is not a completion date: \(reason)" }
        switch (datesFound.count, place) {
        case (0, _):
            return "'\(written)' is not a completion date; write a date such as '2015-04-30', '30/04/2015', "
                + "'April 2015', '2017', '2015/16', 'Q2 2015/16' or 'Jan 2015 - March 2016', or "
                + "'April 2015 and then ongoing', 'Annually', 'Quarterly', 'Ongoing' or 'TBC'"
        case (1, .planFile):
            return "'\(written)' is not a completion date; write 'due: \(datesFound[0])' "
                + "and move the words to 'note:'"
        case (1, .commandLine):
            return "'\(written)' is not a completion date; give the date alone (--due '\(datesFound[0])') "
                + "and the words as --note"
        case (_, .planFile):
            return "'\(written)' holds \(datesFound.count) dates (\(datesList)); split the output "
                + "so each has one 'due:', and move the other words to 'note:'"
        case (_, .commandLine):
            return "'\(written)' holds \(datesFound.count) dates (\(datesList)); give the one deadline alone "
                + "with --due, and the other words as --note"
        }
    }

    private var datesList: String {
        datesFound.map { "'\($0)'" }.joined(separator: ", ")
    }
}

/// Where a completion date was written, which decides how advice about it names the fields.
public enum DatePlace: Sendable {
    /// A plan file: `due:` and `note:`.
    case planFile
    /// A command's options: `--due` and `--note`.
    case commandLine
}

extension StringProtocol {
    /// The text's words: split at each run of white space, none empty, as
    /// `split(whereSeparator: \.isWhitespace)` splits it. An ASCII text, as dates and agency names
    /// nearly always are, is split by byte: asking each Character whether it is white space cost
    /// a quarter of reading a date.
    var words: [SubSequence] {
        guard utf8.allSatisfy({ $0 < 0x80 }) else { return split(whereSeparator: \.isWhitespace) }
        var words: [SubSequence] = []
        var wordStart: Index?
        var index = startIndex
        while index < endIndex {
            // ASCII's white space: tab, line feed, vertical tab, form feed, carriage return, space.
            let isSpace = utf8[index] == UInt8(ascii: " ") || (0x09...0x0D).contains(utf8[index])
            if isSpace, let start = wordStart {
                words.append(self[start..<index])
                wordStart = nil
            } else if !isSpace, wordStart == nil {
                wordStart = index
            }
            index = utf8.index(after: index)
        }
        if let start = wordStart { words.append(self[start..<endIndex]) }
        return words
    }

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
