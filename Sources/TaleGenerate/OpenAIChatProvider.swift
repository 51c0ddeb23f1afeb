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
    func body(for request: TextRequest, schema: Bool = true) -> JSONValue {
        let messages: JSONValue = .array([
            .object([("role", .string("system")), ("content", .string(StoryPrompt.system(for: request.book)))]),
            .object([("role", .string("user")), ("content", .string(StoryPrompt.user(for: request)))]),
        ])
        var fields: [(String, JSONValue)] = [("model", .string(model)), ("messages", messages)]
        fields.append(("temperature", .double(request.kind == .scene ? 0.8 : 0.3)))
        if request.attempt > 0 { fields.append(("seed", .int(request.attempt))) }
        if request.kind == .plan, schema {
            fields.append(("response_format", .object([
                ("type", .string("json_schema")),
                ("json_schema", .object([("name", .string("story_plan")), ("schema", StoryPrompt.planSchema)])),
            ])))
        }
        return .object(fields)
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
