import Foundation
import TaleAnalyse
import TaleCore

/// Checks what needs the whole book or the whole library: the branch graph, links to other
/// books, and that every embedded file is inside its book's folder.
public struct CheckStage: BuildStage {
    /// `Check books`.
    public let name = "Check books"

    /// A stage value.
    public init() {}

    /// Adds graphs and diagnostics to the context.
    public func run(_ context: BuildContext) throws(TaleError) {
        let slugs = context.books.map(\.slug)
        let contentFolder = context.options.project.appending(path: "content")
        for book in context.books {
            // The graph depends only on the book's own file, so `tale serve` keeps it while the folder is unchanged.
            let fingerprint = context.fingerprints[book.slug]
            if let cache = context.options.cache, let fingerprint, let (graph, found) = cache.graph(book.slug, fingerprint) {
                context.graphs[book.slug] = graph
                context.diagnostics.append(contentsOf: found)
            } else {
                var found = DiagnosticList()
                let graph = BranchGraph.analyse(book, diagnostics: &found)
                context.graphs[book.slug] = graph
                context.diagnostics.append(contentsOf: found)
                if let cache = context.options.cache, let fingerprint { cache.store(book.slug, fingerprint) { $0.graph = (graph, found) } }
            }
            if book.scenes.isEmpty, book.frontMatter.sceneCount == nil {
                context.diagnostics.warning(SourceLocation(file: book.sourcePath, line: 1, column: 1), "the book has no scenes yet",
                                            hint: "start a scene with a `## Heading` line and write under it, or set `scenes:` to have them generated")
            }
            // The image checks depend only on the book's folder, so a cache keyed by its fingerprint can keep them.
            if let cache = context.options.cache, let fingerprint, let known = cache.imageChecks(book.slug, fingerprint) {
                for diagnostic in known { context.diagnostics.report(diagnostic) }
            } else {
                let folder = contentFolder.appending(path: book.slug)
                var references = book.scenes.flatMap { scene in (scene.illustration.map { [$0.reference] } ?? []) + scene.inlineImages }
                if let cover = book.frontMatter.cover { references.insert(cover, at: 0) }
                var found: [Diagnostic] = []
                for reference in references {
                    if case .failure(let diagnostic) = PathPolicy.resolveImage(reference, bookFolder: folder) { found.append(diagnostic) }
                }
                for diagnostic in found { context.diagnostics.report(diagnostic) }
                if let cache = context.options.cache, let fingerprint { cache.store(book.slug, fingerprint) { $0.imageChecks = found } }
            }
            for scene in book.scenes {
                for link in scene.links where link.destination.hasPrefix("../") {
                    let target = CheckStage.bookSlug(inLink: link.destination)
                    if let target, !slugs.contains(target) {
                        context.diagnostics.error(link.location, "link to unknown book '\(target)'\(Suggestion.didYouMean(target, among: slugs))",
                                                  hint: "link to another book as ../<slug>/ with the folder name of a book in content/")
                    } else if target == nil {
                        context.diagnostics.error(link.location, "link '\(link.destination)' leaves the book but names no book",
                                                  hint: "link to another book as ../<slug>/")
                    }
                }
            }
        }
    }

    /// `../fox/` or `../fox/#den` → `fox`; nil for anything that does not name a single folder.
    static func bookSlug(inLink destination: String) -> String? {
        var rest = destination.dropFirst(3)
        if let cut = rest.firstIndex(where: { $0 == "#" || $0 == "?" }) { rest = rest[..<cut] }
        let parts = rest.split(separator: "/", omittingEmptySubsequences: false)
        guard let first = parts.first, !first.isEmpty, first != "..", parts.count <= 2,
              parts.count == 1 || parts[1].isEmpty || parts[1] == "index.html" else { return nil }
        return String(first)
    }
}
