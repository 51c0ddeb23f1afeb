import Foundation
import Testing
import TaleCore
import TaleHTML
import TaleImage
import TalePDF
import TalePrint
import TaleTestSupport

@Suite("Print: KDP rules, fonts, line breaking and pictures")
struct PrintUnitTests {
    @Test("spine and cover sizes follow KDP's paper thickness; inside margins grow with the page count")
    func kdpRules() {
        #expect(abs(KDP.spineWidth(pages: 100, paper: .white) - 0.2252) < 1e-9)
        #expect(abs(KDP.spineWidth(pages: 100, paper: .cream) - 0.25) < 1e-9)
        #expect(abs(KDP.spineWidth(pages: 100, paper: .premiumColor) - 0.2347) < 1e-9)
        let cover = KDP.coverSize(trim: PrintTrim(width: 6, height: 9), pages: 200, paper: .cream)
        #expect(abs(cover.width - 12.75) < 1e-9 && cover.height == 9.25)
        #expect([24, 150, 151, 300, 301, 500, 501, 700, 701].map { KDP.insideMargin(pages: $0) } == [0.375, 0.375, 0.5, 0.5, 0.625, 0.625, 0.75, 0.75, 0.875])
        #expect(KDP.pageSize(trim: PrintTrim(width: 8.5, height: 8.5), bleed: true) == (8.625, 8.75))
        #expect(PrintTrim("8.5 x 11")?.description == "8.5x11" && PrintTrim("x9") == nil)
    }

    @Test("a subset font keeps the glyphs the text uses, composites included: the text renders and reads back")
    func subsetFont() throws {
        let font = try TrueTypeFont(data: Array(try Data(contentsOf: URL(fileURLWithPath: PrintFonts.systemFiles.regular))))
        var document = PDFDocument()
        let handle = document.register(font)
        var canvas = PDFCanvas(width: 300, height: 100)
        let line = "Café “déjà vu” — naïve Zoë"
        canvas.text(line, font: handle, size: 18, x: 10, baseline: 50)
        try document.addPage(canvas)
        let bytes = try document.finish(PDFDocument.Info(title: "Subset", author: nil, date: "2026-11-22"))
        let file = Support.temporaryFolder("subset").appending(path: "subset.pdf")
        try Data(bytes).write(to: file)
        #expect(bytes.count < 40_000, "\(bytes.count) bytes; the whole font is 380 KB")
        #expect(text(file).trimmingCharacters(in: .whitespacesAndNewlines) == line)
        #expect(Support.run(URL(fileURLWithPath: "/usr/bin/pdffonts"), [file.path]).out.contains("yes yes yes"))
        let image = try render(file, page: 1, dpi: 72, name: "subset-font")
        #expect(ink(image) > 0.02)
    }

    @Test("DejaVu Serif is read: glyphs, widths and what it lacks")
    func trueType() throws {
        let font = try TrueTypeFont(data: Array(try Data(contentsOf: URL(fileURLWithPath: PrintFonts.systemFiles.regular))))
        #expect(font.postScriptName == "DejaVuSerif")
        #expect(font.embeddable)
        #expect(font.glyph(for: "A") != nil && font.glyph(for: "é") != nil && font.glyph(for: "“") != nil)
        // Wider letters measure wider; widths add up.
        #expect(font.width("m", size: 10) > font.width("i", size: 10))
        #expect(abs(font.width("mi", size: 10) - font.width("m", size: 10) - font.width("i", size: 10)) < 1e-9)
        #expect(font.missingCharacters(in: "a 🦊 b 🦊") == ["🦊"])
        #expect(throws: TrueTypeFontError.self) { try TrueTypeFont(data: Array("not a font at all".utf8)) }
    }

    @Test("hyphenation breaks between syllables by rule, never too near either end")
    func hyphenation() {
        #expect(Hyphenation.points("lantern") == [3])
        #expect(Hyphenation.points("village") == [3])
        #expect(Hyphenation.points("paper") == [])
        #expect(Hyphenation.points("something") == [4])
        #expect(Hyphenation.points("wondering") == [3, 5])
        #expect(Hyphenation.points("well-known") == [5])
        for word in ["butterfly", "everything", "grandmother", "blackberries"] {
            for cut in Hyphenation.points(word) { #expect(cut >= 2 && word.count - cut >= 3, "\(word) at \(cut)") }
        }
    }

    @Test("set lines never exceed the measure unless one word is wider than it")
    func lineBreaking() throws {
        let font = try TrueTypeFont(data: Array(try Data(contentsOf: URL(fileURLWithPath: PrintFonts.systemFiles.regular))))
        let text = "Moss the little snail followed the silver dew drops into the tall grass, wondering whether the lantern was somewhere beyond the blackberry hedge."
        let lines = TextSetter.lines(text, font: font, size: 18, width: 200)
        #expect(lines.count > 3)
        for line in lines { #expect(line.width <= 200 + 1e-9 && abs(font.width(line.text, size: 18) - line.width) < 1e-9, "\(line.text)") }
        #expect(lines.map(\.text).joined(separator: " ").replacingOccurrences(of: "- ", with: "") == text)
        let long = TextSetter.lines("Supercalifragilistic", font: font, size: 18, width: 40, hyphenate: false)
        #expect(long.count == 1 && long[0].width > 40)
    }

    @Test("an SVG written by Tale reads back as the same shapes; mirrored groups, gradients and curves are understood; arcs are refused")
    func svgReading() throws {
        var drawing = VectorDrawing(width: 200, height: 100)
        drawing.add(.rect(x: 0, y: 0, width: 200, height: 100, corner: 0), fill: RGBA(20, 30, 90))
        drawing.add(.ellipse(cx: 50, cy: 40, rx: 20, ry: 10), fill: RGBA(250, 240, 200, 0.5), stroke: .black, strokeWidth: 2)
        drawing.add(.polygon([Point(10, 90), Point(60, 60), Point(110, 90)], closed: true), fill: RGBA(40, 120, 40))
        drawing.add(.curve(start: Point(120, 90), segments: [(Point(150, 50), Point(180, 90))], closed: false), stroke: .black, strokeWidth: 3)
        let read = try SVGReader.drawing(SVGWriter.svg(drawing, style: .flat, title: "t", description: "d"))
        #expect(read.width == 200 && read.height == 100)
        #expect(read.marks == drawing.marks.map { mark in
            var copy = mark
            if copy.stroke == nil { copy.strokeWidth = 0 }
            return copy
        })
        let mirrored = try SVGReader.drawing("""
            <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100"><defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1">\
            <stop offset="0" stop-color="#000000"/><stop offset="1" stop-color="#ffffff"/></linearGradient></defs>\
            <rect width="100" height="100" fill="url(#sky)"/><g transform="translate(50 0) scale(-1 1)"><rect x="10" y="10" width="20" height="5"/></g>\
            <path d="M0 0 C 10 10 20 10 30 0 s 10 -10 20 0 Z" fill="red"/></svg>
            """)
        #expect(mirrored.marks.count == 34)
        #expect(mirrored.marks.first?.fill == RGBA(4, 4, 4) && mirrored.marks[31].fill == RGBA(251, 251, 251))
        #expect(mirrored.marks[32].outline == .rect(x: 20, y: 10, width: 20, height: 5, corner: 0))
        #expect(throws: SVGReaderError(message: "path command 'A' (arcs) is not supported in print; draw the curve with C or Q")) {
            try SVGReader.drawing("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\"><path d=\"M0 0 A 5 5 0 0 1 10 10\"/></svg>")
        }
    }

    @Test("scene HTML becomes text blocks: paragraphs, list items and quotes, without images")
    func htmlBlocks() {
        let blocks = HTMLText.blocks("<p>One <em>small</em>\n snail.</p><img src=\"a.png\" alt=\"x\"><ul><li>Left</li></ul><blockquote><p>Hush.</p></blockquote>")
        #expect(blocks == [TextBlock(.paragraph, "One small snail."), TextBlock(.item, "Left"), TextBlock(.quote, "Hush.")])
    }

    @Test("line art has no colour: every fill white, every line black, light and glow left out")
    func lineArt() {
        var drawing = VectorDrawing(width: 100, height: 100)
        drawing.add(.rect(x: 0, y: 0, width: 100, height: 100, corner: 0), fill: RGBA(20, 30, 90))
        drawing.add(.ellipse(cx: 50, cy: 50, rx: 10, ry: 10), fill: RGBA(200, 80, 20))
        drawing.add(.rect(x: 0, y: 0, width: 100, height: 100, corner: 0), fill: RGBA(16, 20, 70, 0.28))
        let lines = LineArt.of(drawing)
        #expect(lines.marks.count == 2)
        #expect(lines.marks.allSatisfy { $0.fill == .white && ($0.stroke == nil || $0.stroke == .black) })
        #expect(lines.marks[1].stroke == .black && lines.marks[0].stroke == nil)
    }

    /// A synthetic book laid out in process, with DejaVu Serif.
    private func laidOut(_ matter: FrontMatter, scenes: [PrintScene]) throws -> (PrintBook, InteriorLayout, CoverLayout, PrintFonts) {
        let fonts = try PrintFonts.load(themeFiles: [:], themeName: "storybook")
        let book = PrintBook(slug: "synthetic", matter: matter, scenes: scenes, cover: nil)
        let options = PrintOptions.defaults(for: matter)
        let interior = InteriorLayout.make(book, options: options, fonts: fonts)
        return (book, interior, CoverLayout.make(book, options: options, pages: interior.pages.count, fonts: fonts), fonts)
    }

    private func scene(_ id: String, _ text: String) -> PrintScene {
        PrintScene(id: id, title: "Scene \(id)", blocks: [TextBlock(.paragraph, text)], choices: [], next: nil, isEnding: false, art: nil,
                   location: SourceLocation(file: "content/synthetic/index.md", line: 1, column: 1))
    }

    @Test("a book of 79 pages or more gets spine text that fits the spine; the back cover's words keep out of the barcode area")
    func spineText() throws {
        var matter = FrontMatter(title: "A Long Voyage")
        matter.author = "Test"
        matter.age = "adult"
        matter.ageTier = .adults
        matter.summary = String(repeating: "A ship sails far across the cold grey sea. ", count: 6)
        let paragraph = String(repeating: "The sailors worked all day and watched the stars all night, and the ship sailed on. ", count: 30)
        let (book, interior, cover, fonts) = try laidOut(matter, scenes: (1...50).map { scene("\($0)", paragraph) })
        #expect(interior.pages.count >= 79 && interior.pages.count % 2 == 0, "\(interior.pages.count) pages")
        #expect(cover.spineHasText && cover.spineTexts.count == 1)
        let spine = try #require(cover.spineTexts.first)
        #expect(spine.width < cover.spine.height && spine.size <= 14)
        #expect(abs(cover.spineWidth - Double(interior.pages.count) * 0.0025 * 72) < 1e-9)
        for text in cover.texts { #expect(!(text.box.maxX > cover.barcode.x && text.box.maxY > cover.barcode.y && text.box.x < cover.barcode.maxX)) }
        #expect(Preflight.problems(interior, cover: cover, book: book, fonts: fonts) == [])
        let file = Support.temporaryFolder("spine").appending(path: "cover.pdf")
        try Data(try PrintRenderer.cover(cover, book: book, fonts: fonts)).write(to: file)
        #expect(text(file).contains("A Long Voyage · Test"))

        let (_, short, shortCover, _) = try laidOut(matter, scenes: [scene("1", "Short.")])
        #expect(short.pages.count == 24 && short.padded > 0 && !shortCover.spineHasText)
    }

    @Test("a word too long for any line is reported as text in the unsafe zone, with its page")
    func unsafeZone() throws {
        var matter = FrontMatter(title: "Words")
        matter.summary = "A test."
        let (book, interior, cover, fonts) = try laidOut(matter, scenes: [scene("1", "Look: " + String(repeating: "bcdfghjklm", count: 8) + " there.")])
        let problems = Preflight.problems(interior, cover: cover, book: book, fonts: fonts)
        #expect(problems.map(\.description) == ["page 4: text \"bcdfghjklmbcdfghjklmbcdfghjklm\" reaches into the unsafe zone (KDP's margins are 0.375 in inside, 0.375 in elsewhere)"])
        #expect(problems.first?.location == SourceLocation(file: "content/synthetic/index.md", line: 1, column: 1))
    }

    @Test("defaults follow the kind of book: picture, coloring or chapter book")
    func defaults() {
        var kids = FrontMatter(title: "Kids")
        #expect(PrintOptions.defaults(for: kids) == PrintOptions(trim: PrintTrim(width: 8.5, height: 8.5), paper: .premiumColor, bleed: true, coloring: false))
        kids.style = .coloring
        #expect(PrintOptions.defaults(for: kids) == PrintOptions(trim: PrintTrim(width: 8.5, height: 11), paper: .white, bleed: false, coloring: true))
        var teens = FrontMatter(title: "Teens")
        teens.ageTier = .teens
        teens.print.paper = .white
        #expect(PrintOptions.defaults(for: teens) == PrintOptions(trim: PrintTrim(width: 6, height: 9), paper: .white, bleed: false, coloring: false))
    }
}
