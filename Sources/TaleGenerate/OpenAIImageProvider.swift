import Foundation
import TaleCore
import TaleImage

/// An OpenAI-compatible images endpoint (`/images/generations`, answered as `b64_json`), with the
/// same client rules as text. The prompt is built from the scene's `art=` brief or its text, the
/// book's style and the character bible, so characters stay the same from page to page.
public struct OpenAIImageProvider: ImageProvider {
    /// `openai`.
    public let name = "openai"
    /// The image model asked for.
    public let model: String
    /// `png`.
    public let fileExtension = "png"
    let size: String
    let client: OpenAIClient

    /// A provider for `settings` (connection from `generate.text`, model and size from `generate.images`).
    public init(settings: GenerationSettings, environment: [String: String],
                sleep: @escaping @Sendable (Double) async -> Void = { try? await Task.sleep(for: .seconds($0)) })
        throws(GenerationError) {
        model = settings.imageModel
        size = settings.imageSize
        client = try OpenAIClient(settings: settings, environment: environment, sleep: sleep)
    }

    /// The prompt for `request`: what to show, the style, and each character's fixed look.
    static func prompt(for request: ImageRequest) -> String {
        let styles: [IllustrationStyle: String] = [
            .flat: "flat vector picture-book illustration, simple shapes, soft colours",
            .watercolor: "gentle watercolour picture-book illustration",
            .crayon: "crayon drawing with visible texture, like a child's picture book",
            .ink: "ink line drawing with light colour washes",
            .coloring: "black line art on white for a colouring book, closed shapes, no shading, no fills",
        ]
        var lines = [styles[request.style] ?? styles[.flat]!]
        if request.kind == .cover {
            lines.append("The cover of a picture book called \"\(request.book.title)\". Leave space at the top for the title; draw no text.")
            if let premise = request.book.premise { lines.append("The story: \(premise)") }
        } else if let art = request.art, !art.isEmpty {
            lines.append("The scene: \(art)")
        } else {
            lines.append("The scene: \(String(request.text.prefix(600)))")
        }
        if let setting = request.book.setting { lines.append("Setting: \(setting)") }
        if let time = request.time { lines.append("Time of day: \(time)") }
        if !request.weather.isEmpty { lines.append("Weather: \(request.weather.joined(separator: ", "))") }
        let looks = CharacterBible.derive(request.book)
        if !looks.isEmpty {
            lines.append("Characters, drawn exactly like this on every page:")
            for (character, look) in zip(request.book.characters, looks) {
                lines.append("- \(character.name): \(character.looks ?? look.species)")
            }
        }
        lines.append("Suitable for children; no text, letters or signatures in the picture.")
        return lines.joined(separator: "\n")
    }

    /// Asks for one picture and returns its PNG bytes, checked with libpng.
    public func draw(_ request: ImageRequest) async throws(GenerationError) -> GeneratedImage {
        let body: JSONValue = .object([
            ("model", .string(model)), ("prompt", .string(OpenAIImageProvider.prompt(for: request))),
            ("n", .int(1)), ("size", .string(size)), ("response_format", .string("b64_json")),
        ])
        let object = try await client.post("images/generations", body: body, model: model)
        guard let data = object["data"] as? [[String: Any]], let first = data.first else { throw .badAnswer("the answer has no images") }
        guard let base64 = first["b64_json"] as? String, let bytes = Data(base64Encoded: base64) else {
            throw .badAnswer("the first image has no b64_json data")
        }
        do { _ = try PNGImage.size(of: Array(bytes)) } catch { throw .badAnswer("the image is not a PNG: \(error)") }
        return GeneratedImage(bytes: Array(bytes), fileExtension: "png")
    }
}
