import Foundation
import TaleCore
import TaleGenerate
import TaleRender
import TaleSpeech

/// Reads aloud every scene of a book with `narration: auto`, offline, with espeak-ng, and encodes
/// MP3 with LAME. Each scene's audio and word timings are kept in `.tale-cache/derived/` under a
/// hash of the words and the language, so only changed scenes are spoken again.
public struct NarrateStage: BuildStage {
    /// `Narrate`.
    public let name = "Narrate"

    /// A stage value.
    public init() {}

    /// Runs only on sources without errors.
    public var needsErrorFreeSources: Bool { true }

    /// Fills `context.narrations`: each scene's recording and word times, which rendering publishes.
    public func run(_ context: BuildContext) async throws(TaleError) {
        if context.config.generation.speechProvider == .openai {
            await fromService(context)
            return
        }
        let folder = DerivedImages(project: context.options.project).folder
        for book in context.books where book.frontMatter.narration == "auto" {
            var narration = BookNarration()
            for scene in book.scenes {
                let title = scene.title ?? book.frontMatter.title
                let key = SHA256.hex(["narration-2", book.frontMatter.language, title, scene.text].joined(separator: "\u{0}"))
                let audioFile = folder.appending(path: "\(key).mp3"), timingFile = folder.appending(path: "\(key).json")
                var spoken: Narration?
                if let mp3 = DerivedImages.read(audioFile), let data = DerivedImages.read(timingFile),
                   let kept = try? JSONDecoder().decode(WordTimings.self, from: data) {
                    spoken = Narration(mp3: Array(mp3), words: kept.words, timings: kept.timings)
                } else {
                    do {
                        let made = try Narration.make(title: title, text: scene.text, language: book.frontMatter.language)
                        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                        try? Data(made.mp3).write(to: audioFile, options: .atomic)
                        let timings = WordTimings(words: made.words, timings: made.timings)
                        try? JSONEncoder().encode(timings).write(to: timingFile, options: .atomic)
                        spoken = made
                    } catch {
                        context.diagnostics.error(scene.location, "cannot narrate scene '\(scene.id)': \(error)",
                                                  hint: "install Debian's espeak-ng and lame packages, or set `narration: off`")
                        continue
                    }
                }
                guard let spoken else { continue }
                narration.add(spoken, scene: scene.id)
            }
            context.narrations[book.slug] = narration
        }
    }

    /// Recordings from an OpenAI-compatible speech service are paid for, so they are artifacts
    /// in the generation lock (`generated/narration-<scene>.mp3`), like generated text: made once,
    /// committed, and never asked for in a frozen build. Word times are shared out by letters.
    private func fromService(_ context: BuildContext) async {
        let settings = context.config.generation
        let content = context.options.project.appending(path: "content")
        let provider: any SpeechProvider
        if let given = context.options.speechProvider {
            provider = given
        } else {
            do throws(GenerationError) {
                provider = try OpenAISpeechProvider(settings: settings, environment: context.options.environment)
            } catch {
                provider = LockOnlySpeechProvider(name: "openai", model: "\(settings.speechModel) \(settings.speechVoice)", failure: error)
            }
        }
        var needs: [BookGeneration] = []
        for book in context.books where book.frontMatter.narration == "auto" {
            let story = StoryBook(book.frontMatter, seed: settings.seed)
            let jobs = book.scenes.map { scene in
                let spoken = Narration.script(title: scene.title ?? book.frontMatter.title, text: scene.text).spoken
                return GenerationJob(id: "narration/\(scene.id)", work: .speech(SpeechRequest(book: story, sceneID: scene.id, text: spoken)),
                                     file: "narration-\(scene.id).mp3", location: scene.location, label: "narration of scene '\(scene.id)'")
            }
            needs.append(BookGeneration(slug: book.slug, folder: content.appending(path: book.slug).appending(path: "generated"), jobs: jobs))
        }
        guard !needs.isEmpty else { return }
        var generator = Generator(provider: EmbeddedStoryteller(), concurrency: settings.concurrency, frozen: context.options.frozen,
                                  moderate: { _, _ in nil }, progress: context.options.generationProgress)
        generator.speechProvider = provider
        generator.kinds = [.narration]
        let results = await GenerationRun.perform(needs, generator: generator, context: context)
        for book in context.books {
            guard let result = results[book.slug] else { continue }
            var narration = BookNarration()
            for scene in book.scenes {
                guard let file = result.images["narration/\(scene.id)"],
                      let data = try? Data(contentsOf: content.appending(path: book.slug).appending(path: "generated").appending(path: file)) else { continue }
                do {
                    narration.add(try Narration.estimated(mp3: Array(data), title: scene.title ?? book.frontMatter.title, text: scene.text), scene: scene.id)
                } catch {
                    context.diagnostics.error(SourceLocation(file: "content/\(book.slug)/generated/\(file)"), "cannot use the recording: \(error)",
                                              hint: "delete the file and its entry in lock.json to ask the service again")
                }
            }
            context.narrations[book.slug] = narration
        }
    }
}

/// A book's scenes read aloud, as narration makes them: what the reader page and book.json say
/// of each scene's recording, and the MP3 files, which rendering publishes with the book's other files.
struct BookNarration {
    /// Each narrated scene's recording and word times, by scene id.
    var scenes: [String: NarrationView] = [:]
    /// The recordings under their content-hashed media paths.
    var files: [(String, [UInt8])] = []

    /// Adds `scene`'s recording.
    mutating func add(_ narration: Narration, scene: String) {
        let path = AssetNames.media(bytes: narration.mp3, fileExtension: "mp3")
        files.append((path, narration.mp3))
        scenes[scene] = NarrationView(audio: path, words: narration.words, timings: narration.timings)
    }
}

/// A speech service that cannot be reached as configured (no key): recordings in the lock still serve.
struct LockOnlySpeechProvider: SpeechProvider {
    let name: String
    let model: String
    let failure: GenerationError

    func speak(_ request: SpeechRequest) async throws(GenerationError) -> [UInt8] { throw failure }
}

/// A scene's spoken words and when each starts (milliseconds), kept beside its MP3 in the derived cache.
struct WordTimings: Codable {
    var words: [String]
    var timings: [Int]
}
