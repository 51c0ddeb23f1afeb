import Foundation

/// Timestamps in UTC, whatever the machine's time zone or locale.
public enum UTCTime {
    /// `2026-11-21T23:12:06Z` (RFC 3339).
    public static func rfc3339(_ date: Date) -> String {
        let p = parts(date)
        return "\(p.year)-\(p.month)-\(p.day)T\(p.hour):\(p.minute):\(p.second)Z"
    }

    /// `20261121T231206Z` (ISO 8601 basic format, as AWS signatures use).
    public static func basic(_ date: Date) -> String {
        let p = parts(date)
        return "\(p.year)\(p.month)\(p.day)T\(p.hour)\(p.minute)\(p.second)Z"
    }

    private static func parts(_ date: Date) -> (year: String, month: String, day: String, hour: String, minute: String, second: String) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        func two(_ n: Int?) -> String { let v = n ?? 0; return v < 10 ? "0\(v)" : "\(v)" }
        return (String(c.year ?? 1970), two(c.month), two(c.day), two(c.hour), two(c.minute), two(c.second))
    }
}
