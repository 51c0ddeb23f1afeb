import TaleCore

/// What a text provider knows about the book it writes for: the front matter that matters to
/// a story, and the titles of every scene so it can keep to the plan.
public struct StoryBook: Sendable, Equatable {
    /// The book's title.
    public var title: String
    /// What the story is about.
    public var premise: String?
    /// Where it happens.
    public var setting: String?
    /// The lesson, if any.
    public var moral: String?
    /// The characters, in front-matter order.
    public var characters: [StoryCharacter]
    /// The age as written.
    public var age: String?
    /// The moderation tier.
    public var tier: AgeTier
    /// The reading band the text is written for.
    public var band: ReadingBand
    /// The BCP 47 language tag.
    public var language: String
    /// The seed (the book's, else `tale.yaml`'s).
    public var seed: String

    /// The story-relevant parts of `matter`, with `seed` when the book gives none.
    public init(_ matter: FrontMatter, seed: String) {
        title = matter.title
        premise = matter.premise
        setting = matter.setting
        moral = matter.moral
        characters = matter.characters
        age = matter.age
        tier = matter.ageTier
        band = matter.readingBand
        language = matter.language
        self.seed = matter.seed ?? seed
    }

    /// A canonical text of every field, for input hashes.
    public var canonical: String {
        var parts = [title, premise ?? "", setting ?? "", moral ?? "", age ?? "", tier.rawValue, band.rawValue, language, seed]
        for character in characters { parts += [character.name, character.role ?? "", character.looks ?? ""] }
        return parts.joined(separator: "\u{1F}")
    }
}

/// What kind of thing an artifact is: text a `TextProvider` writes, or a picture an `ImageProvider` draws.
public enum ArtifactKind: String, Sendable, CaseIterable, Encodable {
    /// The book's story plan (`plan.json`): made first, and every other text is written from it.
    case plan
    /// A scene's text (Markdown paragraphs).
    case scene
    /// A scene's title, for a heading left empty or a scene Tale adds.
    case title
    /// The book's one- or two-sentence summary.
    case summary
    /// Three to five lowercase tags, one per line.
    case tags
    /// A scene's illustration.
    case illustration
    /// The book's cover.
    case cover
    /// A character sheet: one picture of a character, sent with every page it is on to a
    /// service that takes reference pictures, so it looks the same on each.
    case character
    /// A scene read aloud (MP3).
    case narration

    /// Whether a text provider writes it.
    public var isText: Bool { ![.illustration, .cover, .character, .narration].contains(self) }

    /// Whether it is written from the book's plan, in order after it.
    public var followsPlan: Bool { [.scene, .title, .summary, .tags].contains(self) }
}

/// One thing to write, with everything that goes into it.
public struct TextRequest: Sendable, Equatable {
    /// What to write.
    public var kind: ArtifactKind
    /// The book.
    public var book: StoryBook
    /// For scenes and titles: the scene's place (0-based) and how many scenes the book has.
    public var sceneIndex: Int = 0
    /// How many scenes the book has (written and to be added).
    public var sceneCount: Int = 1
    /// The scene's title, when the writer gave one.
    public var sceneTitle: String?
    /// The writer's `<!-- write: ... -->` brief.
    public var brief: String?
    /// The text of the scene before, when the writer wrote it.
    public var previousText: String?
    /// The text of the scene after, when the writer wrote it.
    public var nextText: String?
    /// Every scene's title (nil where there is none yet), for summaries and plans.
    public var sceneTitles: [String?] = []
    /// Every scene's brief (nil where there is none), for plans.
    public var sceneBriefs: [String?] = []
    /// The writer's text of every scene (nil where it is to be generated), for plans.
    public var writtenTexts: [String?] = []
    /// The book's plan, for everything written after it.
    public var plan: StoryPlan?
    /// The full text of the scenes before this one, in order, for scenes written from a plan.
    public var storySoFar: [String] = []
    /// 0 for the first try; a refused reply is asked for again with 1, 2, ...
    public var attempt: Int = 0
    /// Why the last reply was refused, for the next try.
    public var problems: [String] = []

    /// A request of `kind` for `book`.
    public init(kind: ArtifactKind, book: StoryBook) {
        self.kind = kind
        self.book = book
    }

    /// The part of the story this scene plays.
    public var beat: StoryBeat { StoryBeat.of(scene: sceneIndex, count: sceneCount) }

    /// A canonical text of everything but the attempt and the story so far, for input hashes. A
    /// plan's covers every scene's title and brief and which scenes the writer wrote (not their
    /// words, so mending a typo does not re-plan the book); what is written from a plan covers
    /// the plan, so a changed plan makes new scenes.
    public var canonical: String {
        let titles = sceneTitles.map { $0 ?? "\u{0}" }.joined(separator: "\u{1E}")
        var parts = [kind.rawValue, book.canonical, String(sceneIndex), String(sceneCount), sceneTitle ?? "", brief ?? "",
                     previousText ?? "", nextText ?? "", titles]
        if kind == .plan {
            parts += [sceneBriefs.map { $0 ?? "\u{0}" }.joined(separator: "\u{1E}"),
                      writtenTexts.map { $0 == nil ? "-" : "w" }.joined()]
        }
        if let plan { parts.append(SHA256.hex(plan.json)) }
        return parts.joined(separator: "\u{1D}")
    }
}

/// A source of story text: Tale's embedded storyteller, or a service.
public protocol TextProvider: Sendable {
    /// The provider's name, recorded in the lock (`embedded`, `openai`).
    var name: String { get }
    /// The model, recorded in the lock.
    var model: String { get }
    /// Writes what `request` asks for.
    func write(_ request: TextRequest) async throws(GenerationError) -> String
}

/// Why generation failed, in words that say what to do.
public enum GenerationError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The service refused the request for good (400, 401, 403, ...).
    case refused(status: Int, reason: String)
    /// The service kept failing (5xx, 429, time-outs) after every try.
    case unavailable(String)
    /// The service answered something that is not a usable chat completion.
    case badAnswer(String)
    /// The configuration cannot work (no key, ...).
    case configuration(String)
    /// Every reply failed its checks; the reasons of the last one.
    case rejected(artifact: String, tries: Int, reasons: [String])

    /// The message a person reads.
    public var description: String {
        switch self {
        case .refused(let status, let reason): return "the service refused the request (HTTP \(status)): \(reason)"
        case .unavailable(let reason): return "the service is unavailable: \(reason)"
        case .badAnswer(let reason): return "the service gave an unusable answer: \(reason)"
        case .configuration(let reason): return reason
        case .rejected(let artifact, let tries, let reasons):
            return "\(tries) replies were refused; the last (for \(artifact)) because " + reasons.joined(separator: "; ")
        }
    }
}
