import Foundation
import TaleAnalyse
import TaleCore

/// Checks what needs the whole book or the whole library: the branch graph, links to other
/// books, that every embedded file and sound is inside its book's folder and whole, and each
/// scene's HTML as the book will hold it (what the sanitiser removes, and that it makes an EPUB page).
public struct CheckStage: BuildStage {
    /// `Check books`.
    public let name = "Check books"

    /// A stage value.
    public init() {}

    /// Adds graphs and diagnostics to the context.
    public func run(_ context: BuildContext) async throws(TaleError) {
        // Books carried over from the last build are not checked again, but their links to other books
        // are: the book a link names may be gone.
        let slugs = (context.books.map(\.slug) + context.carried.map(\.name)).sorted()
        for carried in context.carried {
            for link in carried.links { BookLinks.check(link.destination, at: link.location, slugs: slugs, into: &context.diagnostics) }
        }
        // Each book's graph and image checks are its own: worked out on every core, reported in book order.
        let contentFolder = context.options.project.appending(path: "content")
        let cache = context.options.cache, fingerprints = context.fingerprints
        let checked = ParallelMap.map(context.books) { book -> (graph: BranchGraph, found: DiagnosticList, images: [Diagnostic]) in
            // The graph depends only on the book's own file, so `tale serve` keeps it while the folder is unchanged.
            let fingerprint = fingerprints[book.slug]
            var graph: BranchGraph, found = DiagnosticList()
            if let cache, let fingerprint, let (kept, keptFound) = cache.graph(book.slug, fingerprint) {
                (graph, found) = (kept, keptFound)
            } else {
                graph = BranchGraph.analyse(book, diagnostics: &found)
                if let cache, let fingerprint { cache.store(book.slug, fingerprint) { [found] in $0.graph = (graph, found) } }
            }
            // The picture and HTML checks depend only on the book's folder, so a cache keyed by its fingerprint can keep them.
            if let cache, let fingerprint, let known = cache.imageChecks(book.slug, fingerprint) { return (graph, found, known) }
            let folder = contentFolder.appending(path: book.slug)
            var references = book.scenes.flatMap { scene in (scene.illustration.map { [$0.reference] } ?? []) + scene.inlineImages }
            if let cover = book.frontMatter.cover { references.insert(cover, at: 0) }
            var images: [Diagnostic] = []
            var read: Set<String> = []
            for reference in references {
                switch PathPolicy.resolveImage(reference, bookFolder: folder) {
                case .failure(let diagnostic): images.append(diagnostic)
                case .success(let url):
                    // Each picture is read once, however many pages use it.
                    guard read.insert(url.path).inserted else { continue }
                    let file = "content/\(book.slug)/" + (reference.path.removingPercentEncoding ?? reference.path)
                    if let problem = PictureCheck.problem(at: url, file: file, reference: reference) { images.append(problem) }
                }
            }
            for scene in book.scenes { images += SceneHTMLCheck.problems(scene, book: book, context: context) }
            images += CheckStage.soundProblems(bookFolder: folder, slug: book.slug)
            if let cache, let fingerprint { cache.store(book.slug, fingerprint) { [images] in $0.imageChecks = images } }
            return (graph, found, images)
        }
        for (book, result) in zip(context.books, checked) {
            context.graphs[book.slug] = result.graph
            context.diagnostics.append(contentsOf: result.found)
            if book.scenes.isEmpty, book.frontMatter.sceneCount == nil {
                context.diagnostics.warning(SourceLocation(file: book.sourcePath, line: 1, column: 1), "the book has no scenes yet",
                                            hint: "start a scene with a `## Heading` line and write under it, or set `scenes:` to have them generated")
            }
            for diagnostic in result.images { context.diagnostics.report(diagnostic) }
            for scene in book.scenes {
                for link in scene.links where link.destination.hasPrefix("../") {
                    BookLinks.check(link.destination, at: link.location, slugs: slugs, into: &context.diagnostics)
                }
            }
        }
    }

    /// An error for each sound in the book's `sounds/` folder that cannot be read or that is a link
    /// out of the book's folder; the build would not publish it.
    static func soundProblems(bookFolder folder: URL, slug: String) -> [Diagnostic] {
        PathPolicy.soundFileNames(inBook: folder).compactMap { file in
            let url = folder.appending(path: "sounds").appending(path: file)
            let inside = PathPolicy.isInside(url, folder: folder)
            guard !inside || !FileManager.default.isReadableFile(atPath: url.path) else { return nil }
            return Diagnostic(.error, at: SourceLocation(file: "content/\(slug)/sounds/\(file)"),
                              inside ? "the sound file cannot be read" : "the sound file is a link out of the book's folder",
                              hint: inside ? "check that the file is readable" : "copy the audio file itself into the book's sounds/ folder")
        }
    }
}
