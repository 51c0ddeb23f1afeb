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
        let maps = ParallelMap.map(context.books, CueAnalyser.analyse)
        for map in maps { context.cueMaps[map.book] = map }
    }
}
