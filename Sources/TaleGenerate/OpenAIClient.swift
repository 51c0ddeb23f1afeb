import Foundation
import TaleCore
import TaleHTTP

/// The part every OpenAI-compatible provider shares: POST a JSON body to `<base_url>/<path>` with
/// the key as a bearer token, retry 408, 409, 429, 5xx and connection failures with exponential
/// backoff and full jitter (or the server's `retry-after-ms` / `retry-after`), never retry other
/// refusals, and hand back the JSON object of a 2xx answer. The key is redacted from every message.
struct OpenAIClient: Sendable {
    let baseURL: String
    let apiKey: String
    let http: HTTPClient
    let retry: RetryPolicy
    let sleep: @Sendable (Double) async -> Void

    init(settings: GenerationSettings, environment: [String: String], sleep: @escaping @Sendable (Double) async -> Void) throws(GenerationError) {
        guard let key = environment[settings.apiKeyVariable], !key.isEmpty else {
            throw .configuration("generate.text.provider is openai, but the environment variable \(settings.apiKeyVariable) is not set; "
                + "export the API key in it (never write the key in tale.yaml), or use `provider: embedded` to generate offline")
        }
        baseURL = settings.baseURL
        apiKey = key
        http = HTTPClient(connectTimeout: min(10, settings.timeout), requestTimeout: settings.timeout)
        retry = RetryPolicy(attempts: settings.attempts, baseDelay: 0.5, maximumDelay: 30)
        self.sleep = sleep
    }

    /// Posts `body` to `path` ("chat/completions") and returns the answer, decoded as `Answer`.
    func post<Answer: Decodable>(_ path: String, body: some Encodable, model: String, answer: Answer.Type) async throws(GenerationError) -> Answer {
        try OpenAIClient.decode(Answer.self, from: try await send(path, body: body, model: model, accept: "application/json"))
    }

    /// Posts `form` (`multipart/form-data`, for files such as reference pictures) to `path` and returns the answer, decoded as `Answer`.
    func post<Answer: Decodable>(_ path: String, form: MultipartForm, model: String, answer: Answer.Type) async throws(GenerationError) -> Answer {
        try OpenAIClient.decode(Answer.self, from: try await send(path, body: form.body, contentType: form.contentType, model: model, accept: "application/json"))
    }

    /// Posts `body` to `path` and returns the 2xx response, whatever its type (audio for speech).
    func send(_ path: String, body: some Encodable, model: String, accept: String) async throws(GenerationError) -> HTTPResponse {
        try await send(path, body: Array(JSONValue(encoding: body).text().utf8), contentType: "application/json", model: model, accept: accept)
    }

    /// Posts `body` of `contentType` to `path`, with the retry rules, and returns the 2xx response.
    func send(_ path: String, body: [UInt8], contentType: String, model: String, accept: String) async throws(GenerationError) -> HTTPResponse {
        let endpoint = baseURL + "/" + path
        let request = HTTPRequest(method: "POST", url: endpoint, headers: [
            ("Authorization", "Bearer \(apiKey)"),
            ("Content-Type", contentType),
            ("Accept", accept),
            ("User-Agent", "tale/\(EmbeddedModel.storyteller)"),
        ], body: body)
        var attempt = 0
        while true {
            attempt += 1
            let response: HTTPResponse
            do {
                response = try await http.send(request)
            } catch {
                guard attempt < retry.attempts else {
                    throw .unavailable("\(redact(error.description)) (after \(attempt) tries to \(endpoint))")
                }
                await sleep(retry.delay(afterAttempt: attempt, retryAfter: nil))
                continue
            }
            if (200..<300).contains(response.status) { return response }
            let reason = OpenAIClient.errorMessage(in: response).map(redact) ?? "no reason given"
            if OpenAIClient.isRetryable(response.status), attempt < retry.attempts {
                await sleep(retry.delay(afterAttempt: attempt, retryAfter: OpenAIClient.retryAfter(response)))
                continue
            }
            if OpenAIClient.isRetryable(response.status) {
                throw .unavailable("HTTP \(response.status) from \(endpoint) after \(attempt) tries: \(reason)")
            }
            switch response.status {
            case 401: throw .refused(status: 401, reason: "the key in the environment variable was not accepted; check that it is current (\(reason))")
            case 403: throw .refused(status: 403, reason: "the key may not use model '\(model)' or this endpoint (\(reason))")
            case 404: throw .refused(status: 404, reason: "no endpoint at \(endpoint); check generate.text.base_url (\(reason))")
            default: throw .refused(status: response.status, reason: reason)
            }
        }
    }

    /// Whether a status is worth another try.
    static func isRetryable(_ status: Int) -> Bool { [408, 409, 429].contains(status) || (500...599).contains(status) }

    /// Seconds from `retry-after-ms` (milliseconds) or `retry-after` (seconds).
    static func retryAfter(_ response: HTTPResponse) -> String? {
        if let milliseconds = response.header("retry-after-ms").flatMap({ Double($0.trimmingCharacters(in: .whitespaces)) }) {
            return String(milliseconds / 1000)
        }
        return response.header("retry-after")
    }

    /// A 2xx answer's JSON object decoded as `Answer`, or why it is not one.
    static func decode<Answer: Decodable>(_ answer: Answer.Type, from response: HTTPResponse) throws(GenerationError) -> Answer {
        let type = response.header("content-type")?.lowercased() ?? ""
        if type.contains("text/html") || response.body.prefix(64).contains(UInt8(ascii: "<")) && !type.contains("json") {
            throw .badAnswer("the server answered with an HTML page, not JSON; check that generate.text.base_url is the API root (often ending in /v1)")
        }
        guard let object = try? JSONDecoder().decode(Answer.self, from: Data(response.body)) else {
            throw .badAnswer("the body is not a JSON object")
        }
        return object
    }

    /// The `error.message` of an OpenAI-style error body, if any (trimmed to one line).
    static func errorMessage(in response: HTTPResponse) -> String? {
        let message = (try? JSONDecoder().decode(ErrorAnswer.self, from: Data(response.body)))?.message
        return message.map { String($0.prefix(200)).replacingOccurrences(of: "\n", with: " ") }
    }

    /// Takes the key out of a text that might echo it.
    func redact(_ text: String) -> String {
        apiKey.count >= 4 ? text.replacingOccurrences(of: apiKey, with: "[key]") : text
    }
}

/// An OpenAI-style error body: `{"error": {"message": "..."}}`, or `{"error": "..."}` from some
/// compatible servers.
private struct ErrorAnswer: Decodable {
    var message: String?

    private enum CodingKeys: String, CodingKey { case error }
    private struct Detail: Decodable { var message: String? }

    init(from decoder: any Decoder) throws {
        let fields = try decoder.container(keyedBy: CodingKeys.self)
        message = (try? fields.decode(Detail.self, forKey: .error))?.message ?? (try? fields.decode(String.self, forKey: .error))
    }
}
