import Foundation
import TaleCore
import TaleHTTP

/// Any OpenAI-compatible chat-completions endpoint (OpenAI, llama.cpp's server, vLLM, Ollama's
/// `/v1`), over Tale's libcurl client: a time-out per request, retries with backoff and jitter on
/// 408, 409, 429, 5xx and connection failures (honouring `retry-after-ms` and `retry-after`), and
/// no retry on other refusals. The key comes from the environment and never appears in an error.
public struct OpenAIChatProvider: TextProvider {
    /// `openai`.
    public let name = "openai"
    /// The model asked for.
    public let model: String
    let endpoint: String
    let apiKey: String
    let client: HTTPClient
    let retry: RetryPolicy
    let sleep: @Sendable (Double) async -> Void

    /// A provider for `settings`, with the key read from `environment`. Throws when the key is missing.
    public init(settings: GenerationSettings, environment: [String: String],
                sleep: @escaping @Sendable (Double) async -> Void = { try? await Task.sleep(for: .seconds($0)) })
        throws(GenerationError) {
        guard let key = environment[settings.apiKeyVariable], !key.isEmpty else {
            throw .configuration("generate.text.provider is openai, but the environment variable \(settings.apiKeyVariable) is not set; "
                + "export the API key in it (never write the key in tale.yaml), or use `provider: embedded` to generate offline")
        }
        model = settings.model
        endpoint = settings.baseURL + "/chat/completions"
        apiKey = key
        client = HTTPClient(connectTimeout: min(10, settings.timeout), requestTimeout: settings.timeout)
        retry = RetryPolicy(attempts: settings.attempts, baseDelay: 0.5, maximumDelay: 30)
        self.sleep = sleep
    }

    /// The request body for `request`, as JSON text.
    func body(for request: TextRequest) -> String {
        let messages: JSONValue = .array([
            .object([("role", .string("system")), ("content", .string(StoryPrompt.system(for: request.book)))]),
            .object([("role", .string("user")), ("content", .string(StoryPrompt.user(for: request)))]),
        ])
        var fields: [(String, JSONValue)] = [("model", .string(model)), ("messages", messages)]
        fields.append(("temperature", .double(request.kind == .scene ? 0.8 : 0.3)))
        if request.attempt > 0 { fields.append(("seed", .int(request.attempt))) }
        return JSONValue.object(fields).text()
    }

    /// Sends the request, retrying what is worth retrying, and returns the first choice's text.
    public func write(_ request: TextRequest) async throws(GenerationError) -> String {
        let http = HTTPRequest(method: "POST", url: endpoint, headers: [
            ("Authorization", "Bearer \(apiKey)"),
            ("Content-Type", "application/json"),
            ("Accept", "application/json"),
            ("User-Agent", "tale/\(EmbeddedModel.storyteller)"),
        ], body: Array(body(for: request).utf8))
        var attempt = 0
        while true {
            attempt += 1
            let response: HTTPResponse
            do {
                response = try await client.send(http)
            } catch {
                guard attempt < retry.attempts else {
                    throw .unavailable("\(redact(error.description)) (after \(attempt) tries to \(endpoint))")
                }
                await sleep(retry.delay(afterAttempt: attempt, retryAfter: nil))
                continue
            }
            if (200..<300).contains(response.status) { return try OpenAIChatProvider.content(of: response) }
            let reason = OpenAIChatProvider.errorMessage(in: response).map(redact) ?? "no reason given"
            if OpenAIChatProvider.isRetryable(response.status), attempt < retry.attempts {
                await sleep(retry.delay(afterAttempt: attempt, retryAfter: OpenAIChatProvider.retryAfter(response)))
                continue
            }
            if OpenAIChatProvider.isRetryable(response.status) {
                throw .unavailable("HTTP \(response.status) from \(endpoint) after \(attempt) tries: \(reason)")
            }
            switch response.status {
            case 401: throw .refused(status: 401, reason: "the key in the environment variable was not accepted; check that it is current (\(reason))")
            case 403: throw .refused(status: 403, reason: "the key may not use model '\(model)' or this endpoint (\(reason))")
            case 404: throw .refused(status: 404, reason: "no chat-completions endpoint at \(endpoint); check generate.text.base_url (\(reason))")
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

    /// The text of the first choice, or why there is none.
    static func content(of response: HTTPResponse) throws(GenerationError) -> String {
        let type = response.header("content-type")?.lowercased() ?? ""
        if type.contains("text/html") || response.body.prefix(64).contains(UInt8(ascii: "<")) && !type.contains("json") {
            throw .badAnswer("the server answered with an HTML page, not JSON; check that generate.text.base_url is the API root (often ending in /v1)")
        }
        guard let object = try? JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any] else {
            throw .badAnswer("the body is not a JSON object")
        }
        guard let choices = object["choices"] as? [[String: Any]], let first = choices.first else {
            throw .badAnswer("the answer has no choices")
        }
        guard let message = first["message"] as? [String: Any], let content = message["content"] as? String else {
            throw .badAnswer("the first choice has no message content")
        }
        let text = content.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { throw .badAnswer("the first choice is empty") }
        return text
    }

    /// The `error.message` of an OpenAI-style error body, if any (trimmed to one line).
    static func errorMessage(in response: HTTPResponse) -> String? {
        guard let object = try? JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any] else { return nil }
        let message = (object["error"] as? [String: Any])?["message"] as? String ?? object["error"] as? String
        return message.map { String($0.prefix(200)).replacingOccurrences(of: "\n", with: " ") }
    }

    /// Takes the key out of a text that might echo it.
    func redact(_ text: String) -> String {
        apiKey.count >= 4 ? text.replacingOccurrences(of: apiKey, with: "[key]") : text
    }
}
