import Foundation
import TaleCore
import TaleHTML
import TaleImage
import TalePDF

/// A picture as print draws it.
public enum PrintArtwork: Sendable {
    /// Shapes, drawn as PDF paths (Tale's illustrations and writers' simple SVGs).
    case vector(VectorDrawing)
    /// A writer's PNG, embedded with its pixels.
    case pixels(PNGImage)
    /// A picture that cannot be printed, with why (preflight reports it).
    case unprintable(String)
}

/// A picture of the book with where it came from, for preflight messages.
public struct PrintArt: Sendable {
    /// What to draw.
    public var artwork: PrintArtwork
    /// The file, relative to the project (`content/pip/images/01-den.png`).
    public var source: String
    /// Where the book refers to it.
    public var location: SourceLocation
    /// The alt text (kept for the PDF's accessible text in a later version; print shows the picture).
    public var alt: String

    /// A picture.
    public init(artwork: PrintArtwork, source: String, location: SourceLocation, alt: String) {
        self.artwork = artwork
        self.source = source
        self.location = location
        self.alt = alt
    }

    /// The picture's width over its height.
    public var aspect: Double {
        switch artwork {
        case .vector(let drawing): return drawing.width / max(drawing.height, 1)
        case .pixels(let image): return Double(image.width) / Double(max(image.height, 1))
        case .unprintable: return 4 / 3
        }
    }
}

/// One scene as print sets it.
public struct PrintScene: Sendable {
    /// The scene's id, which choices point at.
    public var id: String
    /// The heading, if any.
    public var title: String?
    /// The text.
    public var blocks: [TextBlock]
    /// The choices at the end of the scene: label and target scene id.
    public var choices: [(label: String, target: String)]
    /// The scene read next when it is not the following one.
    public var next: String?
    /// Whether the story ends here.
    public var isEnding: Bool
    /// The illustration, if any.
    public var art: PrintArt?
    /// Where the scene starts in the source.
    public var location: SourceLocation

    /// A scene.
    public init(id: String, title: String?, blocks: [TextBlock], choices: [(label: String, target: String)], next: String?, isEnding: Bool, art: PrintArt?,
                location: SourceLocation) {
        self.location = location
        self.id = id
        self.title = title
        self.blocks = blocks
        self.choices = choices
        self.next = next
        self.isEnding = isEnding
        self.art = art
    }
}

/// A book as print lays it out: its words and pictures, from the same sources as the web book.
public struct PrintBook: Sendable {
    /// The folder name.
    public var slug: String
    /// The front matter.
    public var matter: FrontMatter
    /// The scenes in reading order.
    public var scenes: [PrintScene]
    /// The cover picture.
    public var cover: PrintArt?

    /// A book.
    public init(slug: String, matter: FrontMatter, scenes: [PrintScene], cover: PrintArt?) {
        self.slug = slug
        self.matter = matter
        self.scenes = scenes
        self.cover = cover
    }
}

/// How to print: trim, paper, bleed and whether to make a coloring book. Front matter's `print:`
/// settings, with the command line's options over them.
public struct PrintOptions: Sendable, Equatable {
    /// The trim size.
    public var trim: PrintTrim
    /// The paper.
    public var paper: PrintPaper
    /// Whether art runs to the page edges.
    public var bleed: Bool
    /// Whether to print line art for colouring in.
    public var coloring: Bool

    /// Options.
    public init(trim: PrintTrim, paper: PrintPaper, bleed: Bool, coloring: Bool) {
        self.trim = trim
        self.paper = paper
        self.bleed = bleed
        self.coloring = coloring
    }

    /// A book's options: its `print:` settings, else the defaults for its kind. Picture books
    /// (kids) are 8.5x8.5 on premium colour with bleed; coloring books 8.5x11 on white without
    /// bleed; chapter books (teens, adults) 6x9 on cream.
    public static func defaults(for matter: FrontMatter) -> PrintOptions {
        let coloring = matter.print.coloring ?? (matter.style == .coloring)
        let picture = matter.ageTier == .kids
        let trim = matter.print.trim ?? (coloring ? PrintTrim(width: 8.5, height: 11) : picture ? PrintTrim(width: 8.5, height: 8.5) : PrintTrim(width: 6, height: 9))
        let paper = matter.print.paper ?? (coloring ? .white : picture ? .premiumColor : .cream)
        let bleed = matter.print.bleed ?? (picture && !coloring)
        return PrintOptions(trim: trim, paper: paper, bleed: bleed, coloring: coloring)
    }
}

/// The fonts print sets text in: a regular and a bold TrueType font.
public struct PrintFonts: Sendable {
    /// Body text.
    public var regular: TrueTypeFont
    /// Titles and headings.
    public var bold: TrueTypeFont
    /// The files they came from, for messages.
    public var files: [String]

    /// Where print looks for fonts when the theme has none: DejaVu Serif from Debian's fonts-dejavu-core.
    public static let systemFiles = (regular: "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf", bold: "/usr/share/fonts/truetype/dejavu/DejaVuSerif-Bold.ttf")

    /// The theme's `fonts/print-regular.ttf` and `fonts/print-bold.ttf` when it ships them, else
    /// DejaVu Serif; a missing or unusable font is a problem saying how to get one.
    public static func load(themeFiles: [String: [UInt8]], themeName: String) throws(PrintError) -> PrintFonts {
        func font(_ themePath: String, _ systemPath: String) throws(PrintError) -> (TrueTypeFont, String) {
            let bytes: [UInt8]
            let name: String
            if let shipped = themeFiles[themePath] {
                bytes = shipped
                name = "themes/\(themeName)/\(themePath)"
            } else if let data = FileManager.default.contents(atPath: systemPath) {
                bytes = Array(data)
                name = systemPath
            } else {
                throw PrintError(page: nil, message: "missing font: the theme has no \(themePath) and \(systemPath) is not installed",
                                   fix: "install Debian's fonts-dejavu-core (`sudo apt-get install fonts-dejavu-core`), or put a TrueType font at themes/\(themeName)/\(themePath)")
            }
            let font: TrueTypeFont
            do { font = try TrueTypeFont(data: bytes) } catch {
                throw PrintError(page: nil, message: "\(name) is \(error)", fix: "give a TrueType (.ttf) font file")
            }
            guard font.embeddable else {
                throw PrintError(page: nil, message: "the font \(name) does not allow embedding, and KDP needs every font embedded",
                                   fix: "use a font whose licence allows embedding, such as DejaVu Serif")
            }
            return (font, name)
        }
        let (regular, regularName) = try font("fonts/print-regular.ttf", systemFiles.regular)
        let (bold, boldName) = try font("fonts/print-bold.ttf", systemFiles.bold)
        return PrintFonts(regular: regular, bold: bold, files: [regularName, boldName])
    }
}

/// Something that would make KDP reject the files or print them badly: the page (nil for the
/// whole book), what is wrong, and how to fix it.
public struct PrintError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The interior page (1-based), `0` for the cover, nil for the whole book.
    public var page: Int?
    /// The place in the sources to change, when there is one.
    public var location: SourceLocation?
    /// What is wrong.
    public var message: String
    /// How to fix it.
    public var fix: String

    /// A problem.
    public init(page: Int?, message: String, fix: String, location: SourceLocation? = nil) {
        self.location = location
        self.page = page
        self.message = message
        self.fix = fix
    }

    /// `page 4: ... (fix: ...)`.
    public var description: String {
        let place = page.map { $0 == 0 ? "cover: " : "page \($0): " } ?? ""
        return "\(place)\(message)"
    }
}
