import Foundation
import TaleCore

/// A value made on another thread, waited for when it is first asked for.
final class Pending<Value: Sendable>: Sendable {
    private let done = DispatchSemaphore(value: 0)
    private let result = Locked<Value?>(nil)

    init(_ make: @escaping @Sendable () -> Value) {
        Thread.detachNewThread { [result, done] in
            result.mutate { $0 = make() }
            done.signal()
        }
    }

    /// The value, once made.
    var value: Value {
        // Each wait gives the signal back, so every later wait passes at once.
        done.wait()
        done.signal()
        return result.value!
    }
}
