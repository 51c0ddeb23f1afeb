import Foundation
import TaleCore
import TaleGenerate
import TaleImage

/// A book's social card (1200 x 630) and library thumbnail, painted as PNG in the media step
/// (`PaintCardsStage`) and published by rendering under their content hashes.
struct BookPreviews {
    /// A painted picture and its size. Held as its cache file, not its bytes: a build keeps every
    /// book's previews until rendering.
    struct Picture {
        /// The PNG, named and kept in `.tale-cache/derived/`.
        let png: DerivedMedia
        let width: Int
        let height: Int
    }

    /// The social card, when one could be painted.
    var card: Picture?
    /// The library thumbnail: for a PNG cover or a drawn one; a writer's SVG cover is its own.
    var thumbnail: Picture?

    /// Paints `book`'s card and thumbnail. From a PNG cover (the writer's or a service's), they are
    /// resized copies of it; otherwise the illustrator draws the card from the book and Tale's
    /// rasteriser paints it, and a drawn cover is painted as the thumbnail (without its title,
    /// which the library prints below it).
    static func paint(_ book: Book, project: URL, seed: String) -> BookPreviews {
        let matter = book.frontMatter
        let folder = project.appending(path: "content").appending(path: book.slug)
        let derived = DerivedImages(project: project)
        func picture(_ png: DerivedFile?, width: Int, height: Int) -> Picture? {
            png.map { Picture(png: DerivedMedia($0), width: width, height: height) }
        }
        if let cover = matter.cover, cover.path.lowercased().hasSuffix(".png"),
           case .success(let url) = PathPolicy.resolveImage(cover, bookFolder: folder), let data = try? Data(contentsOf: url) {
            let source = SHA256.hex(Array(data))
            var decoded: PNGImage?
            func image() -> PNGImage? {
                if decoded == nil { decoded = try? PNGImage(decoding: Array(data)) }
                return decoded
            }
            let card = derived.png("card \(source)") { image().map { Resampler.cover($0, width: 1200, height: 630) } }
            let thumbnailWidth = min(360, image()?.width ?? 360)
            let thumbnailHeight = image().map { max(1, Int((Double($0.height) * Double(thumbnailWidth) / Double($0.width)).rounded())) } ?? 480
            let thumbnail = derived.png("thumbnail \(source) \(thumbnailWidth)") { image().map { Resampler.resize($0, width: thumbnailWidth) } }
            return BookPreviews(card: picture(card, width: 1200, height: 630), thumbnail: picture(thumbnail, width: thumbnailWidth, height: thumbnailHeight))
        }
        var request = ImageRequest(kind: .cover, book: StoryBook(matter, seed: seed), style: matter.style)
        request.author = matter.author
        let illustrator = EmbeddedIllustrator()
        let key = "\(illustrator.model) \(request.canonical)"
        let card = derived.drawing("card \(key)") { Rasterizer.render(illustrator.card(request), width: 1200, height: 630) }
        var thumbnail: DerivedFile?
        if matter.coverIsGenerated {
            thumbnail = derived.drawing("thumbnail \(key)") {
                var drawing = illustrator.drawing(request)
                drawing.marks.removeAll { $0.role == "title" }
                return Rasterizer.render(drawing, width: 360, height: 480)
            }
        }
        return BookPreviews(card: picture(card, width: 1200, height: 630), thumbnail: picture(thumbnail, width: 360, height: 480))
    }
}
