import TaleCore
import TaleImage
import TalePDF

/// The interior of a print book, page by page. Three layouts, chosen from the book:
///
/// - picture book (kids): each scene is a spread, the picture on the left page (to the page
///   edges with bleed) and the words large on the right;
/// - chapter book (teens, adults): each scene starts a page with its picture across the top and
///   the text flowing on;
/// - coloring book: each picture as line art on a right-hand page with its words under it, and
///   the back of every picture page left blank so markers do not show through.
///
/// Choices become "turn to page N". The page count is padded to KDP's minimum and to an even
/// number with drawing (kids) or note pages, and `padded` says how many.
public struct InteriorLayout: Sendable {
    /// The options laid out for.
    public var options: PrintOptions
    /// Page width and height in points (trim plus bleed).
    public var pageWidth: Double, pageHeight: Double
    /// The pages.
    public var pages: [PrintPage]
    /// How many pages were added at the end to reach KDP's minimum and an even count.
    public var padded: Int
    /// What those pages are: `drawing` pages (a frame, for children) or ruled `note` pages.
    public var paddingKind: String
    /// The page each scene starts on.
    public var sceneStarts: [String: Int]

    /// Lays out `book`.
    public static func make(_ book: PrintBook, options: PrintOptions, fonts: PrintFonts) -> InteriorLayout {
        var starts: [String: Int] = [:]
        var pageCount = KDP.minimumPages
        var composer: Composer
        // Page references and the gutter depend on the page count; lay out until both settle (at most four passes).
        var pass = 0
        repeat {
            pass += 1
            composer = Composer(book: book, options: options, fonts: fonts, pageCount: pageCount, starts: starts)
            composer.compose()
            let settled = composer.starts == starts && KDP.insideMargin(pages: composer.pages.count) == KDP.insideMargin(pages: pageCount)
            starts = composer.starts
            pageCount = composer.pages.count
            if settled { break }
        } while pass < 4
        return InteriorLayout(options: options, pageWidth: composer.pageWidth, pageHeight: composer.pageHeight,
                              pages: composer.pages, padded: composer.padded, paddingKind: composer.drawingPages ? "drawing" : "note",
                              sceneStarts: composer.starts)
    }
}

/// Builds the pages for one pass of the layout.
struct Composer {
    let book: PrintBook
    let options: PrintOptions
    let fonts: PrintFonts
    /// The page count the gutter is chosen for (the previous pass's).
    let pageCount: Int
    /// Where scenes started in the previous pass, for "turn to page N".
    let previousStarts: [String: Int]
    var pages: [PrintPage] = []
    var starts: [String: Int] = [:]
    var padded = 0

    let point = 72.0
    let bleed: Double
    let pageWidth: Double, pageHeight: Double
    let kind: Kind
    let bodySize: Double, headingSize: Double, leading: Double

    enum Kind { case picture, chapter, coloring }

    struct Line {
        var text: String
        var width: Double
        var size: Double
        var bold: Bool
        var centered: Bool
        var spaceBefore: Double
    }

    init(book: PrintBook, options: PrintOptions, fonts: PrintFonts, pageCount: Int, starts: [String: Int]) {
        self.book = book
        self.options = options
        self.fonts = fonts
        self.pageCount = pageCount
        self.previousStarts = starts
        bleed = options.bleed ? KDP.bleed * point : 0
        let size = KDP.pageSize(trim: options.trim, bleed: options.bleed)
        pageWidth = size.width * point
        pageHeight = size.height * point
        kind = options.coloring ? .coloring : book.matter.ageTier == .kids ? .picture : .chapter
        let kids = book.matter.ageTier == .kids
        bodySize = kind == .chapter ? 11.5 : kids ? (options.trim.width >= 8 ? 18 : 15) : 12
        headingSize = kind == .chapter ? 16 : bodySize * 1.25
        leading = kind == .chapter ? 1.4 : 1.45
    }

    // MARK: Geometry

    func trim(_ number: Int) -> PDFRect {
        PDFRect(x: number % 2 == 1 ? 0 : bleed, y: bleed, width: options.trim.width * point, height: options.trim.height * point)
    }

    /// The trim less margins: `inside` on the binding side, `outside` elsewhere.
    func inset(_ number: Int, inside: Double, outside: Double) -> PDFRect {
        let t = trim(number)
        let left = number % 2 == 1 ? inside : outside, right = number % 2 == 1 ? outside : inside
        return PDFRect(x: t.x + left, y: t.y + outside, width: t.width - left - right, height: t.height - 2 * outside)
    }

    /// KDP's least margins for this page: anything that does not bleed must stay inside.
    func kdpSafe(_ number: Int) -> PDFRect {
        inset(number, inside: KDP.insideMargin(pages: pageCount) * point, outside: KDP.minimumOutsideMargin(bleed: options.bleed) * point)
    }

    /// Tale's margins, a little wider than KDP's least.
    func design(_ number: Int) -> PDFRect {
        inset(number, inside: max(0.5, KDP.insideMargin(pages: pageCount)) * point, outside: max(0.5, KDP.minimumOutsideMargin(bleed: options.bleed)) * point)
    }

    /// Where text goes: the design area less room for the page number.
    func textArea(_ number: Int) -> PDFRect {
        var area = design(number)
        area.height -= 22
        return area
    }

    var page: Int { pages.count + 1 }

    mutating func newPage(_ kind: PageKind, scene: String? = nil) {
        pages.append(PrintPage(number: page, kind: kind, sceneID: scene, trim: trim(page), safe: kdpSafe(page)))
    }

    // MARK: Composition

    mutating func compose() {
        titlePage()
        copyrightPage()
        if kind == .picture {
            belongsToPage()
        }
        for (index, scene) in book.scenes.enumerated() {
            switch kind {
            case .picture: pictureScene(scene, index: index)
            case .chapter: chapterScene(scene, index: index)
            case .coloring: coloringScene(scene, index: index)
            }
        }
        pad()
        for index in pages.indices { folio(index) }
    }

    mutating func titlePage() {
        newPage(.title)
        let area = design(page - 1)
        let titleSize = kind == .chapter ? 24.0 : 32.0
        var lines = setLines(book.matter.title, size: titleSize, bold: true, width: area.width, centered: true, spaceBefore: 0)
        if let author = book.matter.author {
            lines += setLines("by \(author)", size: titleSize * 0.5, bold: false, width: area.width, centered: true, spaceBefore: titleSize * 0.8)
        }
        place(lines, on: pages.count - 1, top: area.y + area.height * 0.3)
    }

    mutating func copyrightPage() {
        newPage(.copyright)
        let area = design(page - 1)
        let year = book.matter.date.map { String($0.prefix(4)) }
        var text = ["\(book.matter.title)"]
        if let author = book.matter.author { text.append("Text and pictures © \(year.map { "\($0) " } ?? "")\(author). All rights reserved.") }
        if let age = book.matter.age { text.append("For ages \(age).") }
        if kind == .coloring { text.append("Put a sheet of card behind the page you are colouring.") }
        text.append("Made with Tale.")
        let size = 9.5
        var lines: [Line] = []
        for (index, paragraph) in text.enumerated() {
            lines += setLines(paragraph, size: size, bold: index == 0, width: area.width, centered: false, spaceBefore: index == 0 ? 0 : size * 0.6)
        }
        let height = self.height(of: lines)
        place(lines, on: pages.count - 1, top: textArea(page - 1).maxY - height)
    }

    mutating func belongsToPage() {
        newPage(.belongsTo)
        let area = design(page - 1)
        let lines = setLines("This book belongs to", size: bodySize * 1.2, bold: false, width: area.width, centered: true, spaceBefore: 0)
        place(lines, on: pages.count - 1, top: area.y + area.height * 0.4)
        let y = area.y + area.height * 0.4 + height(of: lines) + 40
        pages[pages.count - 1].frames.append(PDFRect(x: area.x + area.width * 0.15, y: y, width: area.width * 0.7, height: 0))
    }

    /// A spread: the picture on the left-hand page, the words on the right.
    mutating func pictureScene(_ scene: PrintScene, index: Int) {
        if let art = scene.art {
            if page % 2 == 1 { newPage(.blank) }
            starts[scene.id] = page
            newPage(.art, scene: scene.id)
            pages[pages.count - 1].arts.append(fullPage(art, number: page - 1))
        } else {
            starts[scene.id] = page
        }
        flow(sceneLines(scene, index: index, width: textArea(page).width), scene: scene.id, centerSinglePage: true)
    }

    /// A new page with the picture across the top and the words flowing on.
    mutating func chapterScene(_ scene: PrintScene, index: Int) {
        starts[scene.id] = page
        newPage(.text, scene: scene.id)
        var top = textArea(page - 1).y
        if let art = scene.art {
            let area = textArea(page - 1)
            var width = area.width, height = width / art.aspect
            if height > area.height * 0.45 {
                height = area.height * 0.45
                width = height * art.aspect
            }
            let box = PDFRect(x: area.x + (area.width - width) / 2, y: area.y, width: width, height: height)
            pages[pages.count - 1].arts.append(PlacedArt(art: art, box: box, clip: box, bleeds: false, lineArt: false))
            top = box.maxY + 18
        }
        flow(sceneLines(scene, index: index, width: textArea(page - 1).width), scene: scene.id, centerSinglePage: false, continuingAt: top)
    }

    /// Line art on a right-hand page with the words under it; the back left blank.
    mutating func coloringScene(_ scene: PrintScene, index: Int) {
        if page % 2 == 0 { newPage(.blank) }
        starts[scene.id] = page
        newPage(.art, scene: scene.id)
        let area = textArea(page - 1)
        var lines = sceneLines(scene, index: index, width: area.width)
        var textHeight = height(of: lines)
        // The words take at most two fifths of the page; the rest continue on the blank back.
        var overflow: [Line] = []
        while textHeight > area.height * 0.4, let last = lines.popLast() {
            overflow.insert(last, at: 0)
            textHeight = height(of: lines)
        }
        if let art = scene.art {
            let room = PDFRect(x: area.x, y: area.y, width: area.width, height: area.height - textHeight - (lines.isEmpty ? 0 : 18))
            pages[pages.count - 1].arts.append(PlacedArt(art: art, box: contain(art.aspect, in: room), clip: room, bleeds: false, lineArt: true))
        }
        place(lines, on: pages.count - 1, top: area.maxY - textHeight)
        newPage(overflow.isEmpty ? .blank : .text, scene: scene.id)
        if !overflow.isEmpty { flow(overflow, scene: scene.id, centerSinglePage: false, continuingAt: textArea(page - 1).y) }
    }

    /// Whether padding pages are drawing pages (children's books) rather than note pages.
    var drawingPages: Bool { book.matter.ageTier == .kids }

    /// Pages to reach KDP's minimum and an even count: drawing pages for children, note pages otherwise.
    mutating func pad() {
        let target = max(KDP.minimumPages(options.paper), pages.count + pages.count % 2)
        padded = target - pages.count
        while pages.count < target {
            newPage(.padding)
            let area = design(page - 1)
            let kids = drawingPages
            let heading = setLines(kids ? "Draw your favourite part of the story" : "Notes", size: kind == .chapter ? 12 : 16, bold: true,
                                   width: area.width, centered: true, spaceBefore: 0)
            place(heading, on: pages.count - 1, top: area.y)
            let top = area.y + height(of: heading) + 18
            if kids {
                pages[pages.count - 1].frames.append(PDFRect(x: area.x, y: top, width: area.width, height: textArea(page - 1).maxY - top))
            } else {
                var y = top + 24
                while y < textArea(page - 1).maxY {
                    pages[pages.count - 1].frames.append(PDFRect(x: area.x, y: y, width: area.width, height: 0))
                    y += 24
                }
            }
        }
    }

    /// The page number at the foot of text and padding pages.
    mutating func folio(_ index: Int) {
        guard [.text, .padding].contains(pages[index].kind) else { return }
        let number = String(pages[index].number)
        let size = 9.0
        let width = fonts.regular.width(number, size: size)
        let area = design(pages[index].number)
        pages[index].texts.append(PlacedText(text: number, x: area.x + (area.width - width) / 2, baseline: area.maxY - 2, size: size, bold: false, width: width))
    }
}
