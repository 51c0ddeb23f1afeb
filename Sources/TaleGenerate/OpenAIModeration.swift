import Foundation
import TaleCore

/// An OpenAI-compatible `/moderations` endpoint, asked about generated text when
/// `generate.text.moderation: true`. It adds to Tale's offline word lists; it never replaces them.
public struct OpenAIModeration: Sendable {
    let client: OpenAIClient

    /// A client for `settings`, with the key from `environment`; nil without a key.
    public init?(settings: GenerationSettings, environment: [String: String]) {
        do throws(GenerationError) {
            client = try OpenAIClient(settings: settings, environment: environment, sleep: { try? await Task.sleep(for: .seconds($0)) })
        } catch {
            return nil
        }
    }

    /// The flagged categories for `text` ("harassment, violence"), nil when it is not flagged.
    /// A service that cannot answer counts as flagging it, so unchecked text is never kept.
    public func flagged(_ text: String) async -> String? {
        let body = JSONValue.object([("model", .string("omni-moderation-latest")), ("input", .string(text))])
        guard let object = try? await client.post("moderations", body: body, model: "omni-moderation-latest"),
              let results = object["results"] as? [[String: Any]], let first = results.first else {
            return "the moderation service at \(client.baseURL)/moderations did not answer"
        }
        guard first["flagged"] as? Bool == true else { return nil }
        let categories = (first["categories"] as? [String: Any] ?? [:]).filter { $0.value as? Bool == true }.keys.sorted()
        return "the moderation service flagged it (\(categories.isEmpty ? "no category given" : categories.joined(separator: ", ")))"
    }
}
