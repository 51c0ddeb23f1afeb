import FlyingFox
import Foundation

/// Refuses requests that a page on another site could make through the writer's browser. DNS
/// rebinding points a name like `evil.example` at 127.0.0.1, so such a page reaches `tale serve`
/// with its own name in `Host`; a page anywhere can open the live-reload socket, sending its own
/// `Origin`. Drafts and build errors must reach neither.
///
/// `Host` must name the server by an IP address (no name can be rebound to one), as `localhost`,
/// or as the `--bind` address; otherwise 421. An `Origin`, when sent, must be `http://` and such a
/// host; otherwise 403. Browsers send no `Origin` on a plain page load, always on a WebSocket.
public struct LoopbackGuard: Sendable {
    /// The address the server is bound to.
    public let bind: String

    /// A guard for a server bound to `bind`.
    public init(bind: String) { self.bind = bind }

    /// The status to refuse a request with, or nil to serve it.
    public func refusal(host: String?, origin: String?) -> HTTPStatusCode? {
        guard let host, allows(host) else { return .misdirectedRequest }
        if let origin {
            guard origin.hasPrefix("http://"), allows(String(origin.dropFirst("http://".count))) else { return .forbidden }
        }
        return nil
    }

    /// Whether `authority` (a host with an optional `:port`) names this server safely.
    func allows(_ authority: String) -> Bool {
        let name = LoopbackGuard.hostName(authority).lowercased()
        return name == "localhost" || name == bind || LoopbackGuard.isIPv4(name) || (name.hasPrefix("[") && name.hasSuffix("]"))
    }

    /// The host of `host[:port]` (an IPv6 literal keeps its brackets).
    static func hostName(_ authority: String) -> String {
        if authority.hasPrefix("["), let close = authority.firstIndex(of: "]") { return String(authority[...close]) }
        return String(authority.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).first ?? "")
    }

    /// Whether `name` is four decimal numbers from 0 to 255 joined by dots.
    static func isIPv4(_ name: String) -> Bool {
        let parts = name.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts.allSatisfy { part in
            !part.isEmpty && part.count <= 3 && part.allSatisfy(\.isASCII) && part.allSatisfy(\.isNumber) && Int(part)! <= 255
        }
    }
}

/// A handler that asks `LoopbackGuard` first and passes what it allows to `inner`.
struct GuardedHandler: HTTPHandler {
    let guarding: LoopbackGuard
    let inner: any HTTPHandler

    func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
        if let status = guarding.refusal(host: request.headers[.host], origin: request.headers[HTTPHeader("Origin")]) {
            return HTTPResponse(statusCode: status, headers: [.contentType: "text/plain; charset=utf-8"],
                                body: Data("tale serve answers only its own pages on this computer.\n".utf8))
        }
        return try await inner.handleRequest(request)
    }
}
