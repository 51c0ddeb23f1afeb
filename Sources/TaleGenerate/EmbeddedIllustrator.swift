import Foundation
import TaleCore
import TaleImage

/// Tale's offline illustrator: draws a picture-book page as vector shapes from its reading
/// (`PictureReading`: who is there doing what, the key thing, the place, the hour, the weather,
/// the framing), each character from the book's character bible so it looks the same on every
/// page, and writes SVG in the book's style with a description of exactly what it drew. The same
/// drawing rasterises to PNG for covers, cards and thumbnails.
public struct EmbeddedIllustrator: ImageProvider {
    /// `embedded`.
    public let name = "embedded"
    /// The illustrator's version; a new one makes new artifacts.
    public let model = EmbeddedModel.illustrator
    /// `svg`.
    public let fileExtension = "svg"

    /// An illustrator.
    public init() {}

    /// The SVG for `request`; never fails.
    public func draw(_ request: ImageRequest) async throws(GenerationError) -> GeneratedImage {
        GeneratedImage(bytes: Array(svg(request).utf8), fileExtension: "svg")
    }

    /// The SVG text for `request`: its `<title>` names the page and the framing, its `<desc>`
    /// says what is drawn (the same sentence as the alt text).
    public func svg(_ request: ImageRequest) -> String {
        // Read once: the title, the drawing and the description all come from the same reading.
        let reading = EmbeddedIllustrator.reading(request)
        var request = request
        request.reading = reading
        let title = request.kind == .cover ? EmbeddedIllustrator.alt(request)
            : "Picture for “\(request.title ?? request.book.title)”, \(reading.composition.phrase)"
        return SVGWriter.svg(drawing(request), style: request.style, title: title, description: EmbeddedIllustrator.alt(request))
    }

    /// The drawing for `request`: 1200 x 800 for a scene, 600 x 800 for a cover (with its title).
    public func drawing(_ request: ImageRequest) -> VectorDrawing {
        request.kind == .cover ? cover(request) : scene(request)
    }

    /// What `request`'s picture shows: the reading it carries, or one read from its page alone.
    public static func reading(_ request: ImageRequest) -> PictureReading {
        if let reading = request.reading { return reading }
        if request.kind == .cover { return PictureReader.cover(book: request.book, plan: nil) }
        let page = PictureReader.Page(id: request.sceneID, title: request.title, text: request.text, art: request.art,
                                      cueTime: request.time, cueWeather: request.weather)
        return PictureReader.read(book: request.book, plan: nil, pages: [page])[0]
    }

    /// A 1200 x 630 picture for the book's social card: the cover's scene, without words.
    public func card(_ request: ImageRequest) -> VectorDrawing {
        paint(request, width: 1200, height: 630, cover: true)
    }

    func scene(_ request: ImageRequest) -> VectorDrawing {
        paint(request, width: 1200, height: 800, cover: false)
    }

    /// `request`'s reading laid out on a `width` x `height` page (as a cover: the hero with the key thing).
    func paint(_ request: ImageRequest, width: Double, height: Double, cover: Bool) -> VectorDrawing {
        var d = VectorDrawing(width: width, height: height)
        var random = random(request)
        PageComposer(reading: EmbeddedIllustrator.reading(request), looks: CharacterBible.derive(request.book)).compose(&d, random: &random, cover: cover)
        return d
    }

    func cover(_ request: ImageRequest) -> VectorDrawing {
        var d = paint(request, width: 600, height: 800, cover: true)
        // The title and author on a banner, in the theme's serif, outside the style's filters.
        let lines = EmbeddedIllustrator.wrap(request.book.title, width: 16)
        let size = lines.count > 2 ? 44.0 : 52
        let height = Double(lines.count) * size * 1.15 + (request.author == nil ? 40 : 80)
        d.add(.rect(x: 36, y: 36, width: 528, height: height, corner: 24), fill: RGBA(255, 252, 244, 0.94), stroke: Figures.outline, strokeWidth: 3, role: "title")
        for (index, line) in lines.enumerated() {
            d.add(.text(x: 300, y: 36 + 20 + size + Double(index) * size * 1.15, size: size, text: line, anchor: "middle", weight: "700",
                        family: "Georgia, 'DejaVu Serif', serif"), fill: Figures.outline, role: "title")
        }
        if let author = request.author {
            d.add(.text(x: 300, y: 36 + height - 26, size: 26, text: "by \(author)", anchor: "middle", weight: "400",
                        family: "Georgia, 'DejaVu Serif', serif"), fill: Figures.outline, role: "title")
        }
        return d
    }

    func random(_ request: ImageRequest) -> SeededRandom {
        SeededRandom("\(request.book.seed)\u{0}\(request.book.title)\u{0}\(request.sceneID)\u{0}\(request.kind.rawValue)\u{0}\(request.attempt)")
    }

    /// Alt text for the picture: the cover's title and author, or the sentence of what the page shows.
    public static func alt(_ request: ImageRequest) -> String {
        if request.kind == .cover {
            return "Cover of \(request.book.title)" + (request.author.map { " by \($0)" } ?? "") + ": " + reading(request).sentence
        }
        return reading(request).sentence
    }

    /// Words broken into lines of about `width` characters.
    static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            if !line.isEmpty, line.count + word.count + 1 > width {
                lines.append(line)
                line = ""
            }
            line += (line.isEmpty ? "" : " ") + word
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }
}
