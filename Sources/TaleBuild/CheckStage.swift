import Foundation
import TaleAnalyse
import TaleCore
import TaleOutput

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
        // So are the links of books taken from the shared cache. A shard's links may name the other shards' books.
        let slugs = (context.books.map(\.slug) + context.carried.map(\.name) + context.fromCache.map(\.record.name) + context.otherShardBooks).sorted()
        for links in context.carried.map(\.links) + context.fromCache.map(\.record.links) {
            for link in links { BookLinks.check(link.destination, at: link.location, slugs: slugs, into: &context.diagnostics) }
        }
        // Each book's graph and file checks are its own: worked out on every core, reported in book order. They
        // depend only on the book's folder, so the memo keeps them while it is unchanged.
        let contentFolder = context.options.project.appending(path: "content")
        let checked = await BookTasks.map(context.books) { book in
            context.remembered(.checked, book.slug) { CheckStage.check(book, folder: contentFolder.appending(path: book.slug), context: context) }
        }
        for (book, result) in zip(context.books, checked) {
            context.checkedGraphs[book.slug] = result.graph
            context.diagnostics.append(contentsOf: result.graphFindings)
            if book.scenes.isEmpty, book.frontMatter.sceneCount == nil {
                context.diagnostics.warning(SourceLocation(file: book.sourcePath, line: 1, column: 1), "the book has no scenes yet",
                                            hint: "start a scene with a `## Heading` line and write under it, or set `scenes:` to have them generated")
            }
            for diagnostic in result.files { context.diagnostics.report(diagnostic) }
            for scene in book.scenes {
                for link in scene.links where link.destination.hasPrefix("../") {
                    BookLinks.check(link.destination, at: link.location, slugs: slugs, into: &context.diagnostics)
                }
            }
        }
    }

    /// The book's branch graph with its findings, and the problems of its pictures, sounds and scene HTML.
    static func check(_ book: Book, folder: URL, context: BuildContext) -> BuildCache.Checked {
        var findings = DiagnosticList()
        let graph = BranchGraph.analyse(book, diagnostics: &findings)
        var references = book.scenes.flatMap { scene in (scene.illustration.map { [$0.reference] } ?? []) + scene.inlineImages }
        if let cover = book.frontMatter.cover { references.insert(cover, at: 0) }
        var files: [Diagnostic] = []
        var read: Set<String> = []
        for reference in references {
            switch PathPolicy.resolveImage(reference, bookFolder: folder) {
            case .failure(let diagnostic): files.append(diagnostic)
            case .success(let url):
                // Each picture is read once, however many pages use it.
                guard read.insert(url.path).inserted else { continue }
                let file = "content/\(book.slug)/" + (reference.path.removingPercentEncoding ?? reference.path)
                if let problem = PictureCheck.problem(at: url, file: file, reference: reference) { files.append(problem) }
            }
        }
        for scene in book.scenes { files += SceneHTMLCheck.problems(scene, book: book, context: context) }
        files += CheckStage.soundProblems(bookFolder: folder, slug: book.slug)
        return BuildCache.Checked(graph: graph, graphFindings: findings, files: files)
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
