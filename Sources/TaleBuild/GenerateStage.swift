import Foundation
import TaleAnalyse
import TaleCore
import TaleGenerate
import TaleMarkdown

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
    public func run(_ context: BuildContext) throws(TaleError) {
        let settings = context.config.generation
        let content = context.options.project.appending(path: "content")
        var needs: [BookGeneration] = []
        for book in context.books where context.options.onlyBooks?.contains(book.slug) ?? true {
            let folder = content.appending(path: book.slug).appending(path: "generated")
            let jobs = GenerationPlanner.jobs(for: book, seed: settings.seed)
            // A book with nothing to generate still gets its stale artifacts pruned.
            if !jobs.isEmpty || FileManager.default.fileExists(atPath: folder.path) {
                needs.append(BookGeneration(slug: book.slug, folder: folder, jobs: jobs))
            }
        }
        guard !needs.isEmpty else { return }
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
        let books = needs
        let results = GenerateStage.wait { await generator.run(books) }
        var summary = GenerationProgress()
        summary.total = needs.reduce(0) { $0 + $1.jobs.count }
        for index in context.books.indices {
            let slug = context.books[index].slug
            guard let result = results[slug], let need = needs.first(where: { $0.slug == slug }) else { continue }
            summary.generated += result.generated.count
            summary.cached += result.texts.count - result.generated.count
            summary.failed += result.failures.count
            report(result, need: need, book: context.books[index], context: context)
            apply(result, jobs: need.jobs, to: &context.books[index])
            // Generation wrote into the book's folder: what later stages cache is keyed by the folder as it is now.
            if result.changedFiles, context.fingerprints[slug] != nil {
                context.fingerprints[slug] = BuildCache.fingerprint(ofBook: content.appending(path: slug))
            }
        }
        context.generation = summary
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

    /// Turns lock problems, frozen gaps, failures and unapproved artifacts into diagnostics.
    private func report(_ result: BookGenerationResult, need: BookGeneration, book: Book, context: BuildContext) {
        let generated = "content/\(book.slug)/generated"
        if let problem = result.lockProblem {
            context.diagnostics.error(SourceLocation(file: "\(generated)/\(GenerationLock.fileName)"), problem.reason,
                                      hint: "restore the file from version control, or delete \(generated)/ to generate again")
        }
        for job in result.missing {
            context.diagnostics.error(job.location, "the \(job.label) needs generating (\(generated)/\(job.file)), but the build is frozen",
                                      hint: "run `tale generate \(book.slug)` and commit \(generated)/; "
                                          + "builds are frozen with --frozen and whenever CI is set (--no-frozen lets them generate)")
        }
        for (job, error) in result.failures {
            context.diagnostics.error(job.location, "could not generate the \(job.label): \(error)",
                                      hint: "nothing was written for it; fix the cause and build again, or write the text yourself")
        }
        if context.options.requireApproved {
            for job in need.jobs {
                guard let entry = result.entries[job.id], !entry.approved else { continue }
                context.diagnostics.error(SourceLocation(file: "\(generated)/\(entry.file)"),
                                          "the generated \(job.label) is not approved, and the build requires approval",
                                          hint: "read it, then set \"approved\": true for '\(job.id)' in \(generated)/\(GenerationLock.fileName) "
                                              + "(or run `tale generate \(book.slug) --approve`)")
            }
        }
    }

    /// Puts generated texts into the book: scene text and titles, added scenes, summary and tags.
    private func apply(_ result: BookGenerationResult, jobs: [GenerationJob], to book: inout Book) {
        for job in jobs {
            guard let text = result.texts[job.id] else { continue }
            let sceneID = job.id.split(separator: "/", maxSplits: 1).dropFirst().first.map(String.init)
            switch job.request.kind {
            case .scene, .title:
                guard let sceneID else { continue }
                var index = book.scenes.firstIndex { $0.id == sceneID }
                if index == nil {
                    var added = Scene(id: sceneID, title: nil, location: job.location, html: "", text: "")
                    added.lastLine = job.location.line
                    book.scenes.append(added)
                    index = book.scenes.count - 1
                }
                if job.request.kind == .title {
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
    }

    /// Runs async work from a synchronous stage and waits for it. The work runs on a thread of its
    /// own (a task executor over a private dispatch queue), never on Swift's shared pool, so a
    /// build that blocks a pool thread here (tests, `tale serve`) cannot starve the work it waits for.
    static func wait<Value: Sendable>(_ work: @escaping @Sendable () async -> Value) -> Value {
        let box = Locked<Value?>(nil)
        let done = DispatchSemaphore(value: 0)
        Task.detached(executorPreference: QueueTaskExecutor()) {
            let value = await work()
            box.mutate { $0 = value }
            done.signal()
        }
        done.wait()
        return box.value!
    }
}

/// A task executor that runs jobs on a private serial dispatch queue.
final class QueueTaskExecutor: TaskExecutor, @unchecked Sendable {
    private let queue = DispatchQueue(label: "tale.generate")

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        let executor = asUnownedTaskExecutor()
        queue.async { job.runSynchronously(on: executor) }
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
