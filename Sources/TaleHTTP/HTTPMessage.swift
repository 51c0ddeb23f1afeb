/// An HTTP request for `HTTPClient`.
public struct HTTPRequest: Sendable, Equatable {
    /// `GET`, `POST`, `PUT`, `HEAD`, `DELETE`, ...
    public var method: String
    /// The absolute URL.
    public var url: String
    /// Header fields in order.
    public var headers: [(name: String, value: String)]
    /// The body to send.
    public var body: [UInt8]

    /// Creates a request.
    public init(method: String = "GET", url: String, headers: [(name: String, value: String)] = [], body: [UInt8] = []) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
    }

    /// Equal when method, URL, headers and body are equal.
    public static func == (lhs: HTTPRequest, rhs: HTTPRequest) -> Bool {
        lhs.method == rhs.method && lhs.url == rhs.url && lhs.body == rhs.body
            && lhs.headers.map { "\($0.name):\($0.value)" } == rhs.headers.map { "\($0.name):\($0.value)" }
    }
}

/// What the server answered.
public struct HTTPResponse: Sendable {
    /// The status code.
    public var status: Int
    /// Header fields in order, as received (names in their original case).
    public var headers: [(name: String, value: String)]
    /// The body.
    public var body: [UInt8]

    /// The first header with this name, compared without case.
    public func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }
}

/// Why a request got no response.
public enum HTTPError: Error, Equatable, Sendable, CustomStringConvertible {
    /// No connection within the connect time-out, or no complete response within the request time-out.
    case timedOut(url: String, seconds: Double)
    /// The connection failed or broke (refused, reset, DNS).
    case connection(url: String, reason: String)
    /// The URL or a setting was refused by libcurl.
    case invalidRequest(String)

    /// What happened.
    public var description: String {
        switch self {
        case .timedOut(let url, let seconds): return "\(url): no response within \(seconds) s"
        case .connection(let url, let reason): return "\(url): connection failed: \(reason)"
        case .invalidRequest(let reason): return "invalid request: \(reason)"
        }
    }

    /// What happened, without the URL (for a message that names the request already).
    public var reason: String {
        switch self {
        case .timedOut(_, let seconds): return "no response within \(seconds) s"
        case .connection(_, let reason): return "connection failed: \(reason)"
        case .invalidRequest(let reason): return "invalid request: \(reason)"
        }
    }
}
