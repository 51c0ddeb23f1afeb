/// Work started at once as a task of its own, whose result is awaited when it is first wanted:
/// the last build's index read while the config loads, the library page compressed while the
/// EPUBs are made, an old output removed while the index is written.
public struct Background<Value: Sendable>: Sendable {
    private let task: Task<Value, Never>

    /// Starts `make`.
    public init(_ make: @escaping @Sendable () -> Value) {
        task = Task.detached { make() }
    }

    /// The value, once made.
    public var value: Value {
        get async { await task.value }
    }
}
