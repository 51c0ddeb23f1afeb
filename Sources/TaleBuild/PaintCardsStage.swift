import Foundation
import TaleCore
import TaleOutput

/// Paints each book's social card and library thumbnail (`BookPreviews`), so that every picture
/// is made before rendering, which only publishes them.
public struct PaintCardsStage: BuildStage {
    /// `Paint cards`.
    public let name = "Paint cards"

    /// A stage value.
    public init() {}

    /// Paints only for error-free sources.
    public var needsErrorFreeSources: Bool { true }

    /// Fills `context.previews`.
    public func run(_ context: BuildContext) async throws(TaleError) {
        let project = context.options.project, seed = context.config.generation.seed
        let painted = await BookTasks.map(context.books) { book in
            context.remembered(.previews, book.slug) { BookPreviews.paint(book, project: project, seed: seed) }
        }
        for (book, previews) in zip(context.books, painted) { context.previews[book.slug] = previews }
    }
}
