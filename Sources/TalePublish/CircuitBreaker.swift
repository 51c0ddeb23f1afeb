import TaleCore

/// Stops a publish when the storage stops answering. Every request that gets no answer at all
/// (refused, reset, timed out) counts; any answer, even an error status, starts the count again.
/// After `threshold` in a row the breaker opens: no request is retried and no upload is started,
/// so a publish to storage that went away ends in seconds, not after every object's own backoff.
public final class CircuitBreaker: Sendable {
    /// Unanswered requests in a row that open the breaker: one round of the default eight jobs.
    public let threshold: Int
    private let state = Locked((unanswered: 0, open: false))

    /// A closed breaker that opens after `threshold` unanswered requests in a row.
    public init(threshold: Int = 8) { self.threshold = threshold }

    /// Whether the breaker has opened.
    public var isOpen: Bool { state.value.open }

    /// How many requests in a row went unanswered.
    public var unanswered: Int { state.value.unanswered }

    /// A request got an answer.
    public func answered() { state.mutate { if !$0.open { $0.unanswered = 0 } } }

    /// A request got no answer; returns whether the breaker is now open.
    @discardableResult
    public func unansweredRequest() -> Bool {
        state.mutate { current in
            current.unanswered += 1
            if current.unanswered >= threshold { current.open = true }
            return current.open
        }
    }
}
