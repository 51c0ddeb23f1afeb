import CCurl
import Foundation

/// An HTTP client over libcurl. Each request runs on its own thread so callers can await it.
public struct HTTPClient: Sendable {
    /// Seconds to wait for a connection.
    public var connectTimeout: Double
    /// Seconds the whole request may take.
    public var requestTimeout: Double

    private static let globalInit: Void = { curl_global_init(Int(CURL_GLOBAL_DEFAULT)) }()

    /// A client with these time-outs.
    public init(connectTimeout: Double = 10, requestTimeout: Double = 60) {
        self.connectTimeout = connectTimeout
        self.requestTimeout = requestTimeout
    }

    /// Sends `request` and returns the response, whatever its status.
    public func send(_ request: HTTPRequest) async throws(HTTPError) -> HTTPResponse {
        let client = self
        let result: Result<HTTPResponse, HTTPError> = await withCheckedContinuation { continuation in
            Thread.detachNewThread { continuation.resume(returning: client.perform(request)) }
        }
        return try result.get()
    }

    /// Collects what libcurl hands back.
    private final class Sink {
        var body: [UInt8] = []
        var headerLines: [String] = []
        var upload: [UInt8] = []
        var uploadOffset = 0
    }

    private func perform(_ request: HTTPRequest) -> Result<HTTPResponse, HTTPError> {
        _ = HTTPClient.globalInit
        guard let handle = curl_easy_init() else { return .failure(.invalidRequest("curl_easy_init failed")) }
        defer { curl_easy_cleanup(handle) }
        let sink = Sink()
        sink.upload = request.body
        let context = Unmanaged.passUnretained(sink).toOpaque()
        var headerList: UnsafeMutablePointer<curl_slist>?
        defer { curl_slist_free_all(headerList) }

        tale_curl_set_string(handle, CURLOPT_URL, request.url)
        tale_curl_set_long(handle, CURLOPT_NOSIGNAL, 1)
        tale_curl_set_long(handle, CURLOPT_CONNECTTIMEOUT_MS, Int(connectTimeout * 1000))
        tale_curl_set_long(handle, CURLOPT_TIMEOUT_MS, Int(requestTimeout * 1000))
        tale_curl_set_long(handle, CURLOPT_FOLLOWLOCATION, 0)
        switch request.method {
        case "GET": break
        case "HEAD": tale_curl_set_long(handle, CURLOPT_NOBODY, 1)
        default:
            tale_curl_set_string(handle, CURLOPT_CUSTOMREQUEST, request.method)
        }
        if !request.body.isEmpty || ["POST", "PUT", "PATCH"].contains(request.method) {
            tale_curl_set_long(handle, CURLOPT_UPLOAD, 1)
            tale_curl_set_long(handle, CURLOPT_INFILESIZE_LARGE, request.body.count)
            tale_curl_set_pointer(handle, CURLOPT_READDATA, context)
            tale_curl_set_callback(handle, CURLOPT_READFUNCTION) { buffer, size, count, context in
                let sink = Unmanaged<Sink>.fromOpaque(context!).takeUnretainedValue()
                let room = size * count
                let remaining = sink.upload.count - sink.uploadOffset
                let n = min(room, remaining)
                if n > 0 {
                    sink.upload.withUnsafeBytes { source in
                        UnsafeMutableRawPointer(buffer!).copyMemory(from: source.baseAddress! + sink.uploadOffset, byteCount: n)
                    }
                    sink.uploadOffset += n
                }
                return n
            }
            // libcurl would otherwise send `Expect: 100-continue` and wait.
            headerList = curl_slist_append(headerList, "Expect:")
        }
        for header in request.headers {
            headerList = curl_slist_append(headerList, "\(header.name): \(header.value)")
        }
        if let headerList { tale_curl_set_slist(handle, CURLOPT_HTTPHEADER, headerList) }
        tale_curl_set_pointer(handle, CURLOPT_WRITEDATA, context)
        tale_curl_set_callback(handle, CURLOPT_WRITEFUNCTION) { data, size, count, context in
            let sink = Unmanaged<Sink>.fromOpaque(context!).takeUnretainedValue()
            let n = size * count
            if n > 0 { sink.body.append(contentsOf: UnsafeRawBufferPointer(start: data, count: n)) }
            return n
        }
        tale_curl_set_pointer(handle, CURLOPT_HEADERDATA, context)
        tale_curl_set_callback(handle, CURLOPT_HEADERFUNCTION) { data, size, count, context in
            let sink = Unmanaged<Sink>.fromOpaque(context!).takeUnretainedValue()
            let n = size * count
            let line = String(decoding: UnsafeRawBufferPointer(start: data, count: n), as: UTF8.self)
            // A new status line (after a redirect or 100 Continue) starts a new header block.
            if line.hasPrefix("HTTP/") { sink.headerLines.removeAll() }
            sink.headerLines.append(line.trimmingCharacters(in: .whitespacesAndNewlines))
            return n
        }

        let code = curl_easy_perform(handle)
        guard code == CURLE_OK else {
            let reason = String(cString: curl_easy_strerror(code))
            if code == CURLE_OPERATION_TIMEDOUT { return .failure(.timedOut(url: request.url, seconds: requestTimeout)) }
            if code == CURLE_URL_MALFORMAT || code == CURLE_UNSUPPORTED_PROTOCOL { return .failure(.invalidRequest(reason)) }
            return .failure(.connection(url: request.url, reason: reason))
        }
        var status = 0
        tale_curl_get_long(handle, CURLINFO_RESPONSE_CODE, &status)
        let headers: [(name: String, value: String)] = sink.headerLines.compactMap { line in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            return (String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
        }
        return .success(HTTPResponse(status: status, headers: headers, body: sink.body))
    }
}
