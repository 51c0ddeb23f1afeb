import FlyingFox
import Foundation
import TaleBuild
import TaleCore
import TaleOutput
import TaleRender

/// `tale serve`: builds the project into memory, serves it on loopback, rebuilds when a source
/// changes and tells open pages to reload (or shows the error over the page until it is fixed).
public final class DevServer: Sendable {
    /// The project and build options (output is never written).
    public let options: BuildOptions
    /// Where to listen.
    public let host: String
    /// The port to listen on (0 picks a free one).
    public let port: UInt16
    /// The site as last built.
    public let site = LiveSite()
    /// Whether each rebuild logs how long every stage took.
    public let verbose: Bool
    private let log: @Sendable (String) -> Void
    private let queue = RebuildQueue()
    /// Books whose folders changed since the last rebuild began; nil when anything may have changed.
    private let touched = Locked<Set<String>?>(nil)

    /// A server for `options.project` on `host:port`; `verbose` logs each rebuild's stage times.
    public init(options: BuildOptions, host: String = "127.0.0.1", port: UInt16 = 1313, verbose: Bool = false, log: @escaping @Sendable (String) -> Void) {
        self.verbose = verbose
        var options = options
        // Unchanged books are reused between rebuilds; gzip siblings and whole-site hashing are for publishing.
        options.cache = BuildCache()
        options.forPublishing = false
        self.options = options
        self.host = host
        self.port = port
        self.log = log
        queue.server = self
    }

    /// Builds once, in memory, and publishes the result (or the error) to the live site.
    public func rebuild() async {
        let started = ContinuousClock.now
        let collected = Locked<[String]>([])
        let timings = Locked<[String]>([])
        let reporter = BuildReporter(verbose: verbose,
                                     progress: { line in if line.hasPrefix("      ") { timings.mutate { $0.append(line.trimmingCharacters(in: .whitespaces)) } } },
                                     problem: { line in collected.mutate { $0.append(line) } })
        let runner = BuildRunner(.serve, reporter: reporter)
        var thisBuild = self.options
        // Take the books the watcher saw change; events from now on count for the next rebuild.
        let taken = touched.mutate { books in
            let taken = books
            books = []
            return taken
        }
        thisBuild.touchedBooks = taken
        let options = thisBuild
        let result = await DevServer.build(runner, options)
        let milliseconds = Int((ContinuousClock.now - started).inSeconds * 1000)
        switch result {
        case .success(let (outputs, copies)):
            await site.succeeded(outputs, copies: copies)
            log("Rebuilt in \(milliseconds) ms" + (verbose ? " (" + timings.value.joined(separator: ", ") + ")" : ""))
            for line in collected.value { log(line) }
        case .failure(let error):
            // A build that stopped early may not have fingerprinted the changed books: the next one looks at them again.
            touched.mutate { books in
                guard let known = books, let taken else { books = nil; return }
                books = known.union(taken)
            }
            let text = (collected.value + ["error: \(error)"]).joined(separator: "\n")
            await site.failed(text)
            log(text)
        }
    }

    /// Starts watching and serving; returns the URL once the server listens, and keeps serving until cancelled.
    public func run(onListening: @escaping @Sendable (String) -> Void) async throws {
        await rebuild()
        let project = options.project
        // themes/ may not exist yet: the watcher takes it on once the writer makes it.
        let watcher = try FileWatcher(folders: [project.appending(path: "content"), project.appending(path: "themes")],
                                      files: [project.appending(path: "tale.yaml")]) { [queue, touched] paths in
            let content = project.appending(path: "content").standardizedFileURL.path + "/"
            touched.mutate { books in
                guard let paths else { books = nil; return }
                for path in paths where path.hasPrefix(content) {
                    // content/<slug>/... names the book; a change right in content/ (a book folder added or gone) names it too.
                    if let slug = path.dropFirst(content.count).split(separator: "/").first { books?.insert(String(slug)) }
                }
            }
            Task { await queue.request() }
        }
        let server = HTTPServer(address: try .inet(ip4: host, port: port), logger: .disabled)
        // Every route answers only requests from this computer's own pages (see LoopbackGuard).
        let guarding = LoopbackGuard(bind: host)
        await server.appendRoute("GET /__tale/live.js", to: GuardedHandler(guarding: guarding, inner: ClosureHTTPHandler { _ in
            HTTPResponse(statusCode: .ok, headers: [.contentType: "text/javascript; charset=utf-8", .cacheControl: "no-store"],
                         body: Data(LiveReloadScript.source.utf8))
        }))
        await server.appendRoute("GET /__tale/live", to: GuardedHandler(
            guarding: guarding, inner: WebSocketHTTPHandler(handler: MessageFrameWSHandler(handler: LiveMessages(site: site)))))
        await server.appendRoute("GET *", to: GuardedHandler(guarding: guarding, inner: ClosureHTTPHandler { [site] request in
            await DevServer.respond(to: request.path, site: site)
        }))
        let task = Task { try await server.run() }
        try await server.waitUntilListening()
        let address = await server.listeningAddress
        var actualPort = port
        if case .ip4(_, let listening) = address { actualPort = listening }
        onListening("http://\(host):\(actualPort)/")
        withExtendedLifetime(watcher) {}
        try await withTaskCancellationHandler {
            try await task.value
            withExtendedLifetime(watcher) {}
        } onCancel: {
            task.cancel()
        }
    }

    /// Runs one build and keeps what the live site serves: the files made in memory and the
    /// source files copied as they are.
    private static func build(_ runner: BuildRunner, _ options: BuildOptions) async -> Result<([String: [UInt8]], [String: SourceCopy]), TaleError> {
        do throws(TaleError) {
            let context = try await runner.run(options)
            return .success((context.outputs, context.copies))
        } catch {
            return .failure(error)
        }
    }

    /// The response for a path: a file of the last build (HTML with the reload script added), or 404.
    public static func respond(to rawPath: String, site: LiveSite) async -> HTTPResponse {
        var path = (rawPath.removingPercentEncoding ?? rawPath).trimmingCharacters(in: CharacterSet(charactersIn: "/"))
        // Folders serve their index.html (the server may already have dropped the trailing slash).
        if path.isEmpty {
            path = "index.html"
        } else if await !site.has(path), await site.has(path + "/index.html") {
            path += "/index.html"
        }
        guard !path.split(separator: "/").contains(".."), let bytes = await site.file(path) else {
            let error = await site.error
            let page = LiveReloadScript.inject(into: "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Not found</title></head><body><h1>Not found</h1><p>No file \(XMLEscape.string(path)) in the site.</p></body></html>")
            return HTTPResponse(statusCode: error == nil ? .notFound : .serviceUnavailable,
                                headers: [.contentType: "text/html; charset=utf-8"], body: Data(page.utf8))
        }
        let type = ContentTypes.of(path) ?? "application/octet-stream"
        var body = Data(bytes)
        if type.hasPrefix("text/html") { body = Data(LiveReloadScript.inject(into: String(decoding: bytes, as: UTF8.self)).utf8) }
        return HTTPResponse(statusCode: .ok, headers: [.contentType: type, .cacheControl: "no-store"], body: body)
    }
}

/// Runs rebuilds one at a time: a save during a rebuild asks for one more afterwards, so the
/// newest sources always win and an older build never replaces a newer one.
actor RebuildQueue {
    /// Set once, in `DevServer.init`, before the watcher can ask for a rebuild.
    nonisolated(unsafe) weak var server: DevServer?
    private var running = false
    private var again = false

    func request() async {
        if running {
            again = true
            return
        }
        running = true
        repeat {
            again = false
            await server?.rebuild()
        } while again
        running = false
    }
}

/// Sends a browser the live site's messages.
struct LiveMessages: WSMessageHandler {
    let site: LiveSite

    func makeMessages(for client: AsyncStream<WSMessage>) async throws -> AsyncStream<WSMessage> {
        let messages = await site.listen()
        return AsyncStream { continuation in
            let task = Task {
                for await message in messages { continuation.yield(.text(message)) }
                continuation.finish()
            }
            let drain = Task { for await _ in client {}; task.cancel(); continuation.finish() }
            continuation.onTermination = { _ in task.cancel(); drain.cancel() }
        }
    }
}
