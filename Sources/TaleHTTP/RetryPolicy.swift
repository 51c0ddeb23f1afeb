import Foundation

/// When and how long to wait before trying a request again: exponential backoff with full jitter,
/// shared by every client of an HTTP service (publishing now, generation providers next),
/// honouring `Retry-After` when the server sends one.
public struct RetryPolicy: Sendable {
    /// Tries in all, the first included.
    public var attempts: Int
    /// The first wait's ceiling, in seconds; it doubles each time.
    public var baseDelay: Double
    /// The longest wait, in seconds.
    public var maximumDelay: Double

    /// A policy.
    public init(attempts: Int = 5, baseDelay: Double = 0.2, maximumDelay: Double = 8) {
        self.attempts = attempts
        self.baseDelay = baseDelay
        self.maximumDelay = maximumDelay
    }

    /// Statuses worth another try: time-outs, throttling and server errors.
    public static func isRetryable(status: Int) -> Bool { [408, 429, 500, 502, 503, 504].contains(status) }

    /// Seconds to wait before try number `attempt + 1` (attempt counts from 1).
    public func delay(afterAttempt attempt: Int, retryAfter: String?) -> Double {
        if let retryAfter, let seconds = Double(retryAfter.trimmingCharacters(in: .whitespaces)), seconds >= 0 {
            return min(seconds, maximumDelay)
        }
        let ceiling = min(maximumDelay, baseDelay * pow(2, Double(attempt - 1)))
        return Double.random(in: 0...ceiling)
    }
}
