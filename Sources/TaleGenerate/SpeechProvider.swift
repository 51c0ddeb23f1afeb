import Foundation
import TaleCore

/// What one recording should say.
public struct SpeechRequest: Sendable, Equatable {
    /// The book.
    public var book: StoryBook
    /// The scene's id.
    public var sceneID: String
    /// The words to read: the scene's title, then its text.
    public var text: String

    /// A request.
    public init(book: StoryBook, sceneID: String, text: String) {
        self.book = book
        self.sceneID = sceneID
        self.text = text
    }

    /// A canonical text, for input hashes.
    public var canonical: String { ["narration", book.language, sceneID, text].joined(separator: "\u{1D}") }
}

/// A source of recorded narration from a service (the embedded voice, espeak-ng, is not a
/// provider: it is fast and offline, so its recordings are derived, not locked).
public protocol SpeechProvider: Sendable {
    /// The provider's name, recorded in the lock.
    var name: String { get }
    /// The model and voice, recorded in the lock.
    var model: String { get }
    /// The recording of `request`, as MP3 bytes.
    func speak(_ request: SpeechRequest) async throws(GenerationError) -> [UInt8]
}

/// An OpenAI-compatible speech endpoint (`/audio/speech`, MP3), with the same client rules as text.
public struct OpenAISpeechProvider: SpeechProvider {
    /// `openai`.
    public let name = "openai"
    /// `<model> <voice>`.
    public var model: String { "\(speechModel) \(voice)" }
    let speechModel: String
    let voice: String
    let client: OpenAIClient

    /// A provider for `settings` (connection from `generate.text`, model and voice from `generate.speech`).
    public init(settings: GenerationSettings, environment: [String: String],
                sleep: @escaping @Sendable (Double) async -> Void = { try? await Task.sleep(for: .seconds($0)) })
        throws(GenerationError) {
        speechModel = settings.speechModel
        voice = settings.speechVoice
        client = try OpenAIClient(settings: settings, environment: environment, sleep: sleep)
    }

    /// Asks for the recording and checks that it is MP3 (an ID3 tag or an MPEG frame sync).
    public func speak(_ request: SpeechRequest) async throws(GenerationError) -> [UInt8] {
        let body = SpeechBody(model: speechModel, voice: voice, input: request.text)
        let response = try await client.send("audio/speech", body: body, model: speechModel, accept: "audio/mpeg")
        let bytes = response.body
        let isMP3 = bytes.starts(with: Array("ID3".utf8)) || (bytes.count > 1 && bytes[0] == 0xFF && bytes[1] & 0xE0 == 0xE0)
        guard isMP3 else { throw .badAnswer("the answer is not an MP3 recording (\(response.header("content-type") ?? "no content type"))") }
        return bytes
    }
}

/// `audio/speech`'s request: `input` read by `voice`, answered as MP3.
struct SpeechBody: Encodable {
    let model: String
    let voice: String
    let input: String
    let response_format = "mp3"
}
