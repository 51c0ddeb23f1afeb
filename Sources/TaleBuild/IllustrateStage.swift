import Foundation
import TaleCore
import TaleGenerate

/// Gives every scene without a picture an illustration (unless `art=none`) and every book without
/// a cover a cover, drawn from the scene's text and cue map (time of day, weather) and the book's
/// character bible. Pictures are artifacts in the generation lock, like generated text.
public struct IllustrateStage: BuildStage {
    /// `Illustrate`.
    public let name = "Illustrate"

    /// A stage value.
    public init() {}

    /// Runs only on sources without errors.
    public var needsErrorFreeSources: Bool { true }

    /// Draws, then points each scene and cover at its picture in `generated/`.
    public func run(_ context: BuildContext) throws(TaleError) {
        let settings = context.config.generation
        let content = context.options.project.appending(path: "content")
        let provider = context.options.imageProvider ?? IllustrateStage.provider(for: settings, environment: context.options.environment)
        let reused = GeneratedBooks.reuse("illustrate", context: context)
        // Each book's pictures are planned on every core, with the alt text of each scene's picture.
        let candidates = context.books.filter { (context.options.onlyBooks?.contains($0.slug) ?? true) && !reused.contains($0.slug) }
        let cueMaps = context.cueMaps, seed = settings.seed, fileExtension = provider.fileExtension
        let planned = ParallelMap.map(candidates) { book -> (need: BookGeneration, alts: [String: String])? in
            let folder = content.appending(path: book.slug).appending(path: "generated")
            var light: [String: (time: String?, weather: [String])] = [:]
            for cues in cueMaps[book.slug]?.scenes ?? [] { light[cues.scene] = (cues.time, cues.weather) }
            let jobs = GenerationPlanner.imageJobs(for: book, seed: seed, light: light, fileExtension: fileExtension)
            guard !jobs.isEmpty || FileManager.default.fileExists(atPath: folder.path) else { return nil }
            var alts: [String: String] = [:]
            for job in jobs {
                if case .image(let request) = job.work, request.kind != .cover { alts[job.id] = EmbeddedIllustrator.alt(request) }
            }
            return (BookGeneration(slug: book.slug, folder: folder, jobs: jobs), alts)
        }
        let needs = planned.compactMap { $0?.need }
        guard !needs.isEmpty else { return }
        let plans = Dictionary(uniqueKeysWithValues: planned.compactMap { $0 }.map { ($0.need.slug, $0) })
        var generator = Generator(provider: EmbeddedStoryteller(), concurrency: settings.concurrency, frozen: context.options.frozen,
                                  moderate: { _, _ in nil }, progress: context.options.generationProgress)
        generator.imageProvider = provider
        generator.kinds = [.illustration, .cover]
        let results = GenerationRun.perform(needs, generator: generator, context: context)
        for index in context.books.indices {
            let book = context.books[index]
            guard let result = results[book.slug], let plan = plans[book.slug] else { continue }
            for job in plan.need.jobs {
                guard let file = result.images[job.id], case .image(let request) = job.work else { continue }
                let reference = AssetReference(path: "generated/\(file)", location: job.location)
                if request.kind == .cover {
                    context.books[index].frontMatter.cover = reference
                    context.books[index].frontMatter.coverIsGenerated = true
                } else if let scene = context.books[index].scenes.firstIndex(where: { $0.id == request.sceneID }) {
                    context.books[index].scenes[scene].illustration = Illustration(reference: reference, alt: plan.alts[job.id] ?? EmbeddedIllustrator.alt(request))
                    context.books[index].scenes[scene].illustrationIsGenerated = true
                }
            }
        }
        GeneratedBooks.keep("illustrate", results: results, context: context)
    }

    /// The picture provider `tale.yaml` asks for; a service without its key can still serve what the lock holds.
    static func provider(for settings: GenerationSettings, environment: [String: String]) -> any ImageProvider {
        guard settings.imageProvider == .openai else { return EmbeddedIllustrator() }
        do {
            return try OpenAIImageProvider(settings: settings, environment: environment)
        } catch {
            return LockOnlyImageProvider(name: "openai", model: settings.imageModel, failure: error)
        }
    }
}

/// The picture counterpart of `LockOnlyProvider`.
struct LockOnlyImageProvider: ImageProvider {
    let name: String
    let model: String
    let fileExtension = "png"
    let failure: GenerationError

    func draw(_ request: ImageRequest) async throws(GenerationError) -> GeneratedImage { throw failure }
}
