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
    ///
    /// Read from the C library's local time, whose zone is Foundation's too (TZ, else
    /// /etc/localtime): `Calendar.current` would first build the current locale through ICU,
    /// 2.3 M instructions of every command's start, to answer the same.
    public static func today() -> Day {
        var now = time(nil)
        var local = tm()
        guard localtime_r(&now, &local) != nil,
              let today = Day(year: Int(local.tm_year) + 1900, month: Int(local.tm_mon) + 1, day: Int(local.tm_mday))
        else { return day(Calendar.current.dateComponents([.year, .month, .day], from: Date())) }
        return today
    }

    private static func day(_ parts: DateComponents) -> Day {
        Day(year: parts.year ?? 2000, month: parts.month ?? 1, day: parts.day ?? 1) ?? .first(ofMonth: 1, year: 2000)
    }
}
