import TaleCore

/// What reading a book once tells every step after it: where its story can go, what plays and
/// falls in each scene, which of the writer's words may be too strong for its readers, and how long
/// and hard it is to read. Made once per book after text generation; illustration, rendering and
/// print read it, and none of them works any of it out again.
public struct BookAnalysis: Sendable, Equatable {
    /// Which scene can follow which, and the endings.
    public let graph: BranchGraph
    /// The soundtrack and effect cues of each scene.
    public let cues: CueMap
    /// For each scene, in order, the writer's words too strong for the book's age tier (none in generated scenes).
    public let moderation: [[ModerationFinding]]
    /// Words, minutes, grade and band, for the reader's page and the library.
    public let stats: BookStats

    /// Analyses `book`. `graph` is the branch graph the check made of it, when its scenes are still
    /// the ones checked; otherwise (generation added scenes) the graph is made again, its findings
    /// already reported by the check.
    public init(_ book: Book, checked graph: BranchGraph? = nil) {
        if let graph, graph.successors.count == book.scenes.count {
            self.graph = graph
        } else {
            var reported = DiagnosticList()
            self.graph = BranchGraph.analyse(book, diagnostics: &reported)
        }
        cues = CueAnalyser.analyse(book)
        let tier = book.frontMatter.ageTier
        moderation = book.scenes.map { $0.isGenerated ? [] : Moderation.check($0.text, tier: tier) }
        let level = ReadingLevel(book.scenes.map(\.text).joined(separator: "\n\n"))
        stats = BookStats(words: level.words, minutes: level.minutes(for: tier), grade: level.grade,
                          band: book.frontMatter.readingBand, generatedScenes: book.scenes.filter(\.isGenerated).count)
    }
}
