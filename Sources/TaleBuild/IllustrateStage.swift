import Foundation
import TaleCore
import TaleGenerate
import TaleOutput

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
    public func run(_ context: BuildContext) async throws(TaleError) {
        let settings = context.config.generation
        let content = context.options.project.appending(path: "content")
        let provider = context.options.imageProvider ?? IllustrateStage.provider(for: settings, environment: context.options.environment)
        let reused = GeneratedBooks.reuse(.illustrated, context: context)
        // Each book's pictures are planned on every core, with the alt text of each scene's picture.
        let candidates = context.books.filter { (context.options.onlyBooks?.contains($0.slug) ?? true) && !reused.contains($0.slug) }
        let analyses = context.analyses, seed = settings.seed, fileExtension = provider.fileExtension
        let planned = await BookTasks.map(candidates) { book -> (need: BookGeneration, alts: [String: String])? in
            let folder = content.appending(path: book.slug).appending(path: "generated")
            var light: [String: (time: String?, weather: [String], mood: String?)] = [:]
            for cues in analyses[book.slug]?.cues.scenes ?? [] { light[cues.scene] = (cues.time, cues.weather, cues.mood.mood.rawValue) }
            // Pictures are drawn from the same story plan the text was written from.
            let plan = (try? String(contentsOf: folder.appending(path: "plan.json"), encoding: .utf8)).flatMap { try? StoryPlan.decode($0).get() }
            let jobs = GenerationPlanner.imageJobs(for: book, seed: seed, light: light, fileExtension: fileExtension, plan: plan)
            guard !jobs.isEmpty || FileManager.default.fileExists(atPath: folder.path) else { return nil }
            var alts: [String: String] = [:]
            for job in jobs {
                if case .image(let request) = job.work { alts[job.id] = EmbeddedIllustrator.alt(request) }
            }
            return (BookGeneration(slug: book.slug, folder: folder, jobs: jobs), alts)
        }
        var needs = planned.compactMap { $0?.need }
        guard !needs.isEmpty else { return }
        if provider is EmbeddedIllustrator {
            for need in needs {
                guard let book = context.books.first(where: { $0.slug == need.slug }) else { continue }
                IllustrateStage.warnUndrawable(book, context: context)
            }
        }
        let plans = Dictionary(uniqueKeysWithValues: planned.compactMap { $0 }.map { ($0.need.slug, $0) })
        var generator = Generator(provider: EmbeddedStoryteller(), concurrency: settings.concurrency, frozen: context.options.frozen,
                                  moderate: { _, _ in nil }, progress: context.options.generationProgress)
        generator.imageProvider = provider
        if provider.usesCharacterSheets {
            // A sheet of each main character first; each page is then drawn with the sheets of who is on it.
            var sheets = generator
            sheets.kinds = [.character]
            let sheetNeeds = needs.compactMap { need -> BookGeneration? in
                guard let book = candidates.first(where: { $0.slug == need.slug }) else { return nil }
                return BookGeneration(slug: need.slug, folder: need.folder,
                                      jobs: GenerationPlanner.characterSheetJobs(for: book, seed: seed, fileExtension: fileExtension))
            }
            let drawn = await GenerationRun.perform(sheetNeeds, generator: sheets, context: context)
            needs = needs.map { IllustrateStage.attachSheets(drawn[$0.slug], to: $0) }
            generator.kinds = [.illustration, .cover]
        } else {
            // Sheets a service drew before are no longer needed: they leave the lock with the rest.
            generator.kinds = [.illustration, .cover, .character]
        }
        let results = await GenerationRun.perform(needs, generator: generator, context: context)
        // Each book drawn for is replaced by the book with its pictures in.
        context.books = context.books.map { book in
            guard let result = results[book.slug], let plan = plans[book.slug] else { return book }
            return IllustrateStage.book(book, with: result, jobs: plan.need.jobs, alts: plan.alts)
        }
        GeneratedBooks.keep(.illustrated, results: results, context: context)
    }

    /// `book` with its drawn pictures in: each scene's illustration and the cover, with their alt text.
    static func book(_ book: Book, with result: BookGenerationResult, jobs: [GenerationJob], alts: [String: String]) -> Book {
        var book = book
        for job in jobs {
            guard let file = result.images[job.id], case .image(let request) = job.work else { continue }
            let reference = AssetReference(path: "generated/\(file)", location: job.location)
            if request.kind == .cover {
                book.frontMatter.cover = reference
                book.frontMatter.coverIsGenerated = true
                book.frontMatter.coverDescription = alts[job.id]
            } else if let scene = book.scenes.firstIndex(where: { $0.id == request.sceneID }) {
                book.scenes[scene].illustration = Illustration(reference: reference, alt: alts[job.id] ?? EmbeddedIllustrator.alt(request))
                book.scenes[scene].illustrationIsGenerated = true
            }
        }
        return book
    }

    /// `need` with each picture's request carrying the character sheets of who is in it (from `sheets`, in the book's folder).
    static func attachSheets(_ sheets: BookGenerationResult?, to need: BookGeneration) -> BookGeneration {
        guard let sheets else { return need }
        var byName: [String: [UInt8]] = [:]
        for (id, file) in sheets.images where id.hasPrefix("character/") {
            if let data = try? Data(contentsOf: need.folder.appending(path: file)) { byName[String(id.dropFirst("character/".count))] = Array(data) }
        }
        var attached = need
        for index in attached.jobs.indices {
            guard case .image(var request) = attached.jobs[index].work, let reading = request.reading else { continue }
            request.references = reading.cast.compactMap { figure in
                byName[Slug.make(from: figure.name)].map { ImageReference(name: figure.name, bytes: $0) }
            }
            attached.jobs[index].work = .image(request)
        }
        return attached
    }

    /// Warns about each character whose looks name a creature Tale cannot draw, naming the word
    /// and the kind drawn instead, at the character's line in the front matter.
    static func warnUndrawable(_ book: Book, context: BuildContext) {
        let source = context.options.project.appending(path: book.sourcePath)
        let lines = (try? String(contentsOf: source, encoding: .utf8))?.split(separator: "\n", omittingEmptySubsequences: false) ?? []
        for character in book.frontMatter.characters {
            let kind = PictureKind.of(character)
            guard let unknown = kind.unknown else { continue }
            // The line of the character's `name:`, at the column where `name` starts.
            var (line, column) = (1, 1)
            if let index = lines.firstIndex(where: { $0.contains("name:") && $0.contains(character.name) }), let name = lines[index].range(of: "name:") {
                (line, column) = (index + 1, lines[index].distance(from: lines[index].startIndex, to: name.lowerBound) + 1)
            }
            context.diagnostics.warning(SourceLocation(file: book.sourcePath, line: line, column: column),
                                        "the illustrator cannot draw a \(unknown) yet, so \(character.name) is drawn as a \(kind.kind)",
                                        hint: "name a kind Tale draws in `looks` (such as \(PictureKind.suggestions(near: kind.kind))), or give the scenes your own pictures")
        }
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

/// The picture counterpart of `LockOnlyProvider`: the service's pictures (and its character
/// sheets, so each page's input is the same as when it was drawn) from the lock, and no calls.
struct LockOnlyImageProvider: ImageProvider {
    let name: String
    let model: String
    let fileExtension = "png"
    let failure: GenerationError
    let usesCharacterSheets = true

    func draw(_ request: ImageRequest) async throws(GenerationError) -> GeneratedImage { throw failure }
}
