import Foundation
import Testing
import TaleHTTP
import TaleTestSupport

/// A Python script from Fixtures/ that serves on 127.0.0.1 and prints its port first; stopped
/// with SIGKILL, per the toolchain notes.
final class FixtureServer {
    let process = Process()
    let port: Int

    init(script: String, arguments: [String] = []) throws {
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", Support.fixtures.appending(path: script).path] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let line = String(decoding: pipe.fileHandleForReading.availableData, as: UTF8.self)
        port = Int(line.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
    }

    func stop() {
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }
}

/// A small HTTP server on 127.0.0.1 (Python's standard library), started and stopped by each test.
final class LocalHTTPServer {
    let server: FixtureServer

    init() throws { server = try FixtureServer(script: "http_server.py") }

    var base: String { "http://127.0.0.1:\(server.port)" }

    func stop() { server.stop() }
}

@Suite("HTTP client over libcurl")
struct HTTPClientTests {
    @Test("GET and POST carry headers and bodies both ways")
    func roundTrip() async throws {
        let server = try LocalHTTPServer()
        defer { server.stop() }
        let client = HTTPClient(connectTimeout: 5, requestTimeout: 10)
        let get = try await client.send(HTTPRequest(url: server.base + "/echo?x=1", headers: [("X-Tale", "yes")]))
        #expect(get.status == 200)
        #expect(get.header("content-type") == "application/json")
        let getEcho = try #require(try JSONSerialization.jsonObject(with: Data(get.body)) as? [String: String])
        #expect(getEcho["method"] == "GET")
        #expect(getEcho["path"] == "/echo?x=1")
        #expect(getEcho["x-tale"] == "yes")
        let post = try await client.send(HTTPRequest(method: "POST", url: server.base + "/echo",
                                                     headers: [("Content-Type", "application/json")], body: Array("{\"a\":1}".utf8)))
        let postEcho = try #require(try JSONSerialization.jsonObject(with: Data(post.body)) as? [String: String])
        #expect(postEcho["method"] == "POST")
        #expect(postEcho["body"] == "{\"a\":1}")
    }

    @Test("a status that is not 2xx is returned, not thrown")
    func errorStatus() async throws {
        let server = try LocalHTTPServer()
        defer { server.stop() }
        let response = try await HTTPClient().send(HTTPRequest(url: server.base + "/status/429"))
        #expect(response.status == 429)
        #expect(response.header("Retry-After") == "2")
    }

    @Test("a server that never answers times out")
    func timeout() async throws {
        let server = try LocalHTTPServer()
        defer { server.stop() }
        let client = HTTPClient(connectTimeout: 2, requestTimeout: 0.5)
        await #expect(throws: HTTPError.timedOut(url: server.base + "/hang", seconds: 0.5)) {
            try await client.send(HTTPRequest(url: server.base + "/hang"))
        }
    }

    @Test("a refused connection is a connection error")
    func refused() async throws {
        let server = try LocalHTTPServer()
        let url = server.base + "/echo"
        server.stop()
        await #expect(throws: HTTPError.self) { try await HTTPClient(connectTimeout: 2, requestTimeout: 2).send(HTTPRequest(url: url)) }
    }
}
