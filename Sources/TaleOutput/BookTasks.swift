import Foundation
import TaleCore

/// A stage's work over its books, as child tasks of the stage: at most `width` books at once (as
/// many as there are cores, by default), each book's result in the books' order however the
/// tasks finish, so the output stays the same whatever the schedule. The stage awaits it; nothing
/// blocks a thread. (`ParallelMap` is for loops in code that is not async, over files and hashes.)
public enum BookTasks {
    /// How many books are worked on at once unless a stage says otherwise: one per core.
    public static let width = ProcessInfo.processInfo.activeProcessorCount

    /// `body` of each of `items`, at most `width` at a time, in the items' order.
    public static func map<Input, Output>(_ items: [Input], width: Int = BookTasks.width,
                                          _ body: @escaping (Input) -> Output) async -> [Output] {
        guard items.count > 1 else { return items.map(body) }
        let slots = UnsafeMutablePointer<Output?>.allocate(capacity: items.count)
        slots.initialize(repeating: nil, count: items.count)
        defer {
            slots.deinitialize(count: items.count)
            slots.deallocate()
        }
        // `width` tasks each take the next book until none is left, so a stage of cheap steps (books the
        // memo holds) pays for a counter per book, not a task. Each book's result goes to its own slot,
        // the inputs are only read, and the group ends before the slots are read.
        nonisolated(unsafe) let base = slots
        nonisolated(unsafe) let work = body
        nonisolated(unsafe) let inputs = items
        let next = Locked(0)
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<min(max(1, width), inputs.count) {
                group.addTask {
                    while true {
                        let index = next.mutate { taken -> Int in
                            defer { taken += 1 }
                            return taken
                        }
                        guard index < inputs.count else { return }
                        (base + index).pointee = work(inputs[index])
                    }
                }
            }
        }
        return (0..<items.count).map { slots[$0]! }
    }

    /// `body` of each of `items`, at most `width` at a time, in the items' order, for work that
    /// waits (a remote store's round trips) rather than computes: `width` may exceed the cores.
    public static func asyncMap<Input: Sendable, Output: Sendable>(_ items: [Input], width: Int = BookTasks.width,
                                                                   _ body: @escaping @Sendable (Input) async -> Output) async -> [Output] {
        // Each task puts its result in its own slot under a lock. (A group whose tasks returned
        // `(index, result)` tuples trapped in a release build with an index out of range.)
        let slots = Locked([Output?](repeating: nil, count: items.count))
        await withTaskGroup(of: Void.self) { group in
            for (index, item) in items.enumerated() {
                // The first `width` start at once; then one more as each ends.
                if index >= max(1, width) { await group.next() }
                group.addTask {
                    let result = await body(item)
                    slots.mutate { $0[index] = result }
                }
            }
        }
        return slots.value.map { $0! }
    }
}
