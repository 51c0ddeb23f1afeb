import Foundation

/// A value shared by concurrent tasks, read and changed under a lock.
public final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Value

    /// Starts with `value`.
    public init(_ value: Value) { stored = value }

    /// A copy of the value.
    public var value: Value { lock.withLock { stored } }

    /// Changes the value under the lock.
    @discardableResult
    public func mutate<Result>(_ change: (inout Value) -> Result) -> Result { lock.withLock { change(&stored) } }
}

extension Duration {
    /// The duration in seconds, for printing.
    public var inSeconds: Double {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}
