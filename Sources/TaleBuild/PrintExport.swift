import Foundation
import TaleCore
import TaleHTML
import TaleImage
import TalePrint

/// Print files for one book: the interior and cover-wrap PDFs, with their layouts and what
/// preflight found. Made from the same sources as the web book, after generation and illustration.
public struct PrintExport: Sendable {
    /// The options laid out for.
    public var options: PrintOptions
    /// The interior's pages.
    public var interior: InteriorLayout
    /// The cover wrap.
    public var cover: CoverLayout
    /// The interior PDF.
    public var interiorPDF: [UInt8]
    /// The cover PDF.
    public var coverPDF: [UInt8]
    /// Preflight's findings, as errors at the source they come from.
    public var problems: [Diagnostic]

    /// What changes a book's print options: the command line's choices over front matter.
    public struct Overrides: Sendable {
        /// `--trim`.
        public var trim: PrintTrim?
        /// `--paper`.
        public var paper: PrintPaper?
        /// `--bleed` / `--no-bleed`.
        public var bleed: Bool?
        /// `--coloring`.
        public var coloring: Bool?

        /// No overrides.
        public init(trim: PrintTrim? = nil, paper: PrintPaper? = nil, bleed: Bool? = nil, coloring: Bool? = nil) {
            self.trim = trim
            self.paper = paper
            self.bleed = bleed
            self.coloring = coloring
        }
    }

    /// Lays out, preflights and writes `book` (from a context the print stages ran on).
    public static func make(_ book: Book, context: BuildContext, overrides: Overrides = Overrides()) throws(TaleError) -> PrintExport {
        var matter = book.frontMatter
        if let trim = overrides.trim { matter.print.trim = trim }
        if let paper = overrides.paper { matter.print.paper = paper }
        if let bleed = overrides.bleed { matter.print.bleed = bleed }
        if let coloring = overrides.coloring { matter.print.coloring = coloring }
        let options = PrintOptions.defaults(for: matter)
        let fonts: PrintFonts
        do {
            fonts = try PrintFonts.load(themeFiles: context.theme?.files ?? [:], themeName: context.config.theme)
        } catch {
            throw .usage("\(error.message)\n  hint: \(error.fix)")
        }
        let printBook = PrintExport.book(book, matter: matter, context: context)
        let interior = InteriorLayout.make(printBook, options: options, fonts: fonts)
        let cover = CoverLayout.make(printBook, options: options, pages: interior.pages.count, fonts: fonts)
        let front = SourceLocation(file: book.sourcePath, line: 1, column: 1)
        let problems = Preflight.problems(interior, cover: cover, book: printBook, fonts: fonts).map { problem in
            Diagnostic(.error, at: problem.location ?? front, problem.description, hint: problem.fix)
        }
        let interiorPDF: [UInt8], coverPDF: [UInt8]
        do {
            interiorPDF = try PrintRenderer.interior(interior, book: printBook, fonts: fonts)
            coverPDF = try PrintRenderer.cover(cover, book: printBook, fonts: fonts)
        } catch {
            throw .io(path: book.sourcePath, reason: "cannot compress the PDF: \(error)")
        }
        return PrintExport(options: options, interior: interior, cover: cover, interiorPDF: interiorPDF, coverPDF: coverPDF, problems: problems)
    }

    /// The book's words and pictures as print needs them.
    static func book(_ book: Book, matter: FrontMatter, context: BuildContext) -> PrintBook {
        let folder = context.options.project.appending(path: "content").appending(path: book.slug)
        let endings = Set(context.analyses[book.slug]?.graph.endings ?? book.scenes.filter(\.isEnding).map(\.id))
        let scenes = book.scenes.map { scene in
            PrintScene(id: scene.id, title: scene.title, blocks: HTMLText.blocks(scene.html),
                       choices: scene.choices.map { ($0.label, $0.target) }, next: scene.next,
                       isEnding: endings.contains(scene.id) || scene.isEnding,
                       art: scene.illustration.map { art(at: $0.reference, alt: $0.alt, folder: folder, slug: book.slug) },
                       location: scene.location)
        }
        let cover = matter.cover.map { art(at: $0, alt: "Cover of \(matter.title)", folder: folder, slug: book.slug) }
        return PrintBook(slug: book.slug, matter: matter, scenes: scenes, cover: cover)
    }

    /// Reads a picture: SVG back into shapes, PNG into pixels; anything else cannot be printed.
    static func art(at reference: AssetReference, alt: String, folder: URL, slug: String) -> PrintArt {
        let source = "content/\(slug)/\(reference.path)"
        func made(_ artwork: PrintArtwork) -> PrintArt { PrintArt(artwork: artwork, source: source, location: reference.location, alt: alt) }
        guard let data = FileManager.default.contents(atPath: folder.appending(path: reference.path).path) else {
            return made(.unprintable("the file cannot be read"))
        }
        switch reference.path.split(separator: ".").last?.lowercased() {
        case "svg":
            do { return made(.vector(try SVGReader.drawing(String(decoding: data, as: UTF8.self)))) } catch {
                return made(.unprintable(error.message))
            }
        case "png":
            do { return made(.pixels(try PNGImage(decoding: Array(data)))) } catch {
                return made(.unprintable(error.description))
            }
        default:
            return made(.unprintable("only PNG and SVG pictures can be printed"))
        }
    }
}
