import Foundation
import TaleCore
import TaleHTTP
import TaleImage

/// An OpenAI-compatible images service, with the same client rules as text. It keeps characters
/// alike from page to page the way an illustrator with a model sheet does: it first draws a
/// character sheet of each main character (`images/generations`), then sends the sheets of the
/// characters on a page with that page's prompt to `images/edits`, as reference pictures. A
/// service without an edits endpoint (404, 405, or a 400 naming it) gets the prompt alone, at
/// `images/generations`. Every prompt carries the page's reading (who is there doing what, the
/// things, the place, the hour, the weather, the framing), the style and each character's looks.
public struct OpenAIImageProvider: ImageProvider {
    /// `openai`.
    public let name = "openai"
    /// The image model asked for.
    public let model: String
    /// `png`.
    public let fileExtension = "png"
    /// Sheets first, then pages drawn from them.
    public let usesCharacterSheets = true
    let size: String
    let client: OpenAIClient
    /// Whether the service turned down `images/edits`: once it has, pages go to `images/generations`.
    let noEdits = Locked(false)

    /// A provider for `settings` (connection from `generate.text`, model and size from `generate.images`).
    public init(settings: GenerationSettings, environment: [String: String],
                sleep: @escaping @Sendable (Double) async -> Void = { try? await Task.sleep(for: .seconds($0)) })
        throws(GenerationError) {
        model = settings.imageModel
        size = settings.imageSize
        client = try OpenAIClient(settings: settings, environment: environment, sleep: sleep)
    }

    static let styles: [IllustrationStyle: String] = [
        .flat: "flat vector picture-book illustration, simple shapes, soft colours",
        .watercolor: "gentle watercolour picture-book illustration",
        .crayon: "crayon drawing with visible texture, like a child's picture book",
        .ink: "ink line drawing with light colour washes",
        .coloring: "black line art on white for a colouring book, closed shapes, no shading, no fills",
    ]

    /// How each framing is asked for.
    static let framings: [PictureComposition: String] = [
        .wide: "a wide establishing shot: the whole place, the characters small in it",
        .facing: "two characters facing each other, close, at eye level",
        .closeUp: "a close-up on the main character's face and hands, with the thing they hold",
        .lookingUp: "seen from low down, looking up at something big above small characters",
        .fromBehind: "seen from behind the characters as they walk into the scene",
        .smallInBig: "a small figure in a big, wide place",
        .action: "a side view at middle distance, showing the action",
    ]

    /// The prompt for `request`: the style, what the page shows and how it is framed, and each character's fixed look.
    static func prompt(for request: ImageRequest) -> String {
        var lines = [styles[request.style] ?? styles[.flat]!]
        let characters = request.book.characters
        if request.kind == .character, let name = request.character {
            let looks = characters.first { $0.name == name }?.looks ?? name
            lines.append("A character sheet for a picture book: \(name), \(looks). The whole figure, front and side view, on a plain white background.")
            lines.append("Suitable for children; no text, letters or signatures in the picture.")
            return lines.joined(separator: "\n")
        }
        let reading = EmbeddedIllustrator.reading(request)
        if request.kind == .cover {
            lines.append("The cover of a picture book called \"\(request.book.title)\". Leave space at the top for the title; draw no text.")
            if let premise = request.book.premise { lines.append("The story: \(premise)") }
        }
        if let art = request.art, !art.isEmpty { lines.append("The writer asks for: \(art)") }
        lines.append("The picture shows: \(reading.sentence)")
        lines.append("Framing: \(framings[reading.composition]!).")
        if !reading.cast.isEmpty { lines.append("The characters look \(reading.feeling.rawValue).") }
        if let setting = request.book.setting { lines.append("The story is set in \(setting).") }
        let present = characters.filter { character in reading.cast.contains { $0.name == character.name } }
        if !present.isEmpty {
            lines.append(request.references.isEmpty ? "Characters, drawn exactly like this on every page:"
                         : "Characters, drawn exactly as in the reference pictures (one sheet each, in this order):")
            for character in present { lines.append("- \(character.name): \(character.looks ?? character.role ?? "a friend")") }
        }
        lines.append("Suitable for children; no text, letters or signatures in the picture.")
        return lines.joined(separator: "\n")
    }

    /// Asks for one picture (with the page's character sheets, where the service takes them) and
    /// returns its PNG bytes, checked with libpng.
    public func draw(_ request: ImageRequest) async throws(GenerationError) -> GeneratedImage {
        let prompt = OpenAIImageProvider.prompt(for: request)
        let object: ImageAnswer
        if request.references.isEmpty || noEdits.value {
            object = try await generate(prompt)
        } else {
            var form = MultipartForm()
            form.add("model", model)
            form.add("prompt", prompt)
            form.add("n", "1")
            form.add("size", size)
            for reference in request.references {
                form.add("image[]", file: reference.bytes, filename: "\(Slug.make(from: reference.name)).png", contentType: "image/png")
            }
            do {
                object = try await client.post("images/edits", form: form, model: model, answer: ImageAnswer.self)
            } catch .refused(let status, let reason) where status == 404 || status == 405 || (status == 400 && reason.lowercased().contains("edit")) {
                // No edits endpoint: the prompt alone, with the characters' looks, still keeps them close.
                noEdits.mutate { $0 = true }
                object = try await generate(prompt)
            }
        }
        guard let first = object.images?.first else { throw .badAnswer("the answer has no images") }
        guard let base64 = first, let bytes = Data(base64Encoded: base64) else {
            throw .badAnswer("the first image has no b64_json data")
        }
        do { _ = try PNGImage.size(of: Array(bytes)) } catch { throw .badAnswer("the image is not a PNG: \(error)") }
        return GeneratedImage(bytes: Array(bytes), fileExtension: "png")
    }

    /// `images/generations` for `prompt`, answered as base64.
    func generate(_ prompt: String) async throws(GenerationError) -> ImageAnswer {
        let body = ImageGenerationRequest(model: model, prompt: prompt, size: size)
        return try await client.post("images/generations", body: body, model: model, answer: ImageAnswer.self)
    }
}

/// `images/generations`' request: one picture of `size`, answered as base64.
struct ImageGenerationRequest: Encodable {
    let model: String
    let prompt: String
    let n = 1
    let size: String
    let response_format = "b64_json"
}

/// What `images/generations` and `images/edits` answer, as far as Tale reads it: each image's
/// `b64_json`.
struct ImageAnswer: Decodable {
    /// Each image's base64 data (nil for an image without it); nil when the answer has no list.
    var images: [String?]?

    private enum CodingKeys: String, CodingKey { case data }
    private struct Image: Decodable { var b64_json: String? }

    init(from decoder: any Decoder) throws {
        let list = try? decoder.container(keyedBy: CodingKeys.self).decode([Lenient<Image>].self, forKey: .data)
        images = list?.map { $0.value?.b64_json }
    }
}
