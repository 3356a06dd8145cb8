/// How far a revised deadline moved from the plan's original one.
public struct Slip: Hashable, Sendable {
    /// Days later (negative: earlier).
    public let days: Int
    /// Whole months later, when both deadlines are the last day of a month, as most plans date
    /// their outputs; nil otherwise.
    public let months: Int?

    /// From `original` to `revised`.
    public init(from original: Day, to revised: Day) {
        days = revised.dayNumber - original.dayNumber
        let monthEnds = original == .last(ofMonth: original.month, year: original.year)
            && revised == .last(ofMonth: revised.month, year: revised.year)
        months = monthEnds ? (revised.year * 12 + revised.month) - (original.year * 12 + original.month) : nil
    }
}

extension Output {
    /// How far its deadline moved from the plan's, when it was revised and both are dates.
    public var slip: Slip? {
        guard let original = revision?.original.deadline, let revised = due.deadline else { return nil }
        return Slip(from: original, to: revised)
    }
}

extension Day {
    /// Days since 1 March of year 0 in the proleptic Gregorian calendar: only differences mean
    /// anything. (The civil-from-days algorithm, with the year starting in March so that a leap
    /// day falls last.)
    var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * ((month + 9) % 12) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra
    }
}
