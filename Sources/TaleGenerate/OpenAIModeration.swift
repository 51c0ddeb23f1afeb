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
        let body = ModerationRequest(input: text)
        guard let answer = try? await client.post("moderations", body: body, model: "omni-moderation-latest", answer: ModerationAnswer.self),
              let first = answer.results?.first else {
            return "the moderation service at \(client.baseURL)/moderations did not answer"
        }
        guard first.flagged else { return nil }
        let categories = first.categories
        return "the moderation service flagged it (\(categories.isEmpty ? "no category given" : categories.joined(separator: ", ")))"
    }
}

/// What `moderations` answers, as far as Tale reads it: the first result's verdict and the
/// categories set to true.
struct ModerationAnswer: Decodable {
    /// Nil when the answer has no list of results.
    var results: [Result]?

    private enum CodingKeys: String, CodingKey { case results }

    init(from decoder: any Decoder) throws {
        results = try? decoder.container(keyedBy: CodingKeys.self).decode([Result].self, forKey: .results)
    }

    /// One input's verdict: flagged only when `flagged` is true.
    struct Result: Decodable {
        var flagged: Bool
        /// The categories whose value is true, sorted.
        var categories: [String]

        private enum CodingKeys: String, CodingKey { case flagged, categories }

        init(from decoder: any Decoder) throws {
            let fields = try decoder.container(keyedBy: CodingKeys.self)
            flagged = (try? fields.decode(Bool.self, forKey: .flagged)) ?? false
            let all = (try? fields.decode([String: Lenient<Bool>].self, forKey: .categories)) ?? [:]
            categories = all.filter { $0.value.value == true }.keys.sorted()
        }
    }
}

/// `moderations`' request: `input` checked by the moderation model.
struct ModerationRequest: Encodable {
    let model = "omni-moderation-latest"
    let input: String
}
