import Foundation
import Testing
import TaleCore
import TaleOutput
import TaleTestSupport

@Suite("the shared cache's folder store")
struct SharedStoreTests {
    @Test("writers racing for one entry leave it whole, and a reader never sees part of it")
    func racingWriters() async throws {
        let folder = Support.temporaryFolder("store")
        let store = DirectoryStore(folder: folder)
        // Large enough that a write takes many system calls.
        let bytes = (0..<(16 << 20)).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
        let digest = String(repeating: "ab", count: 32)
        let file = folder.appending(path: "blobs/ab/\(digest)")
        let seen = Locked<[Int]>([])
        let reading = Locked(true)
        let reader = Thread {
            while reading.value {
                // Every time the entry can be read, it is read whole.
                if let data = FileManager.default.contents(atPath: file.path) { seen.mutate { $0.append(data.count) } }
            }
        }
        reader.start()
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<4 { group.addTask { try? await store.putBlob(digest, bytes: bytes, copy: nil) } }
        }
        // The reader looks a few more times after the writers are done.
        try await Task.sleep(nanoseconds: 50_000_000)
        reading.mutate { $0 = false }
        while reader.isExecuting { try await Task.sleep(nanoseconds: 1_000_000) }
        #expect(try Data(contentsOf: file) == Data(bytes))
        #expect(!seen.value.isEmpty)
        #expect(seen.value.allSatisfy { $0 == bytes.count }, "a reader saw \(Set(seen.value).sorted()) bytes")
        // Nothing half-written is left beside the entry.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.appending(path: "blobs/ab").path) == [digest])
    }

    @Test("a record is written once: a second writer keeps the first one's")
    func firstWriterWins() async throws {
        let store = DirectoryStore(folder: Support.temporaryFolder("store"))
        let key = String(repeating: "0f", count: 32)
        try await store.putRecord(key, [1, 2, 3])
        try await store.putRecord(key, [4, 5, 6])
        #expect(try await store.record(key) == [1, 2, 3])
        #expect(try await store.record(String(repeating: "1f", count: 32)) == nil)
        #expect(try await store.missingBlobs(["aa", "bb"]) == ["aa", "bb"])
    }
}
