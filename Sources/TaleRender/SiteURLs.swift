import Foundation
import TaleCore

/// Canonical URLs built from `base_url`, and the dates feeds need.
public struct SiteURLs: Sendable {
    /// `base_url`, ending in `/`.
    public let base: String

    /// URLs under `base`.
    public init(base: String) { self.base = base.hasSuffix("/") ? base : base + "/" }

    /// Whether `base` is a full URL (`https://...`), as sitemaps, feeds and Open Graph require.
    public var isAbsolute: Bool { base.hasPrefix("https://") || base.hasPrefix("http://") }

    /// The library page.
    public var library: String { base }

    /// A book's reader page (its folder URL).
    public func book(_ slug: String) -> String { base + "books/\(slug)/" }

    /// A file of the site, by its path from the root.
    public func file(_ path: String) -> String { base + path }

    /// `YYYY-MM-DD` as an RFC 3339 time at midnight UTC.
    public static func timestamp(date: String) -> String { "\(date)T00:00:00Z" }

    /// SOURCE_DATE_EPOCH as an RFC 3339 time in UTC, or the Unix epoch when it is unset or not a number.
    public static func sourceDate(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        let seconds = environment["SOURCE_DATE_EPOCH"].flatMap { Int($0) } ?? 0
        return UTCTime.rfc3339(Date(timeIntervalSince1970: TimeInterval(seconds)))
    }
}
