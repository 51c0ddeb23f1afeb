import Crypto
import Foundation
import TaleHTML
import TaleHTTP

/// An object listed in the bucket.
public struct RemoteObject: Sendable, Equatable {
    /// The key.
    public var key: String
    /// Its size in bytes.
    public var size: Int

    /// A listed object.
    public init(key: String, size: Int) {
        self.key = key
        self.size = size
    }
}

/// The few S3 calls publishing needs (ListObjectsV2, HeadObject, PutObject, DeleteObject), signed
/// with SigV4 and retried on throttling, server errors and broken connections.
public struct S3Client: Sendable {
    /// `https://s3.eu-west-1.amazonaws.com`, `http://127.0.0.1:9000`, ...: scheme and host[:port].
    public var endpoint: String
    /// Whether the bucket goes in the path (`endpoint/bucket/key`, for custom endpoints) or the host.
    public var pathStyle: Bool
    /// The bucket.
    public var bucket: String
    /// Signs every request.
    public var signer: SigV4Signer
    /// Sends them.
    public var http: HTTPClient
    /// How failures are retried.
    public var retry: RetryPolicy
    /// Counts requests that get no answer; once it opens, nothing more is retried.
    public var breaker = CircuitBreaker()

    /// A client.
    public init(endpoint: String, pathStyle: Bool, bucket: String, signer: SigV4Signer,
                http: HTTPClient = HTTPClient(connectTimeout: 10, requestTimeout: 120), retry: RetryPolicy = RetryPolicy()) {
        self.endpoint = endpoint.hasSuffix("/") ? String(endpoint.dropLast()) : endpoint
        self.pathStyle = pathStyle
        self.bucket = bucket
        self.signer = signer
        self.http = http
        self.retry = retry
    }

    /// The AWS endpoint for a region, with the bucket in the host name.
    public static func aws(region: String, bucket: String, signer: SigV4Signer) -> S3Client {
        S3Client(endpoint: "https://s3.\(region).amazonaws.com", pathStyle: false, bucket: bucket, signer: signer)
    }

    /// A client for `bucket`: path-style at `endpoint` when one is given (a service other than
    /// AWS), else AWS in `region`. `tale publish` and the shared cache connect alike.
    public static func connecting(to bucket: String, endpoint: String?, region: String, credentials: AWSCredentials) -> S3Client {
        let signer = SigV4Signer(credentials: credentials, region: region)
        return endpoint.map { S3Client(endpoint: $0, pathStyle: true, bucket: bucket, signer: signer) }
            ?? S3Client.aws(region: region, bucket: bucket, signer: signer)
    }

    /// The region `environment` names (`AWS_REGION`, then `AWS_DEFAULT_REGION`), or us-east-1.
    public static func region(in environment: [String: String]) -> String {
        environment["AWS_REGION"] ?? environment["AWS_DEFAULT_REGION"] ?? "us-east-1"
    }

    private var hostAndScheme: (scheme: String, host: String) {
        let parts = endpoint.components(separatedBy: "://")
        let scheme = parts.count == 2 ? parts[0] : "https"
        let host = parts.count == 2 ? parts[1] : parts[0]
        return (scheme, pathStyle ? host : "\(bucket).\(host)")
    }

    /// Every object whose key starts with `prefix`.
    public func list(prefix: String) async throws(PublishError) -> [RemoteObject] {
        var objects: [RemoteObject] = []
        var token: String?
        repeat {
            var query = [("list-type", "2"), ("prefix", prefix), ("max-keys", "1000")]
            if let token { query.append(("continuation-token", token)) }
            let response = try await send("GET", key: nil, query: query, headers: [], body: [], what: "list \(prefix)")
            guard case .success(let root) = XMLTreeNode.parse(String(decoding: response.body, as: UTF8.self)), root.name == "ListBucketResult" else {
                throw .malformed("the bucket listing is not a ListBucketResult")
            }
            for item in root.all("Contents") {
                guard let key = item.text(of: "Key"), let size = item.text(of: "Size").flatMap(Int.init) else {
                    throw .malformed("a listed object has no key or size")
                }
                objects.append(RemoteObject(key: key, size: size))
            }
            token = root.text(of: "IsTruncated") == "true" ? root.text(of: "NextContinuationToken") : nil
        } while token != nil
        return objects
    }

    /// The object's user metadata (`x-amz-meta-*`, names without the prefix), or nil when it does not exist.
    public func metadata(key: String) async throws(PublishError) -> [String: String]? {
        let response = try await send("HEAD", key: key, query: [], headers: [], body: [], what: key, alsoAccepted: [404])
        guard response.status != 404 else { return nil }
        var result: [String: String] = [:]
        for (name, value) in response.headers where name.lowercased().hasPrefix("x-amz-meta-") {
            result[String(name.lowercased().dropFirst("x-amz-meta-".count))] = value
        }
        return result
    }

    /// Uploads `body` with its type, cache rule, Content-MD5 and its SHA-256 as `x-amz-meta-sha256`.
    public func put(key: String, body: [UInt8], sha256: String, contentType: String, cacheControl: String) async throws(PublishError) {
        _ = try await upload(key: key, body: body, sha256: sha256, headers: [("Content-Type", contentType), ("Cache-Control", cacheControl)])
    }

    /// The object's bytes, or nil when it does not exist.
    public func get(key: String) async throws(PublishError) -> [UInt8]? {
        let response = try await send("GET", key: key, query: [], headers: [], body: [], what: key, alsoAccepted: [404])
        return response.status == 404 ? nil : response.body
    }

    /// Uploads `body` only when no object has `key` (`If-None-Match: *`, a conditional write): true
    /// when this request wrote it, false when one was there already (412), so two writers of one
    /// key leave the first one's object whole.
    public func putIfAbsent(key: String, body: [UInt8], sha256: String, contentType: String) async throws(PublishError) -> Bool {
        let response = try await upload(key: key, body: body, sha256: sha256, headers: [("Content-Type", contentType), ("If-None-Match", "*")],
                                         alsoAccepted: [412])
        return response.status != 412
    }

    /// A PUT of `body` with `headers`, its Content-MD5, and its SHA-256 as `x-amz-meta-sha256`.
    private func upload(key: String, body: [UInt8], sha256: String, headers: [(String, String)],
                        alsoAccepted: Set<Int> = []) async throws(PublishError) -> HTTPResponse {
        let md5 = Data(Insecure.MD5.hash(data: body)).base64EncodedString()
        return try await send("PUT", key: key, query: [], headers: headers + [("Content-MD5", md5), ("x-amz-meta-sha256", sha256)], body: body,
                              what: key, payloadHash: sha256, alsoAccepted: alsoAccepted)
    }

    /// Deletes one object.
    public func delete(key: String) async throws(PublishError) {
        _ = try await send("DELETE", key: key, query: [], headers: [], body: [], what: key)
    }

    /// Sends a signed request, retrying what is worth retrying; returns a 2xx response, or one whose status is `alsoAccepted`.
    private func send(_ method: String, key: String?, query: [(String, String)], headers: [(String, String)], body: [UInt8],
                      what: String, payloadHash: String? = nil, alsoAccepted: Set<Int> = []) async throws(PublishError) -> HTTPResponse {
        let (scheme, host) = hostAndScheme
        let path = (pathStyle ? "/\(bucket)" : "") + "/" + (key ?? "")
        let queryString = query.map { "\(SigV4Signer.uriEncode($0.0, keepSlash: false))=\(SigV4Signer.uriEncode($0.1, keepSlash: false))" }
            .joined(separator: "&")
        let url = "\(scheme)://\(host)\(SigV4Signer.uriEncode(path, keepSlash: true))" + (queryString.isEmpty ? "" : "?\(queryString)")
        let hash = payloadHash ?? (body.isEmpty ? SigV4Signer.emptyPayloadHash : SigV4Signer.hex(Crypto.SHA256.hash(data: body)))
        var attempt = 0
        while true {
            attempt += 1
            let signedHeaders = headers + [("host", host)]
            let signature = signer.sign(method: method, path: path, query: query, headers: signedHeaders, payloadHash: hash, date: Date())
            // libcurl sends Host itself from the URL.
            let request = HTTPRequest(method: method, url: url, headers: headers + signature, body: body)
            let outcome: Result<HTTPResponse, HTTPError>
            do { outcome = .success(try await http.send(request)) } catch { outcome = .failure(error) }
            var retryAfter: String?
            let failure: PublishError
            switch outcome {
            case .success(let response):
                breaker.answered()
                if (200..<300).contains(response.status) || alsoAccepted.contains(response.status) { return response }
                let (code, message) = S3Client.errorDetails(response)
                failure = .server(key: what, status: response.status, code: code, message: message)
                retryAfter = response.header("Retry-After")
                // A conditional write that met another one in progress (409) is tried again: it then finds the object (412).
                let conditionalConflict = response.status == 409 && headers.contains { $0.0 == "If-None-Match" }
                guard RetryPolicy.isRetryable(status: response.status) || code == "SlowDown" || conditionalConflict else { throw failure }
            case .failure(let error):
                if case .invalidRequest(let reason) = error { throw .usage("cannot reach \(endpoint): \(reason)") }
                failure = .transport(key: what, reason: error.reason)
                breaker.unansweredRequest()
            }
            // Storage that stopped answering, or a publish that is stopping, is not worth another try.
            guard attempt < retry.attempts, !breaker.isOpen, !Task.isCancelled else { throw failure }
            let wait = retry.delay(afterAttempt: attempt, retryAfter: retryAfter)
            try? await Task.sleep(nanoseconds: UInt64(wait * 1_000_000_000))
        }
    }

    /// The `<Code>` and `<Message>` of an S3 error body, or the status text.
    static func errorDetails(_ response: HTTPResponse) -> (String, String) {
        if case .success(let root) = XMLTreeNode.parse(String(decoding: response.body, as: UTF8.self)), root.name == "Error" {
            return (root.text(of: "Code") ?? "Error", root.text(of: "Message") ?? "")
        }
        return ("HTTP\(response.status)", "")
    }
}
