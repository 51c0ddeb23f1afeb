import Foundation
import TaleAnalyse
import TaleCore

/// Derives each book's soundtrack and effect cue map.
public struct AnalyseStage: BuildStage {
    /// `Analyse cues`.
    public let name = "Analyse cues"

    /// A stage value.
    public init() {}

    /// Fills `context.cueMaps`.
    public func run(_ context: BuildContext) async throws(TaleError) {
        let cache = context.options.cache
        let fingerprints = context.fingerprints
        let maps = ParallelMap.map(context.books) { book -> CueMap in
            guard let cache, let fingerprint = fingerprints[book.slug] else { return CueAnalyser.analyse(book) }
            if let hit = cache.cues(book.slug, fingerprint) { return hit }
            let map = CueAnalyser.analyse(book)
            cache.store(book.slug, fingerprint) { $0.cues = map }
            return map
        }
        for map in maps { context.cueMaps[map.book] = map }
        // Moderation reads every word of the writer's text: on every core, kept by `tale serve` while a
        // book's folder is unchanged, reported in book order.
        let findings = ParallelMap.map(context.books) { book -> [[ModerationFinding]] in
            let fingerprint = fingerprints[book.slug]
            if let cache, let fingerprint, let hit = cache.moderation(book.slug, fingerprint) { return hit }
            let found = book.scenes.map { $0.isGenerated ? [] : Moderation.check($0.text, tier: book.frontMatter.ageTier) }
            if let cache, let fingerprint { cache.store(book.slug, fingerprint) { $0.moderation = found } }
            return found
        }
        // Most books have nothing to report: skip them without copying their scenes.
        for (book, found) in zip(context.books, findings) where found.contains(where: { !$0.isEmpty }) {
            report(Array(zip(book.scenes, found)), book: book, context: context)
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
