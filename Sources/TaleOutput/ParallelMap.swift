import Foundation

/// Runs independent work on every core and returns the results in the input's order, so output
/// stays deterministic however the work is scheduled.
public enum ParallelMap {
    /// `body` of each of `items`, on every core, in the items' order.
    public static func map<Input, Output>(_ items: [Input], _ body: (Input) -> Output) -> [Output] {
        guard items.count > 1 else { return items.map(body) }
        var results = [Output?](repeating: nil, count: items.count)
        results.withUnsafeMutableBufferPointer { slots in
            // Each iteration writes only its own slot, and the inputs are only read.
            nonisolated(unsafe) let base = slots.baseAddress!
            nonisolated(unsafe) let work = body
            nonisolated(unsafe) let inputs = items
            DispatchQueue.concurrentPerform(iterations: inputs.count) { index in
                (base + index).pointee = work(inputs[index])
            }
        }
        return results.map { $0! }
    }
}
