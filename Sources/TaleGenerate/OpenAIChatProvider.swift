import Foundation
import TaleCore

/// Any OpenAI-compatible chat-completions endpoint (OpenAI, llama.cpp's server, vLLM, Ollama's
/// `/v1`), over Tale's libcurl client, with `OpenAIClient`'s time-outs and retries. The key comes
/// from the environment and never appears in an error.
public struct OpenAIChatProvider: TextProvider {
    /// `openai`.
    public let name = "openai"
    /// The model asked for.
    public let model: String
    let client: OpenAIClient

    /// A provider for `settings`, with the key read from `environment`. Throws when the key is missing.
    public init(settings: GenerationSettings, environment: [String: String],
                sleep: @escaping @Sendable (Double) async -> Void = { try? await Task.sleep(for: .seconds($0)) })
        throws(GenerationError) {
        model = settings.model
        client = try OpenAIClient(settings: settings, environment: environment, sleep: sleep)
    }

    /// The request body for `request`; a plan is asked for as JSON with its schema unless `schema` is false.
    func body(for request: TextRequest, schema: Bool = true) -> ChatRequest {
        ChatRequest(model: model,
                    messages: [ChatRequest.Message(role: "system", content: StoryPrompt.system(for: request.book)),
                               ChatRequest.Message(role: "user", content: StoryPrompt.user(for: request))],
                    temperature: request.kind == .scene ? 0.8 : 0.3,
                    seed: request.attempt > 0 ? request.attempt : nil,
                    schema: request.kind == .plan && schema ? StoryPrompt.planSchema : nil)
    }

    /// Sends the request and returns the first choice's text. Titles, the summary and the tags
    /// of a planned book come from its plan, without a request. A service that refuses
    /// `response_format` is asked for the plan again without it (the reply is then parsed strictly).
    public func write(_ request: TextRequest) async throws(GenerationError) -> String {
        if let plan = request.plan {
            switch request.kind {
            case .title where request.sceneIndex < plan.scenes.count: return plan.scenes[request.sceneIndex].title
            case .summary: return plan.summary
            case .tags: return plan.tags.joined(separator: "\n")
            default: break
            }
        }
        let answer: ChatAnswer
        do {
            answer = try await client.post("chat/completions", body: body(for: request), model: model, answer: ChatAnswer.self)
        } catch .refused(let status, let reason) where request.kind == .plan && status == 400 && reason.contains("response_format") {
            answer = try await client.post("chat/completions", body: body(for: request, schema: false), model: model, answer: ChatAnswer.self)
        }
        guard let first = answer.choices?.first else {
            throw .badAnswer("the answer has no choices")
        }
        guard let content = first.content else {
            throw .badAnswer("the first choice has no message content")
        }
        let text = content.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { throw .badAnswer("the first choice is empty") }
        return text
    }
}

/// What `chat/completions` answers, as far as Tale reads it: the first choice's message content.
struct ChatAnswer: Decodable {
    /// Nil when the answer has none, or no list of them.
    var choices: [Choice]?

    private enum CodingKeys: String, CodingKey { case choices }

    init(from decoder: any Decoder) throws {
        choices = try? decoder.container(keyedBy: CodingKeys.self).decode([Choice].self, forKey: .choices)
    }

    /// One choice; a message or content of another shape reads as none.
    struct Choice: Decodable {
        var content: String?

        private enum CodingKeys: String, CodingKey { case message }
        private struct Message: Decodable { var content: String? }

        init(from decoder: any Decoder) throws {
            content = (try? decoder.container(keyedBy: CodingKeys.self).decode(Message.self, forKey: .message))?.content
        }
    }
}

/// `chat/completions`' request as Tale sends it. `seed` (on a second attempt) and the plan's
/// schema are sent only when there are any.
struct ChatRequest: Encodable {
    /// One message of the conversation.
    struct Message: Encodable {
        let role: String, content: String
    }

    let model: String
    let messages: [Message]
    let temperature: Double
    let seed: Int?
    /// The JSON schema a plan must follow.
    let schema: JSONValue?

    private enum CodingKeys: String, CodingKey { case model, messages, temperature, seed, response_format }
    private enum FormatKeys: String, CodingKey { case type, json_schema }
    private enum SchemaKeys: String, CodingKey { case name, schema }

    func encode(to encoder: any Encoder) throws {
        var fields = encoder.container(keyedBy: CodingKeys.self)
        try fields.encode(model, forKey: .model)
        try fields.encode(messages, forKey: .messages)
        try fields.encode(temperature, forKey: .temperature)
        if let seed { try fields.encode(seed, forKey: .seed) }
        if let schema {
            var format = fields.nestedContainer(keyedBy: FormatKeys.self, forKey: .response_format)
            try format.encode("json_schema", forKey: .type)
            var named = format.nestedContainer(keyedBy: SchemaKeys.self, forKey: .json_schema)
            try named.encode("story_plan", forKey: .name)
            try named.encode(schema, forKey: .schema)
        }
    }
}
