import Foundation
import TaleCore

/// An image ready for a page: its path from the site root, alt text and pixel size.
public struct ImageView: Sendable, Equatable {
    /// Path from the site root, like `media/0a1b2c.png`.
    public var path: String
    /// Alt text, never empty.
    public var alt: String
    /// Intrinsic width and height, when known (PNG and SVG with a viewBox).
    public var width: Int?, height: Int?
    /// Smaller copies for `srcset`: path and width, narrowest first.
    public var variants: [(path: String, width: Int)] = []

    public static func == (lhs: ImageView, rhs: ImageView) -> Bool {
        lhs.path == rhs.path && lhs.alt == rhs.alt && lhs.width == rhs.width && lhs.height == rhs.height
            && lhs.variants.map(\.path) == rhs.variants.map(\.path)
    }

    /// Creates an image view.
    public init(path: String, alt: String, width: Int? = nil, height: Int? = nil) {
        self.path = path
        self.alt = alt
        self.width = width
        self.height = height
    }
}

/// A scene ready to render: safe HTML and resolved illustration.
public struct SceneView: Sendable, Equatable {
    /// The scene from the source.
    public var scene: Scene
    /// Sanitised body HTML with rewritten image and link URLs.
    public var html: String
    /// The illustration, if any.
    public var illustration: ImageView?
    /// The scene that follows when there is no choice (for the "turn the page" link).
    public var next: String?
    /// The scene read aloud, when the book asks for narration.
    public var narration: NarrationView?

    /// Creates a scene view.
    public init(scene: Scene, html: String, illustration: ImageView?, next: String?) {
        self.scene = scene
        self.html = html
        self.illustration = illustration
        self.next = next
    }
}

/// A book ready to render.
public struct BookView: Sendable, Equatable {
    /// The book from the source.
    public var book: Book
    /// Its cover.
    public var cover: ImageView
    /// Its scenes in file order.
    public var scenes: [SceneView]
    /// The ids of its endings.
    public var endings: [String]
    /// Its soundtrack and effect cue map, when analysed.
    public var cues: CueMap?
    /// Audio files for sound cues, by sound name, relative to the book's folder (the book's own over the theme's).
    public var soundFiles: [String: String] = [:]
    /// The cue map with its sound files as JSON (`CueJSON.value`), made once by `encodeCues()`:
    /// cues.json is its text, and the page embeds it, so a page rendered again does not encode it again.
    public var cuesJSON: JSONValue?
    /// Length and reading level (set by the build).
    public var stats: BookStats?
    /// The 1200 x 630 PNG for link previews (`og:image`), when there is one.
    public var socialImage: ImageView?
    /// A PNG of the cover for the library, when there is one.
    public var thumbnail: ImageView?
    /// Whether the build writes the book as an EPUB beside its page.
    public var hasEPUB = true

    /// Sets `cuesJSON` from `cues` and `soundFiles`.
    public mutating func encodeCues() { cuesJSON = cues.map { CueJSON.value($0, files: soundFiles) } }

    /// Creates a book view.
    public init(book: Book, cover: ImageView, scenes: [SceneView], endings: [String]) {
        self.book = book
        self.cover = cover
        self.scenes = scenes
        self.endings = endings
    }
}

/// A scene's recorded narration: the audio and when each of the reader's words starts.
public struct NarrationView: Sendable, Equatable {
    /// Path of the MP3 from the site root (`media/<hash>.mp3`).
    public var audio: String
    /// The words read: the scene's title, then its text, split on white space.
    public var words: [String]
    /// Each word's start in milliseconds, then the audio's end: `words.count + 1` numbers.
    public var timings: [Int]

    /// The sentences read: the first and last word of each (the title counts as one), with
    /// their start and end in milliseconds. A sentence ends at a word ending in `.`, `!` or `?`
    /// (before any closing quote), and the title ends where the text begins.
    public func sentences(titleWords: Int) -> [(first: Int, last: Int, start: Int, end: Int)] {
        var result: [(Int, Int, Int, Int)] = []
        var first = 0
        for (index, word) in words.enumerated() {
            let bare = word.trimmingCharacters(in: CharacterSet(charactersIn: "\"'”’)"))
            let ends = index == words.count - 1 || index == titleWords - 1 || bare.last.map { ".!?".contains($0) } == true
            if ends {
                result.append((first, index, timings[first], timings[index + 1]))
                first = index + 1
            }
        }
        return result
    }

    /// A narration view.
    public init(audio: String, words: [String], timings: [Int]) {
        self.audio = audio
        self.words = words
        self.timings = timings
    }
}
