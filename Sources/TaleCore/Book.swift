import Foundation

/// One book: a page bundle `content/<slug>/index.md` with its front matter and scenes.
public struct Book: Sendable, Equatable {
    /// The folder's name, which is the book's URL segment.
    public var slug: String
    /// The source file, relative to the project (`content/<slug>/index.md`).
    public var sourcePath: String
    /// The typed front matter.
    public var frontMatter: FrontMatter
    /// The scenes in file order; the first is where reading starts.
    public var scenes: [Scene]

    /// Creates a book.
    public init(slug: String, sourcePath: String, frontMatter: FrontMatter, scenes: [Scene]) {
        self.slug = slug
        self.sourcePath = sourcePath
        self.frontMatter = frontMatter
        self.scenes = scenes
    }

    /// The scene with this id, if any.
    public func scene(withID id: String) -> Scene? { scenes.first { $0.id == id } }
}

/// A character of the book, as the writer describes them.
public struct StoryCharacter: Sendable, Equatable {
    /// The name used in the text.
    public var name: String
    /// Their part in the story (hero, friend, ...).
    public var role: String?
    /// The visual bible: how they look on every page.
    public var looks: String?

    /// Creates a character.
    public init(name: String, role: String? = nil, looks: String? = nil) {
        self.name = name
        self.role = role
        self.looks = looks
    }
}

/// Illustration styles the writer can ask for.
public enum IllustrationStyle: String, Sendable, CaseIterable {
    /// Flat shapes and colours (the default).
    case flat
    /// Soft edges and washes.
    case watercolor
    /// Textured strokes.
    case crayon
    /// Ink lines.
    case ink
    /// Black line art on white, for colouring in.
    case coloring
}

/// `auto` or `off`, for soundtrack and effects.
public enum AutoSwitch: String, Sendable, CaseIterable {
    /// Derived from the story.
    case auto
    /// Never.
    case off
}

/// The reader's age tier, which moderation and reading level follow.
public enum AgeTier: String, Sendable, CaseIterable {
    /// Up to 12.
    case kids
    /// 13 to 17.
    case teens
    /// 18 and over.
    case adults
}

/// The book's front matter, typed. Strings are kept exactly as written.
public struct FrontMatter: Sendable, Equatable {
    /// The title (required).
    public var title: String
    /// The author, if given.
    public var author: String?
    /// Publication date as `YYYY-MM-DD`.
    public var date: String?
    /// BCP 47 language tag (default `en`).
    public var language: String = "en"
    /// The age as written (`3-5`, `8`, `teen`, `adult`).
    public var age: String?
    /// The tier the age falls in (kids when no age is given).
    public var ageTier: AgeTier = .kids
    /// A short summary.
    public var summary: String?
    /// Tags for filters and feeds.
    public var tags: [String] = []
    /// What the story is about: the generator's brief.
    public var premise: String?
    /// Where it happens.
    public var setting: String?
    /// The lesson, if any.
    public var moral: String?
    /// Illustration style.
    public var style: IllustrationStyle = .flat
    /// The characters with their looks.
    public var characters: [StoryCharacter] = []
    /// How many scenes the book should have.
    public var sceneCount: Int?
    /// The cover image, relative to the book folder.
    public var cover: AssetReference?
    /// Whether cue maps drive music.
    public var soundtrack: AutoSwitch = .auto
    /// Whether cue maps drive visual effects.
    public var effects: AutoSwitch = .auto
    /// Drafts build only with `--drafts`.
    public var draft: Bool = false
    /// Makes generation for this book reproducible (over `tale.yaml`'s `generate.seed`).
    public var seed: String?
    /// `auto` to read every scene aloud offline (espeak-ng), or `off` (the default).
    public var narration: String = "off"
    /// `reflowable` (the default) or `fixed`: how the book's EPUB lays out its pages.
    public var layout: String = "reflowable"
    /// Print settings for `tale export print`.
    public var print = PrintMatter()
    /// Whether `cover` was drawn by the illustrator (set by the build).
    public var coverIsGenerated = false
    /// What a drawn cover shows, as its alt text: the title, the author and the picture (set by the build).
    public var coverDescription: String?

    /// Front matter with only a title.
    public init(title: String) { self.title = title }
}

/// A reference from a book to a file in its folder, with where the reference was written.
public struct AssetReference: Sendable, Equatable {
    /// The path as written (relative to the book folder).
    public var path: String
    /// Where it was written.
    public var location: SourceLocation

    /// Creates a reference.
    public init(path: String, location: SourceLocation) {
        self.path = path
        self.location = location
    }
}

/// Moods a scene can have.
public enum Mood: String, Sendable, CaseIterable {
    case calm, joyful, playful, tense, scary, sad, mysterious, triumphant, sleepy
}

/// Visual effects a scene can show.
public enum Effect: String, Sendable, CaseIterable {
    case rain, snow, fog, fireflies, stars, sparkles, leaves, bubbles, lightning, wind
}

/// A scene's illustration: the first image in the scene.
public struct Illustration: Sendable, Equatable {
    /// The image as referenced in the source.
    public var reference: AssetReference
    /// The alt text the writer gave (may be empty; the renderer derives one then).
    public var alt: String
    /// An optional title.
    public var title: String?

    /// Creates an illustration.
    public init(reference: AssetReference, alt: String, title: String? = nil) {
        self.reference = reference
        self.alt = alt
        self.title = title
    }
}

/// One option at a choice point: a label and the scene it leads to.
public struct Choice: Sendable, Equatable {
    /// What the reader sees.
    public var label: String
    /// The target scene's id.
    public var target: String
    /// Where the choice was written.
    public var location: SourceLocation

    /// Creates a choice.
    public init(label: String, target: String, location: SourceLocation) {
        self.label = label
        self.target = target
        self.location = location
    }
}

/// A link inside a scene's text, kept so the graph can check where it points.
public struct SceneLink: Sendable, Equatable {
    /// The destination as written.
    public var destination: String
    /// Where it was written.
    public var location: SourceLocation

    /// Creates a link record.
    public init(destination: String, location: SourceLocation) {
        self.destination = destination
        self.location = location
    }
}

/// A scene: one page (spread) in the reader.
public struct Scene: Sendable, Equatable {
    /// Unique id within the book.
    public var id: String
    /// The heading text (nil for the untitled opening scene).
    public var title: String?
    /// Where the scene starts in the source.
    public var location: SourceLocation
    /// The last source line of the scene.
    public var lastLine: Int = 0
    /// The author's mood, if given.
    public var mood: Mood?
    /// The author's effects (`[]` with `effectsNone` for `none`; nil when not given).
    public var effects: [Effect]?
    /// The author's sound cues (`[]` for `none`; nil when not given).
    public var sounds: [String]?
    /// The music theme (`none` for none; nil when not given).
    public var music: String?
    /// The illustration brief (`none` for no illustration).
    public var art: String?
    /// The id of the next scene when it is not the following one.
    public var next: String?
    /// Where `next=` was written.
    public var nextLocation: SourceLocation?
    /// Whether this scene ends the story.
    public var isEnding: Bool = false
    /// The first image in the scene.
    public var illustration: Illustration?
    /// The scene's body as HTML (sanitised later), without the illustration and the choice list.
    public var html: String
    /// The scene's body as plain text, for summaries, search and analysis.
    public var text: String
    /// The choices of a choice point, in order; empty otherwise.
    public var choices: [Choice] = []
    /// Links in the text, for checking.
    public var links: [SceneLink] = []
    /// Other images in the text (not the illustration), for path checking and copying.
    public var inlineImages: [AssetReference] = []
    /// The `<!-- write: ... -->` brief of an empty scene, if any.
    public var writeBrief: String?
    /// Whether the scene's text came from a provider (filled in by the generate stage).
    public var isGenerated = false
    /// Whether the illustration was drawn by the illustrator.
    public var illustrationIsGenerated = false

    /// Whether the writer left the scene for generation: its body is empty, or holds only a
    /// `<!-- write: ... -->` brief.
    public var needsText: Bool {
        writeBrief != nil || (text.isEmpty && html.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
                              && illustration == nil && choices.isEmpty && inlineImages.isEmpty)
    }

    /// Creates a scene.
    public init(id: String, title: String?, location: SourceLocation, html: String, text: String) {
        self.id = id
        self.title = title
        self.location = location
        self.html = html
        self.text = text
    }
}

/// How a book's text should read: the reading level the storyteller writes for and that
/// reading-level checks expect. Finer than `AgeTier`, which moderation follows.
public enum ReadingBand: String, Sendable, CaseIterable {
    /// Up to 5: very short sentences, everyday words, read aloud by a grown-up.
    case early
    /// 6 to 12 (and books that give no age): short sentences, a few longer words.
    case middle
    /// 13 to 17: richer sentences and vocabulary.
    case teen
    /// 18 and over.
    case adult

    /// The band for an age as written (`3-5`, `8`, `teen`, `adult`); nil means no age was given.
    public static func of(age: String?) -> ReadingBand {
        guard let age else { return .middle }
        switch age {
        case "teen", "teens": return .teen
        case "adult", "adults": return .adult
        default: break
        }
        let high = age.split(separator: "-").last.flatMap { Int($0.trimmingCharacters(in: .whitespaces)) } ?? 8
        switch high {
        case ...5: return .early
        case 6...12: return .middle
        case 13...17: return .teen
        default: return .adult
        }
    }
}

extension FrontMatter {
    /// The reading band of the book's age.
    public var readingBand: ReadingBand { ReadingBand.of(age: age) }
}
