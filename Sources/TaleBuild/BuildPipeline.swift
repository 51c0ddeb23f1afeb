/// A named list of stages: what one command runs. Every command that builds picks one of these
/// values, so the stages a command runs are read in one place.
public struct BuildPipeline: Sendable {
    /// What the pipeline is for, like `site`.
    public let name: String
    /// The stages, in the order they run.
    public let stages: [any BuildStage]

    /// A pipeline of `stages`.
    public init(name: String, stages: [any BuildStage]) {
        self.name = name
        self.stages = stages
    }

    /// `tale check`: the sources read and checked, and each book's cues analysed; nothing generated or written.
    public static let check = BuildPipeline(name: "check", stages: [LoadConfigStage(), LoadContentStage(), CheckStage(), AnalyseStage()])

    /// `tale generate` and `tale export print`: books with their text and pictures, up to illustration.
    public static let prepare = BuildPipeline(name: "prepare", stages: [
        LoadConfigStage(), LoadContentStage(), CheckStage(), GenerateStage(), AnalyseStage(), IllustrateStage(),
    ])

    /// `tale export epub`: the books rendered and packaged, in memory; no site files, nothing written.
    public static let export = BuildPipeline(name: "export", stages: prepare.stages + [NarrateStage(), PaintCardsStage(), RenderStage(), EPUBStage()])

    /// `tale serve`: the whole site, in memory.
    public static let serve = BuildPipeline(name: "serve", stages: export.stages + [SiteFilesStage()])

    /// `tale build`: the whole site, written to the output (and each book stored in the shared cache, when there is one).
    public static let site = BuildPipeline(name: "site", stages: serve.stages + [WriteStage()])

    /// `tale build --shard K/N`: one shard's books built and stored in the shared cache; no site written.
    public static let shard = BuildPipeline(name: "shard", stages: export.stages + [StoreBooksStage()])
}
