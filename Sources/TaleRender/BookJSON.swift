import TaleCore

/// `books/<slug>/book.json`: the book as data for the reader and other tools. Paths are relative
/// to the site root.
public enum BookJSON {
    /// Format version of book.json.
    public static let version = 1

    /// The JSON text.
    public static func make(_ view: BookView) -> String {
        JSONValue(encoding: Document(view)).text(indent: 2) + "\n"
    }

    /// book.json's shape, field by field in the order written; an absent value is `null`.
    struct Document: Encodable {
        let version: Int
        let slug: String
        let title: String
        let author: String?
        let date: String?
        let language: String
        let age: String?
        let ageTier: String
        let summary: String?
        let tags: [String]
        let style: String
        let wordCount: Int?
        let readingMinutes: Int?
        let readingGrade: Double?
        let readingBand: String?
        let characters: [Character]
        let soundtrack: String
        let effects: String
        let cover: Image?
        let start: String?
        let accessibilityHazards: [String]
        let endings: [String]
        let scenes: [Scene]

        init(_ view: BookView) {
            let matter = view.book.frontMatter
            version = BookJSON.version
            slug = view.book.slug
            title = matter.title
            author = matter.author
            date = matter.date
            language = matter.language
            age = matter.age
            ageTier = matter.ageTier.rawValue
            summary = matter.summary
            tags = matter.tags
            style = matter.style.rawValue
            wordCount = view.stats?.words
            readingMinutes = view.stats?.minutes
            readingGrade = view.stats?.grade
            readingBand = view.stats?.band.rawValue
            characters = matter.characters.map { Character(name: $0.name, role: $0.role, looks: $0.looks) }
            soundtrack = matter.soundtrack.rawValue
            effects = matter.effects.rawValue
            cover = Image(view.cover)
            start = view.scenes.first?.scene.id
            accessibilityHazards = view.cues?.hazards ?? []
            endings = view.endings
            scenes = view.scenes.map { Scene($0, book: view) }
        }
    }

    /// A character of the book.
    struct Character: Encodable {
        let name: String, role: String?, looks: String?
    }

    /// A picture: its path from the site root, alt text and size.
    struct Image: Encodable {
        let src: String, alt: String, width: Int?, height: Int?

        init?(_ image: ImageView?) {
            guard let image else { return nil }
            (src, alt, width, height) = (image.path, image.alt, image.width, image.height)
        }
    }

    /// One scene.
    struct Scene: Encodable {
        let id: String
        let title: String?
        let text: String
        let html: String
        let illustration: Image?
        let mood: String?
        let effects: [String]?
        let sounds: [String]?
        let music: String?
        let next: String?
        let ending: Bool
        let generated: Bool
        let narration: Narration?
        let choices: [Choice]

        init(_ sceneView: SceneView, book view: BookView) {
            let scene = sceneView.scene
            id = scene.id
            title = scene.title
            text = scene.text
            html = sceneView.html
            illustration = Image(sceneView.illustration)
            mood = scene.mood?.rawValue
            effects = scene.effects?.map(\.rawValue)
            sounds = scene.sounds
            music = scene.music
            next = sceneView.next
            ending = view.endings.contains(scene.id)
            generated = scene.isGenerated
            narration = sceneView.narration.map { narration in
                let titleWords = (scene.title ?? view.book.frontMatter.title).split(whereSeparator: \.isWhitespace).count
                return Narration(audio: narration.audio, words: narration.words, timings: narration.timings,
                                 sentences: narration.sentences(titleWords: titleWords).map {
                                     Sentence(words: [$0.first, $0.last], start: $0.start, end: $0.end)
                                 })
            }
            choices = scene.choices.map { Choice(label: $0.label, target: $0.target) }
        }
    }

    /// A scene read aloud: the recording, its words and when each starts, and its sentences.
    struct Narration: Encodable {
        let audio: String, words: [String], timings: [Int], sentences: [Sentence]
    }

    /// A sentence of a narration: its first and last word, and when it starts and ends.
    struct Sentence: Encodable {
        let words: [Int], start: Int, end: Int
    }

    /// A choice: what it says, and the scene it leads to.
    struct Choice: Encodable {
        let label: String, target: String
    }
}
