import Foundation
import TaleCore
import TaleOutput
import Testing

@Suite("Books worked on at once")
struct BookTasksTests {
    /// Maps 24 items with `width`; returns the results and the most that were at work at once.
    private func run(width: Int) async -> (results: [String], most: Int) {
        let running = Locked(0), most = Locked(0)
        let results = await BookTasks.map(Array(0..<24), width: width) { item -> String in
            let now = running.mutate { count -> Int in
                count += 1
                return count
            }
            most.mutate { $0 = max($0, now) }
            // Later items finish sooner, so the order they finish in is not the order they came in.
            usleep(UInt32((24 - item) * 300))
            running.mutate { $0 -= 1 }
            return "book \(item)"
        }
        return (results, most.value)
    }

    @Test("results come back in the books' order however long each takes, with no more than `width` at work at once")
    func orderAndWidth() async {
        let expected = (0..<24).map { "book \($0)" }
        let one = await run(width: 1)
        #expect(one.results == expected)
        #expect(one.most == 1)
        let three = await run(width: 3)
        #expect(three.results == expected)
        // How many run at once beside the other tests depends on the free threads; never more than the width.
        #expect(three.most <= 3)
    }

    @Test("no books and one book need no tasks")
    func smallInputs() async {
        #expect(await BookTasks.map([Int]()) { $0 * 2 } == [])
        #expect(await BookTasks.map([21]) { $0 * 2 } == [42])
    }
}
