import Foundation
import TaleAnalyse
import TaleCore
import TaleOutput

/// Analyses each book once, after text generation: its branch graph, soundtrack and effect cues,
/// the writer's words that may be too strong for its readers, and its reading stats
/// (`BookAnalysis`). Every later step reads the analysis; none works it out again.
public struct AnalyseStage: BuildStage {
    /// `Analyse cues`.
    public let name = "Analyse cues"

    /// A stage value.
    public init() {}

    /// Fills `context.analyses` and reports the moderation findings.
    public func run(_ context: BuildContext) async throws(TaleError) {
        let checked = context.checkedGraphs
        // Each book on any core; moderation reads every word of the writer's text, so the memo's keeping it matters.
        let analyses = await BookTasks.map(context.books) { book in
            context.remembered(.analysis, book.slug) { BookAnalysis(book, checked: checked[book.slug]) }
        }
        for (book, analysis) in zip(context.books, analyses) {
            context.analyses[book.slug] = analysis
            // Most books have nothing to report: skip them without copying their scenes.
            if analysis.moderation.contains(where: { !$0.isEmpty }) {
                report(Array(zip(book.scenes, analysis.moderation)), book: book, context: context)
            }
        }
    }

    /// Warns about words in the writer's own text that are too strong for the book's age tier.
    /// The text is left as written: the writer decides.
    private func report(_ scenes: [(Scene, [ModerationFinding])], book: Book, context: BuildContext) {
        let tier = book.frontMatter.ageTier
        for (scene, found) in scenes {
            for finding in found {
                let place = context.locate(finding.word, in: book.sourcePath,
                                           from: scene.location.line, to: scene.lastLine, fallback: scene.location)
                context.diagnostics.warning(place, "'\(finding.word)' may be too strong for "
                                            + "\(Moderation.describe(tier)) (\(finding.category.rawValue), age \(book.frontMatter.age ?? "not given"))",
                                            hint: "Tale leaves your text as written; reword it, or give the book an older `age:` if that fits")
            }
        }
    }
}
