import Foundation
import TaleAnalyse
import TaleCore
import TaleGenerate
import TaleImage
import TaleHTML
import TaleOutput
import TaleRender

/// Renders the theme's assets, every book's media, reader page and book.json, and the library.
public struct RenderStage: BuildStage {
    /// `Render pages`.
    public let name = "Render pages"

    /// A stage value.
    public init() {}

    /// Renders only error-free sources.
    public var needsErrorFreeSources: Bool { true }

    /// Fills `context.outputs`.
    public func run(_ context: BuildContext) async throws(TaleError) {
        guard let theme = context.theme else { return }
        var assetPaths: [String: String] = [:]
        for asset in theme.assets {
            let hashed = AssetNames.hashedThemeAsset(asset.path, bytes: asset.bytes)
            assetPaths[asset.path] = hashed
            context.emit(hashed, asset.bytes)
        }
        if let icon = theme.assets.first(where: { $0.path == "assets/icon.svg" }) {
            for (path, bytes) in AppIcons.paint(icon.bytes, derived: DerivedImages(project: context.options.project)) {
                let hashed = AssetNames.hashedThemeAsset(path, bytes: bytes)
                assetPaths[path] = hashed
                context.emit(hashed, bytes)
            }
        }
        for font in ThemeFonts.files(derived: DerivedImages(project: context.options.project)) {
            assetPaths[font.path] = font.hashed
            context.emit(font.hashed, font.bytes)
        }
        context.assetPaths = assetPaths
        let renderer = try PageRenderer(theme: theme, site: context.config, assetPaths: assetPaths)
        // Each book renders on its own (any core); results join the context in book order.
        let pages = context.memo.memory?.pages ?? ""
        let rendered = ParallelMap.map(context.books) { book -> (BookView, BookOutputs) in
            if var kept = context.recall(.rendered, book.slug) {
                if kept.pages != pages {
                    // Only theme files that shape the pages changed: the view stands, the page is rendered from it again.
                    let page = BookFiles.page(book.slug)
                    if let position = kept.outputs.firstIndex(where: { $0.0 == page }) { kept.outputs[position].1 = Array(renderer.bookPage(kept.view).utf8) }
                    kept.pages = pages
                    if let fingerprint = context.fingerprints[book.slug] { context.memo.memory?.rememberPageRenderedAgain(book.slug, fingerprint, kept) }
                }
                let sink = BookOutputs()
                sink.outputs = kept.outputs
                sink.copies = kept.copies
                sink.diagnostics = kept.diagnostics
                return (kept.view, sink)
            }
            let sink = BookOutputs()
            var media = MediaStore(derived: DerivedImages(project: context.options.project))
            let analysis = context.analyses[book.slug] ?? BookAnalysis(book)
            let view = bookView(book, analysis: analysis, renderer: renderer, media: &media, context: context, sink: sink)
            sink.emit(BookFiles.page(book.slug), text: renderer.bookPage(view))
            sink.emit(BookFiles.bookJSON(book.slug), text: BookJSON.make(view))
            if let cues = view.cues { sink.emit(BookFiles.cues(book.slug), text: CueJSON.make(cues, files: view.soundFiles)) }
            context.remember(.rendered, book.slug, BuildCache.Rendered(view: view, outputs: sink.outputs, copies: sink.copies,
                                                                       diagnostics: sink.diagnostics, pages: pages))
            return (view, sink)
        }
        var views: [BookView] = []
        for (view, sink) in rendered {
            views.append(view)
            context.diagnostics.append(contentsOf: sink.diagnostics)
            for (path, bytes) in sink.outputs { context.emit(path, bytes) }
            for (path, copy) in sink.copies { context.emit(path, copy: copy) }
            // The build index records which files each book made (`tale build` only).
            if context.memo.recordsBookFiles {
                var paths = Set(sink.outputs.map(\.0) + sink.copies.map(\.0))
                for scene in view.scenes { if let audio = scene.narration?.audio { paths.insert(audio) } }
                context.bookPaths[view.book.slug] = paths
            }
        }
        // Books carried over from the last build keep their files where they are, and their listings.
        for book in context.carried { for position in book.files { context.keptFiles[position] = true } }
        var listings = views.map(BookListing.init) + context.carried.compactMap(\.listing)
        listings.sort { $0.slug < $1.slug }
        context.listings = listings
        context.cardMemo = context.memo.cards(previous: context.previousBuild)
        if let previous = context.previousBuild {
            var before: [String: BookListing] = [:]
            for (name, book) in previous.books { if let listing = book.listing { before[name] = listing } }
            context.listingsSinceLastBuild = ListingChange(from: before, to: listings)
        }
        if context.listingsSinceLastBuild != .unchanged || !context.keepFromLastBuild("index.html") {
            let page = Array(renderer.libraryPage(listings, cards: context.cardMemo).utf8)
            context.emit("index.html", page)
            // The library is the largest page: it is compressed on another thread while the EPUBs are made.
            if context.options.forPublishing { context.compressEarly("index.html", page) }
        }
        context.bookViews = views
        context.renderer = renderer
    }

    private func bookView(_ book: Book, analysis: BookAnalysis, renderer: PageRenderer, media: inout MediaStore, context: BuildContext,
                          sink: BookOutputs) -> BookView {
        let folder = context.options.project.appending(path: "content").appending(path: book.slug)
        let matter = book.frontMatter
        func publish(_ reference: AssetReference, alt: String) -> ImageView? {
            guard case .success(let url) = PathPolicy.resolveImage(reference, bookFolder: folder) else { return nil }
            return media.publish(url, reference: reference, alt: alt, into: sink)
        }
        let coverAlt = matter.coverDescription ?? "Cover of \(matter.title)" + (matter.author.map { " by \($0)" } ?? "")
        var cover = matter.cover.flatMap { publish($0, alt: coverAlt) }
        if cover == nil {
            let svg = renderer.typographicCover(for: book)
            let path = AssetNames.media(bytes: Array(svg.utf8), fileExtension: "svg")
            sink.emit(path, text: svg)
            cover = ImageView(path: path, alt: coverAlt, width: 600, height: 800)
        }
        let graph = analysis.graph
        var scenes: [SceneView] = []
        for scene in book.scenes {
            var inline: [String: String] = [:]
            for reference in scene.inlineImages {
                if let image = publish(reference, alt: "") { inline[reference.path] = "../../" + image.path }
            }
            // What sanitising removes is reported by CheckStage (SceneHTMLCheck), in check and build alike.
            let result = SceneHTMLCheck.sanitizer(pictures: inline).sanitize(scene.html)
            var illustration: ImageView?
            if let picture = scene.illustration {
                illustration = publish(picture.reference, alt: picture.alt.isEmpty ? derivedAlt(scene, book: book) : picture.alt)
            }
            let successors = graph.successors[scene.id] ?? []
            var sceneView = SceneView(scene: scene, html: result.html, illustration: illustration,
                                      next: scene.choices.isEmpty ? successors.first : nil)
            sceneView.narration = context.narrations[book.slug]?[scene.id]
            scenes.append(sceneView)
        }
        var view = BookView(book: book, cover: cover!, scenes: scenes, endings: graph.endings)
        (view.socialImage, view.thumbnail) = previews(book, folder: folder, alt: coverAlt, context: context, sink: sink, derived: media.derived)
        view.cues = analysis.cues
        view.soundFiles = soundFiles(folder: folder, book: book, context: context, sink: sink)
        view.stats = analysis.stats
        return view
    }

    /// Audio files for sound cues: the theme's `assets/sounds/<name>.<ext>`, overridden by the book's
    /// own `sounds/<name>.<ext>` (published under content hashes). Paths are relative to the book's folder.
    private func soundFiles(folder: URL, book: Book, context: BuildContext, sink: BookOutputs) -> [String: String] {
        var files: [String: String] = [:]
        for (logical, hashed) in context.assetPaths where logical.hasPrefix("assets/sounds/") {
            let name = (logical.dropFirst("assets/sounds/".count) as NSString).deletingPathExtension
            if PathPolicy.soundExtensions.contains((logical as NSString).pathExtension.lowercased()) { files[name] = "../../" + hashed }
        }
        let sounds = folder.appending(path: "sounds")
        for file in PathPolicy.soundFileNames(inBook: folder) {
            let url = sounds.appending(path: file)
            // CheckStage reported a sound that cannot be read or leaves the book's folder; never publish one.
            guard PathPolicy.isInside(url, folder: folder), let data = try? Data(contentsOf: url) else { continue }
            let bytes = Array(data)
            let path = AssetNames.media(bytes: bytes, fileExtension: (file as NSString).pathExtension)
            sink.emit(path, bytes)
            files[(file as NSString).deletingPathExtension] = "../../" + path
        }
        return files
    }

    /// The book's 1200 x 630 social card and its library thumbnail, as PNG. From a PNG cover
    /// (the writer's or a service's), they are resized copies of it; otherwise the illustrator
    /// draws the card from the book and Tale's rasteriser paints it, and a drawn cover is painted
    /// as the thumbnail (without its title, which the library prints below it).
    private func previews(_ book: Book, folder: URL, alt: String, context: BuildContext, sink: BookOutputs,
                          derived: DerivedImages) -> (ImageView?, ImageView?) {
        let matter = book.frontMatter
        func emit(_ png: DerivedFile?, width: Int, height: Int) -> ImageView? {
            guard let png else { return nil }
            return ImageView(path: sink.emit(derived: png), alt: alt, width: width, height: height)
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
            return (emit(card, width: 1200, height: 630), emit(thumbnail, width: thumbnailWidth, height: thumbnailHeight))
        }
        var request = ImageRequest(kind: .cover, book: StoryBook(matter, seed: context.config.generation.seed), style: matter.style)
        request.author = matter.author
        let illustrator = EmbeddedIllustrator()
        let key = "\(illustrator.model) \(request.canonical)"
        let card = derived.drawing("card \(key)") { Rasterizer.render(illustrator.card(request), width: 1200, height: 630) }
        var thumbnail: ImageView?
        if matter.coverIsGenerated {
            let png = derived.drawing("thumbnail \(key)") {
                var drawing = illustrator.drawing(request)
                drawing.marks.removeAll { $0.role == "title" }
                return Rasterizer.render(drawing, width: 360, height: 480)
            }
            thumbnail = emit(png, width: 360, height: 480)
        }
        return (emit(card, width: 1200, height: 630), thumbnail)
    }

    /// Alt text for an illustration the writer gave none: from the art brief, else the scene's title.
    private func derivedAlt(_ scene: Scene, book: Book) -> String {
        if let art = scene.art, art != "none", !art.isEmpty { return "Illustration: \(art)" }
        return "Illustration for “\(scene.title ?? book.frontMatter.title)”"
    }
}
