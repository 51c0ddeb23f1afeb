import Foundation
import TaleAnalyse
import TaleCore
import TaleOutput
import TaleRender

/// A book as rendering left it: its view (which the EPUB, the library and the index read) and
/// the files it made (its reader page, book.json, cues.json and media), with what rendering found.
struct RenderedBook {
    /// What the page, book.json and the EPUB are made from.
    var view: BookView
    /// Files made in memory, in the order made.
    var outputs: [(String, [UInt8])]
    /// Files published as a source file is (writers' PNGs, derived pictures).
    var copies: [(String, SourceCopy)]
    /// What rendering found (a picture that could not be published, say).
    var diagnostics: DiagnosticList

    /// The book's slug.
    var slug: String { view.book.slug }

    /// The bytes of a file this book made, or nil when it made none at `path`.
    func bytes(of path: String) -> [UInt8]? {
        outputs.first { $0.0 == path }?.1 ?? copies.first { $0.0 == path }?.1.bytes()
    }
}

/// The render step of one book: from the book, its analysis, its narration and its painted cards to a
/// `RenderedBook`. It reads the book's folder and the derived-picture cache and nothing of the
/// build's state; the render stage applies the memo around it and merges what it returns in
/// book order.
struct BookRenderer {
    /// The theme's templates, for the page and the drawn cover.
    let renderer: PageRenderer
    /// Theme asset paths to their hashed output paths (for sounds).
    let assetPaths: [String: String]
    /// The project folder (books are in its `content/`).
    let project: URL
    /// The generation seed, for the social card the illustrator draws.
    let seed: String

    /// Renders `book`: its media published, its view made, its page, book.json and cues.json written.
    /// The view keeps its encoded cue map when `keepsEncodedCues` (for `tale serve`, which renders the
    /// page again from the view when a template changes); otherwise it is let go once written.
    func render(_ book: Book, analysis: BookAnalysis, narration: BookNarration, previews: BookPreviews, keepsEncodedCues: Bool) -> RenderedBook {
        let sink = BookOutputs()
        for (path, mp3) in narration.files { sink.emit(path, mp3) }
        var media = MediaStore(derived: DerivedImages(project: project))
        var view = bookView(book, analysis: analysis, narration: narration.scenes, previews: previews, media: &media, sink: sink)
        view.encodeCues()
        sink.emit(BookFiles.page(book.slug), text: renderer.bookPage(view))
        sink.emit(BookFiles.bookJSON(book.slug), text: BookJSON.make(view))
        if let cues = view.cuesJSON { sink.emit(BookFiles.cues(book.slug), text: CueJSON.make(value: cues)) }
        // Held by every rendered book until the EPUBs are made, the cue maps' JSON trees cost a
        // 1000-book build 40 MB at its peak.
        if !keepsEncodedCues { view.cuesJSON = nil }
        return RenderedBook(view: view, outputs: sink.outputs, copies: sink.copies, diagnostics: sink.diagnostics)
    }

    private func bookView(_ book: Book, analysis: BookAnalysis, narration: [String: NarrationView], previews: BookPreviews, media: inout MediaStore,
                          sink: BookOutputs) -> BookView {
        let folder = project.appending(path: "content").appending(path: book.slug)
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
            sceneView.narration = narration[scene.id]
            scenes.append(sceneView)
        }
        var view = BookView(book: book, cover: cover!, scenes: scenes, endings: graph.endings)
        func published(_ picture: BookPreviews.Picture?) -> ImageView? {
            picture.map { picture in
                sink.emit(picture.png)
                return ImageView(path: picture.png.path, alt: coverAlt, width: picture.width, height: picture.height)
            }
        }
        (view.socialImage, view.thumbnail) = (published(previews.card), published(previews.thumbnail))
        view.cues = analysis.cues
        view.soundFiles = soundFiles(folder: folder, book: book, sink: sink)
        view.stats = analysis.stats
        return view
    }

    /// Audio files for sound cues: the theme's `assets/sounds/<name>.<ext>`, overridden by the book's
    /// own `sounds/<name>.<ext>` (published under content hashes). Paths are relative to the book's folder.
    private func soundFiles(folder: URL, book: Book, sink: BookOutputs) -> [String: String] {
        var files: [String: String] = [:]
        for (logical, hashed) in assetPaths where logical.hasPrefix("assets/sounds/") {
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

    /// Alt text for an illustration the writer gave none: from the art brief, else the scene's title.
    private func derivedAlt(_ scene: Scene, book: Book) -> String {
        if let art = scene.art, art != "none", !art.isEmpty { return "Illustration: \(art)" }
        return "Illustration for “\(scene.title ?? book.frontMatter.title)”"
    }
}
