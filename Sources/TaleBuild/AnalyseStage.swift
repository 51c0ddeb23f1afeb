import TaleAnalyse
import TaleCore

/// Derives each book's soundtrack and effect cue map.
public struct AnalyseStage: BuildStage {
    /// `Analyse cues`.
    public let name = "Analyse cues"

    /// A stage value.
    public init() {}

    /// Fills `context.cueMaps`.
    public func run(_ context: BuildContext) throws(TaleError) {
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
    }
}
