import Foundation
import TaleCore
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

    /// Fills `context.narrations` and emits the MP3s.
    public func run(_ context: BuildContext) throws(TaleError) {
        let folder = DerivedImages(project: context.options.project).folder
        for book in context.books where book.frontMatter.narration == "auto" {
            var narrations: [String: NarrationView] = [:]
            for scene in book.scenes {
                let title = scene.title ?? book.frontMatter.title
                let key = SHA256.hex(["narration-2", book.frontMatter.language, title, scene.text].joined(separator: "\u{0}"))
                let audioFile = folder.appending(path: "\(key).mp3"), timingFile = folder.appending(path: "\(key).json")
                var narration: Narration?
                if let mp3 = try? Data(contentsOf: audioFile), let data = try? Data(contentsOf: timingFile),
                   let json = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
                   let words = json["words"] as? [String], let timings = json["timings"] as? [Int] {
                    narration = Narration(mp3: Array(mp3), words: words, timings: timings)
                } else {
                    do {
                        let made = try Narration.make(title: title, text: scene.text, language: book.frontMatter.language)
                        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                        try? Data(made.mp3).write(to: audioFile, options: .atomic)
                        let json = JSONValue.object([("words", .array(made.words.map { .string($0) })), ("timings", .array(made.timings.map { .int($0) }))])
                        try? Data(json.text().utf8).write(to: timingFile, options: .atomic)
                        narration = made
                    } catch {
                        context.diagnostics.error(scene.location, "cannot narrate scene '\(scene.id)': \(error)",
                                                  hint: "install Debian's espeak-ng and lame packages, or set `narration: off`")
                        continue
                    }
                }
                guard let narration else { continue }
                let path = AssetNames.media(bytes: narration.mp3, fileExtension: "mp3")
                context.emit(path, narration.mp3)
                narrations[scene.id] = NarrationView(audio: path, words: narration.words, timings: narration.timings)
            }
            context.narrations[book.slug] = narrations
        }
    }
}
