import Foundation
import TaleBuild
import TaleOutput

/// The site `tale serve` shows: the last successful build, held in memory, the error of the last
/// build if it failed, and the browsers listening for "reload" and "error" messages.
public actor LiveSite {
    /// Path (as under public/) to bytes, from the last successful build.
    public private(set) var outputs: [String: [UInt8]] = [:]
    /// Path to a source file served as it is (writers' PNGs), from the last successful build.
    public private(set) var copies: [String: SourceCopy] = [:]
    /// The diagnostics of the last build when it failed; nil when it succeeded.
    public private(set) var error: String?
    /// How many builds have finished (successful or not).
    public private(set) var builds = 0
    private var listeners: [UUID: AsyncStream<String>.Continuation] = [:]

    /// An empty site.
    public init() {}

    /// Records a successful build and tells every browser to reload.
    public func succeeded(_ outputs: [String: [UInt8]], copies: [String: SourceCopy] = [:]) {
        self.outputs = outputs
        self.copies = copies
        error = nil
        builds += 1
        broadcast(LiveSite.message("reload"))
    }

    /// A file of the last successful build.
    public func file(_ path: String) -> [UInt8]? { outputs[path] ?? copies[path]?.bytes() }

    /// Whether the last successful build has a file at `path`.
    public func has(_ path: String) -> Bool { outputs[path] != nil || copies[path] != nil }

    /// Records a failed build (the old pages stay) and shows the error in every browser.
    public func failed(_ text: String) {
        error = text
        builds += 1
        broadcast(LiveSite.message("error", text: text))
    }

    /// A stream of messages for one browser, starting with the current error if there is one.
    public func listen() -> AsyncStream<String> {
        let id = UUID()
        let (stream, continuation) = AsyncStream<String>.makeStream()
        listeners[id] = continuation
        continuation.onTermination = { _ in Task { await self.forget(id) } }
        if let error { continuation.yield(LiveSite.message("error", text: error)) }
        return stream
    }

    private func forget(_ id: UUID) { listeners[id] = nil }

    private func broadcast(_ message: String) {
        for continuation in listeners.values { continuation.yield(message) }
    }

    /// `{"type": ..., "text": ...}` as JSON text.
    static func message(_ type: String, text: String? = nil) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = (try? encoder.encode(LiveMessage(type: type, text: text))) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}

/// A message to the open pages: `reload`, or `error` with the text to show.
private struct LiveMessage: Encodable {
    var type: String
    var text: String?
}
