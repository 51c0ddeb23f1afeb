import TaleCore

/// What one picture should show, with everything that goes into it.
public struct ImageRequest: Sendable, Equatable {
    /// `.illustration` or `.cover`.
    public var kind: ArtifactKind
    /// The book.
    public var book: StoryBook
    /// The book's illustration style.
    public var style: IllustrationStyle
    /// The scene's id (empty for the cover).
    public var sceneID: String = ""
    /// The scene's title.
    public var title: String?
    /// The scene's text.
    public var text: String = ""
    /// The writer's `art=` brief.
    public var art: String?
    /// Time of day from the cue map: `dawn`, `day`, `dusk`, `night`.
    public var time: String?
    /// Weather from the cue map: `rain`, `snow`, `fog`, `wind`, `storm`.
    public var weather: [String] = []
    /// The book's author, for the cover.
    public var author: String?
    /// What the picture shows, read from the plan and the page with the book's other pages;
    /// nil to read it from this request alone.
    public var reading: PictureReading?
    /// For a character sheet: the character it shows.
    public var character: String?
    /// Character sheets to send with the request, for a service that takes reference pictures.
    public var references: [ImageReference] = []
    /// 0 for the first try.
    public var attempt: Int = 0

    /// A request of `kind` for `book` in `style`.
    public init(kind: ArtifactKind, book: StoryBook, style: IllustrationStyle) {
        self.kind = kind
        self.book = book
        self.style = style
    }

    /// A canonical text of everything but the attempt, for input hashes.
    public var canonical: String {
        [kind.rawValue, book.canonical, style.rawValue, sceneID, title ?? "", text, art ?? "", time ?? "", weather.joined(separator: " "),
         author ?? "", reading?.canonical ?? "", character ?? "",
         references.map { "\($0.name)=\(SHA256.hex($0.bytes))" }.joined(separator: ",")].joined(separator: "\u{1D}")
    }
}

/// A picture sent along with a request: a character's sheet, by the character's name.
public struct ImageReference: Sendable, Equatable {
    /// The character's name.
    public var name: String
    /// The picture (PNG).
    public var bytes: [UInt8]

    /// A reference picture.
    public init(name: String, bytes: [UInt8]) {
        self.name = name
        self.bytes = bytes
    }
}

/// A picture a provider made: its bytes and what kind of file they are.
public struct GeneratedImage: Sendable, Equatable {
    /// The file's bytes.
    public var bytes: [UInt8]
    /// `svg` or `png`.
    public var fileExtension: String

    /// An image.
    public init(bytes: [UInt8], fileExtension: String) {
        self.bytes = bytes
        self.fileExtension = fileExtension
    }
}

/// A source of pictures: Tale's embedded illustrator, or a service.
public protocol ImageProvider: Sendable {
    /// The provider's name, recorded in the lock.
    var name: String { get }
    /// The model, recorded in the lock.
    var model: String { get }
    /// The file extension of what it makes (`svg`, `png`), for artifact file names.
    var fileExtension: String { get }
    /// Draws what `request` asks for.
    func draw(_ request: ImageRequest) async throws(GenerationError) -> GeneratedImage
    /// Whether it draws a sheet of each main character first and takes them as references.
    var usesCharacterSheets: Bool { get }
}

extension ImageProvider {
    /// Most providers keep characters alike by describing them: no sheets.
    public var usesCharacterSheets: Bool { false }
}
