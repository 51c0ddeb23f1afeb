import Foundation
import TaleCore
import TaleHTTP

/// An OpenAI-compatible `/moderations` endpoint, asked about generated text when
/// `generate.text.moderation: true`. It adds to Tale's offline word lists; it never replaces them.
public struct OpenAIModeration: Sendable {
    let endpoint: String
    let apiKey: String
    let client: HTTPClient

    /// A client for `settings`, with the key from `environment`; nil without a key.
    public init?(settings: GenerationSettings, environment: [String: String]) {
        guard let key = environment[settings.apiKeyVariable], !key.isEmpty else { return nil }
        endpoint = settings.baseURL + "/moderations"
        apiKey = key
        client = HTTPClient(connectTimeout: min(10, settings.timeout), requestTimeout: settings.timeout)
    }

    /// The flagged categories for `text` ("harassment, violence"), nil when it is not flagged.
    /// A service that cannot answer counts as flagging it, so unchecked text is never kept.
    public func flagged(_ text: String) async -> String? {
        let body = JSONValue.object([("model", .string("omni-moderation-latest")), ("input", .string(text))]).text()
        let request = HTTPRequest(method: "POST", url: endpoint, headers: [
            ("Authorization", "Bearer \(apiKey)"), ("Content-Type", "application/json"), ("Accept", "application/json"),
        ], body: Array(body.utf8))
        guard let response = try? await client.send(request), (200..<300).contains(response.status),
              let object = try? JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any],
              let results = object["results"] as? [[String: Any]], let first = results.first else {
            return "the moderation service at \(endpoint) did not answer"
        }
        guard first["flagged"] as? Bool == true else { return nil }
        let categories = (first["categories"] as? [String: Any] ?? [:]).filter { $0.value as? Bool == true }.keys.sorted()
        return "the moderation service flagged it (\(categories.isEmpty ? "no category given" : categories.joined(separator: ", ")))"
    }
}
