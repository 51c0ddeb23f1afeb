import FlyingFox
import Foundation
import Testing
import TaleBuild
import TaleServe
import TaleTestSupport

@Suite("tale serve")
struct ServeTests {
    @Test("live reload, the error overlay and recovery, in a real browser; loopback by default")
    func liveReload() throws {
        try #require(FileManager.default.isExecutableFile(atPath: "/usr/bin/chromedriver"), "`make test` installs chromium-driver")
        let project = Support.copyFixture("basic")
        let script = Support.browserScripts.appending(path: "serve_checks.py")
        let result = Support.run(URL(fileURLWithPath: "/usr/bin/env"), ["python3", script.path, Support.taleBinary.path, project.path])
        #expect(result.status == 0, "\(result.out)\(result.err)")
        #expect(result.out.range(of: #"serve: [0-9]+ passed, 0 failed\n$"#, options: .regularExpression) != nil, "\(result.out)")
        #expect(!FileManager.default.fileExists(atPath: project.appending(path: "public").path), "serve must not write public/")
    }

    @Test("the reload script is added when serving, never in tale build output")
    func injectionOnlyWhenServing() async throws {
        let project = Support.copyFixture("basic")
        #expect(await Support.build(project).error == nil)
        for (path, data) in Support.tree(project.appending(path: "public")) where path.hasSuffix(".html") {
            #expect(!String(decoding: data, as: UTF8.self).contains("__tale/live"), "\(path) carries the serve script")
        }
        #expect(LiveReloadScript.inject(into: "<html><body><p>Hi</p></body></html>")
                == "<html><body><p>Hi</p><script src=\"/__tale/live.js\"></script></body></html>")
    }

    @Test("folders serve their index, unknown paths are 404, a failed build keeps the last pages")
    func responses() async throws {
        let site = LiveSite()
        await site.succeeded(["index.html": Array("<html><body>Library</body></html>".utf8), "books/a/index.html": Array("<body>A</body>".utf8),
                              "books/a/book.json": Array("{}".utf8)])
        let folder = await DevServer.respond(to: "/books/a/", site: site)
        #expect(folder.statusCode.code == 200)
        #expect(String(decoding: try await folder.bodyData, as: UTF8.self) == "<body>A<script src=\"/__tale/live.js\"></script></body>")
        let json = await DevServer.respond(to: "/books/a/book.json", site: site)
        #expect(json.headers[.contentType] == "application/json")
        #expect(await DevServer.respond(to: "/nope.html", site: site).statusCode.code == 404)
        #expect(await DevServer.respond(to: "/books/../index.html", site: site).statusCode.code == 404)
        await site.failed("content/a/index.md:1:1: error: front matter is never closed")
        #expect(await DevServer.respond(to: "/", site: site).statusCode.code == 200)
        let messages = await site.listen()
        var iterator = messages.makeAsyncIterator()
        #expect(await iterator.next() == #"{"text":"content\/a\/index.md:1:1: error: front matter is never closed","type":"error"}"#)
    }

    @Test("only addresses, localhost and the bind address are served; a foreign Origin is refused")
    func loopbackGuard() {
        let loopback = LoopbackGuard(bind: "127.0.0.1")
        #expect(loopback.refusal(host: "127.0.0.1:1313", origin: nil) == nil)
        #expect(loopback.refusal(host: "localhost:1313", origin: "http://localhost:1313") == nil)
        #expect(loopback.refusal(host: "[::1]:1313", origin: nil) == nil)
        #expect(loopback.refusal(host: "evil.example:1313", origin: nil)?.code == 421)
        #expect(loopback.refusal(host: "127.0.0.1.evil.example", origin: nil)?.code == 421)
        #expect(loopback.refusal(host: nil, origin: nil)?.code == 421)
        #expect(loopback.refusal(host: "127.0.0.1:1313", origin: "https://evil.example")?.code == 403)
        #expect(loopback.refusal(host: "127.0.0.1:1313", origin: "null")?.code == 403)
        #expect(loopback.refusal(host: "127.0.0.1:1313", origin: "https://127.0.0.1:1313")?.code == 403)
        // Served on the network for a phone: the phone names the computer by its address.
        let network = LoopbackGuard(bind: "0.0.0.0")
        #expect(network.refusal(host: "192.168.1.20:1313", origin: "http://192.168.1.20:1313") == nil)
        #expect(network.refusal(host: "books.evil.example:1313", origin: nil)?.code == 421)
    }
}
