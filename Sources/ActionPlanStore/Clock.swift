import ActionPlanModel
import Foundation

/// The current moment and day, read from the system clock at the edge of the program.
public enum Clock {
    /// Now, in UTC, as journals record it.
    public static func now() -> Timestamp {
        var utc = Calendar(identifier: .gregorian)
        utc.timeZone = TimeZone(identifier: "UTC") ?? utc.timeZone
        let parts = utc.dateComponents([.year, .month, .day, .hour, .minute, .second], from: Date())
        return Timestamp(day: day(parts), hour: parts.hour ?? 0, minute: parts.minute ?? 0, second: parts.second ?? 0)
    }

    /// Today in this machine's time zone: a meeting judges overdue by the local date.
    public static func today() -> Day {
        day(Calendar.current.dateComponents([.year, .month, .day], from: Date()))
    }

    private static func day(_ parts: DateComponents) -> Day {
        Day(year: parts.year ?? 2000, month: parts.month ?? 1, day: parts.day ?? 1) ?? .first(ofMonth: 1, year: 2000)
    }
}
