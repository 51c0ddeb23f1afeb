/// `generate:` in `tale.yaml`: which providers fill in what a book is missing, and how they are reached.
public struct GenerationSettings: Sendable, Equatable, CustomStringConvertible {
    /// Where story text comes from.
    public enum TextProviderKind: String, Sendable, CaseIterable {
        /// Tale's offline storyteller (the default): no network, deterministic.
        case embedded
        /// Any OpenAI-compatible chat-completions endpoint.
        case openai
    }

    /// The provider for story text, summaries, tags and titles.
    public var textProvider: TextProviderKind = .embedded
    /// Makes generation reproducible; a book's own `seed:` wins.
    public var seed: String = "tale"
    /// The service's base URL, ending before `/chat/completions` (for example `https://api.openai.com/v1`).
    public var baseURL: String = "https://api.openai.com/v1"
    /// The model name the service knows.
    public var model: String = "gpt-4o-mini"
    /// The environment variable that holds the API key. The key itself is never written in the project.
    public var apiKeyVariable: String = "OPENAI_API_KEY"
    /// Seconds one request may take.
    public var timeout: Double = 60
    /// Requests in flight at once.
    public var concurrency: Int = 4
    /// Tries per request, the first included.
    public var attempts: Int = 5
    /// Whether generated text is also sent to the service's `/moderations` endpoint.
    public var remoteModeration: Bool = false
    /// Where pictures come from (`generate.images.provider`); the connection is `generate.text`'s.
    public var imageProvider: TextProviderKind = .embedded
    /// The image model (`generate.images.model`).
    public var imageModel: String = "gpt-image-1"
    /// The size asked for (`generate.images.size`).
    public var imageSize: String = "1536x1024"
    /// Who reads narrated books aloud (`generate.speech.provider`): `embedded` is espeak-ng, offline.
    public var speechProvider: TextProviderKind = .embedded
    /// The speech model (`generate.speech.model`).
    public var speechModel: String = "gpt-4o-mini-tts"
    /// The voice (`generate.speech.voice`).
    public var speechVoice: String = "alloy"

    /// The defaults: the embedded storyteller.
    public init() {}

    /// The model recorded in the lock for the chosen provider.
    public var modelName: String { textProvider == .embedded ? EmbeddedModel.storyteller : model }

    /// Every setting, for fingerprints (holds no secret: only the variable's name).
    public var description: String {
        "\(textProvider.rawValue) \(seed) \(baseURL) \(model) \(apiKeyVariable) \(timeout) \(concurrency) \(attempts) \(remoteModeration) "
            + "\(imageProvider.rawValue) \(imageModel) \(imageSize) \(speechProvider.rawValue) \(speechModel) \(speechVoice)"
    }
}

/// Names and versions of the embedded providers, recorded in generation locks: a new version
/// of a provider makes new artifacts.
public enum EmbeddedModel {
    /// The offline storyteller.
    public static let storyteller = "tale-storyteller-2"
    /// The offline illustrator.
    public static let illustrator = "tale-illustrator-2"
}
