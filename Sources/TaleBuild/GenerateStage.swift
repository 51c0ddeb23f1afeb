import Foundation
import TaleAnalyse
import TaleCore
import TaleGenerate
import TaleMarkdown
import TaleOutput

/// Fills what the writer left for generation: missing and empty scenes, titles of empty headings,
/// summaries and tags. Artifacts come from each book's generation lock when their inputs are
/// unchanged, else from the provider (unless the build is frozen); the writer's files are never edited.
public struct GenerateStage: BuildStage {
    /// `Generate text`.
    public let name = "Generate text"

    /// A stage value.
    public init() {}

    /// Generation needs sources without errors: a broken book is not worth a provider's time.
    public var needsErrorFreeSources: Bool { true }

    /// Generates, then puts the texts into `context.books`.
    public func run(_ context: BuildContext) async throws(TaleError) {
        let settings = context.config.generation
        let content = context.options.project.appending(path: "content")
        let reused = GeneratedBooks.reuse(.generated, context: context)
        // Each book's needs are planned on every core.
        let candidates = context.books.filter { (context.options.onlyBooks?.contains($0.slug) ?? true) && !reused.contains($0.slug) }
        let seed = settings.seed
        let needs = await BookTasks.map(candidates) { book -> BookGeneration? in
            let folder = content.appending(path: book.slug).appending(path: "generated")
            let jobs = GenerationPlanner.jobs(for: book, seed: seed)
            // A book with nothing to generate still gets its stale artifacts pruned.
            return !jobs.isEmpty || FileManager.default.fileExists(atPath: folder.path) ? BookGeneration(slug: book.slug, folder: folder, jobs: jobs) : nil
        }.compactMap { $0 }
        guard !needs.isEmpty else { return }
        let needed = Dictionary(uniqueKeysWithValues: needs.map { ($0.slug, $0) })
        let provider = context.options.textProvider ?? GenerateStage.provider(for: settings, environment: context.options.environment)
        let remote = settings.remoteModeration && settings.textProvider == .openai
            ? OpenAIModeration(settings: settings, environment: context.options.environment) : nil
        let generator = Generator(provider: provider, concurrency: settings.concurrency, frozen: context.options.frozen,
                                  moderate: { text, tier in
                                      if let first = Moderation.check(text, tier: tier).first {
                                          return "'\(first.word)' (\(first.category.rawValue)) is too strong for \(Moderation.describe(tier))"
                                      }
                                      return await remote?.flagged(text)
                                  },
                                  progress: context.options.generationProgress)
        let results = await GenerationRun.perform(needs, generator: generator, context: context)
        // Each book generated for is replaced by the book with its texts in.
        context.books = context.books.map { book in
            guard let result = results[book.slug], let need = needed[book.slug] else { return book }
            return GenerateStage.book(book, with: result, jobs: need.jobs)
        }
        GeneratedBooks.keep(.generated, results: results, context: context)
    }

    /// The provider `tale.yaml` asks for. Without a key, a service's artifacts can still come from
    /// the lock; only asking it for something new fails, with the reason.
    static func provider(for settings: GenerationSettings, environment: [String: String]) -> any TextProvider {
        switch settings.textProvider {
        case .embedded: return EmbeddedStoryteller()
        case .openai:
            do {
                return try OpenAIChatProvider(settings: settings, environment: environment)
            } catch {
                return LockOnlyProvider(name: "openai", model: settings.model, failure: error)
            }
        }
    }

    /// `book` with its generated texts in: scene text and titles, added scenes, summary and tags.
    static func book(_ book: Book, with result: BookGenerationResult, jobs: [GenerationJob]) -> Book {
        var book = book
        for job in jobs {
            guard let text = result.texts[job.id] else { continue }
            let sceneID = job.id.split(separator: "/", maxSplits: 1).dropFirst().first.map(String.init)
            guard let request = job.textRequest else { continue }
            switch request.kind {
            case .plan, .illustration, .cover, .character, .narration: continue
            case .scene, .title:
                guard let sceneID else { continue }
                var index = book.scenes.firstIndex { $0.id == sceneID }
                if index == nil {
                    var added = Scene(id: sceneID, title: nil, location: job.location, html: "", text: "")
                    added.lastLine = job.location.line
                    book.scenes.append(added)
                    index = book.scenes.count - 1
                }
                if request.kind == .title {
                    book.scenes[index!].title = text
                } else {
                    let rendered = GeneratedText.render(text)
                    book.scenes[index!].html = rendered.html
                    book.scenes[index!].text = rendered.text
                    book.scenes[index!].isGenerated = true
                }
            case .summary: book.frontMatter.summary = text
            case .tags: book.frontMatter.tags = text.split(separator: "\n").map(String.init)
            }
        }
        return book
    }
}

/// Stands in for a service that cannot be reached as configured (no key): artifacts it made
/// before still come from the lock, and asking it for anything new fails with the reason.
struct LockOnlyProvider: TextProvider {
    let name: String
    let model: String
    let failure: GenerationError

    func write(_ request: TextRequest) async throws(GenerationError) -> String { throw failure }
}
