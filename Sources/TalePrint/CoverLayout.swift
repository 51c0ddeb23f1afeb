import TaleCore
import TaleImage
import TalePDF

/// The cover wrap: back cover, spine and front cover on one sheet with bleed on every edge, sized
/// by KDP's formula for the interior's page count and paper.
public struct CoverLayout: Sendable {
    /// The sheet's size in points.
    public var width: Double, height: Double
    /// The spine's width in points.
    public var spineWidth: Double
    /// Where the back cover, spine and front cover are cut, in points from the top-left corner.
    public var back: PDFRect, spine: PDFRect, front: PDFRect
    /// The area kept clear for KDP's barcode.
    public var barcode: PDFRect
    /// The background colour behind everything.
    public var background: RGBA
    /// A paler panel behind the back cover's words.
    public var panel: PDFRect?
    /// The pale banner behind the front cover's title, over a drawn cover.
    public var banner: PDFRect?
    /// Text lines.
    public var texts: [PlacedText]
    /// The front cover picture.
    public var art: PlacedArt?
    /// Whether the spine carries text: KDP allows it from 79 pages, and Tale sets it when it can be 6 points or more.
    public var spineHasText: Bool
    /// Spine text runs top to bottom: title and author, in the order set.
    public var spineTexts: [PlacedText]

    /// Lays out the cover for an interior of `pages` pages.
    public static func make(_ book: PrintBook, options: PrintOptions, pages: Int, fonts: PrintFonts) -> CoverLayout {
        let point = 72.0
        let size = KDP.coverSize(trim: options.trim, pages: pages, paper: options.paper)
        let bleed = KDP.bleed * point
        let trimWidth = options.trim.width * point, trimHeight = options.trim.height * point
        let spineWidth = KDP.spineWidth(pages: pages, paper: options.paper) * point
        let back = PDFRect(x: bleed, y: bleed, width: trimWidth, height: trimHeight)
        let spine = PDFRect(x: back.maxX, y: bleed, width: spineWidth, height: trimHeight)
        let front = PDFRect(x: spine.maxX, y: bleed, width: trimWidth, height: trimHeight)
        let barcode = PDFRect(x: back.maxX - (KDP.barcodeInset + KDP.barcodeWidth) * point, y: back.maxY - (KDP.barcodeInset + KDP.barcodeHeight) * point,
                              width: KDP.barcodeWidth * point, height: KDP.barcodeHeight * point)
        let background = CoverLayout.background(of: book.cover)
        let ink = background.luminance < 0.5 ? RGBA(250, 246, 236) : RGBA(34, 28, 24)
        var texts: [PlacedText] = []
        var art: PlacedArt?

        // Front: the cover picture to the bleed on top, bottom and the outer edge.
        let frontBleed = PDFRect(x: front.x, y: 0, width: front.width + bleed, height: size.height * point)
        let frontSafe = front.inset(KDP.coverSafeInset * point + 18)
        var banner: PDFRect?
        var titleInk = ink
        switch book.cover?.artwork {
        case .vector(let drawing)?:
            // Tale's drawn cover: the scene without its own title banner, anchored at the bottom
            // (where the characters stand), and the title set again in the book's fonts for this trim.
            let scene = CoverLayout.withoutTitle(drawing)
            let placed = PrintArt(artwork: .vector(scene), source: book.cover!.source, location: book.cover!.location, alt: book.cover!.alt)
            var box = cover(scene.width / scene.height, over: frontBleed)
            box.y = frontBleed.maxY - box.height
            art = PlacedArt(art: placed, box: box, clip: frontBleed, bleeds: true, lineArt: false)
            titleInk = RGBA(34, 28, 24)
            banner = PDFRect(x: frontSafe.x, y: frontSafe.y, width: frontSafe.width, height: 0)
        case .pixels?:
            // A writer's cover image carries its own title: shown whole, never cropped.
            if let picture = book.cover {
                let box = contain(picture.aspect, in: front)
                art = PlacedArt(art: picture, box: box, clip: box, bleeds: false, lineArt: false)
            }
        case .unprintable?:
            if let picture = book.cover { art = PlacedArt(art: picture, box: front, clip: front, bleeds: false, lineArt: false) }
        case nil:
            break
        }
        if book.cover == nil || banner != nil {
            let titleSize = options.trim.width >= 8 ? 40.0 : 32.0
            let pad = banner == nil ? 0.0 : 16
            var y = frontSafe.y + pad + (banner == nil ? frontSafe.height * 0.1 : 0)
            for line in TextSetter.lines(book.matter.title, font: fonts.bold, size: titleSize, width: frontSafe.width - 2 * pad, hyphenate: false) {
                texts.append(PlacedText(text: line.text, x: frontSafe.x + (frontSafe.width - line.width) / 2, baseline: y + titleSize,
                                        size: titleSize, bold: true, width: line.width, color: titleInk))
                y += titleSize * 1.2
            }
            if let author = book.matter.author {
                let authorSize = titleSize * 0.5
                let width = fonts.regular.width("by \(author)", size: authorSize)
                y += authorSize * 0.4
                texts.append(PlacedText(text: "by \(author)", x: frontSafe.x + (frontSafe.width - width) / 2, baseline: y + authorSize,
                                        size: authorSize, bold: false, width: width, color: titleInk))
                y += authorSize * 1.3
            }
            if banner != nil { banner!.height = y - frontSafe.y + pad }
        }

        // Back: the summary on a pale panel above the barcode area.
        let backSafe = back.inset(KDP.coverSafeInset * point + 24)
        var panel: PDFRect?
        let summary = book.matter.summary ?? ""
        if !summary.isEmpty {
            let textSize = options.trim.width >= 8 ? 15.0 : 12.0
            let width = backSafe.width - 36
            var y = backSafe.y + 18
            var lines: [PlacedText] = []
            for line in TextSetter.lines(summary, font: fonts.regular, size: textSize, width: width) {
                lines.append(PlacedText(text: line.text, x: backSafe.x + 18, baseline: y + textSize, size: textSize, bold: false, width: line.width))
                y += textSize * 1.45
            }
            panel = PDFRect(x: backSafe.x, y: backSafe.y, width: backSafe.width, height: y - backSafe.y + 18)
            texts += lines
        }
        let credit = "Made with Tale"
        let creditWidth = fonts.regular.width(credit, size: 9)
        texts.append(PlacedText(text: credit, x: backSafe.x, baseline: backSafe.maxY, size: 9, bold: false, width: creditWidth, color: ink))

        // Spine: title and author, top to bottom, when the book is thick enough for KDP (79 pages)
        // and the spine is wide enough for type of 6 points (glyphs span about 0.95 em across it).
        var spineTexts: [PlacedText] = []
        let textSize = min(14, (spineWidth - 2 * KDP.spineTextMargin * point) / 0.95)
        let spineHasText = pages >= KDP.spineTextMinimumPages && textSize >= 6
        if spineHasText {
            let text = book.matter.author.map { "\(book.matter.title)  ·  \($0)" } ?? book.matter.title
            let length = fonts.bold.width(text, size: textSize)
            // Rotated a quarter turn: `x` is the baseline's place across the spine, `baseline` where it starts down it.
            spineTexts.append(PlacedText(text: text, x: spine.x + spine.width / 2 - textSize * 0.25, baseline: spine.y + (spine.height - length) / 2,
                                         size: textSize, bold: true, width: length, color: ink))
        }
        return CoverLayout(width: size.width * point, height: size.height * point, spineWidth: spineWidth, back: back, spine: spine, front: front,
                           barcode: barcode, background: background, panel: panel, banner: banner, texts: texts, art: art, spineHasText: spineHasText, spineTexts: spineTexts)
    }

    /// A drawn cover without its words: the text marks and the banner drawn just before them.
    static func withoutTitle(_ drawing: VectorDrawing) -> VectorDrawing {
        guard let firstText = drawing.marks.firstIndex(where: { if case .text = $0.outline { return true } else { return false } }) else {
            return drawing
        }
        var cut = firstText
        if cut > 0, case .rect(_, _, _, _, let corner) = drawing.marks[cut - 1].outline, corner > 0 { cut -= 1 }
        var scene = drawing
        scene.marks = Array(drawing.marks[..<cut]) + drawing.marks[firstText...].filter { if case .text = $0.outline { return false } else { return true } }
        return scene
    }

    /// The text marks of a drawing, placed as lines in the book's fonts where the drawing put them.
    static func drawingTexts(_ drawing: VectorDrawing, box: PDFRect, fonts: PrintFonts, ink: RGBA) -> [PlacedText] {
        let scale = box.width / drawing.width
        return drawing.marks.compactMap { mark in
            guard case .text(let x, let y, let size, let text, let anchor, let weight, _) = mark.outline else { return nil }
            let bold = weight == "bold" || (Int(weight) ?? 400) >= 600
            let points = size * scale
            let width = (bold ? fonts.bold : fonts.regular).width(text, size: points)
            let left = box.x + x * scale - (anchor == "middle" ? width / 2 : anchor == "end" ? width : 0)
            return PlacedText(text: text, x: left, baseline: box.y + y * scale, size: points, bold: bold, width: width, color: mark.fill ?? ink)
        }
    }

    /// The colour around the cover picture: its first (back-most) filled shape, or the edge pixels' average.
    static func background(of art: PrintArt?) -> RGBA {
        switch art?.artwork {
        case .vector(let drawing)?:
            return drawing.marks.first { $0.fill != nil }?.fill?.opacity(1) ?? RGBA(244, 236, 220)
        case .pixels(let image)?:
            var sums = [0, 0, 0], count = 0
            for x in stride(from: 0, to: image.width, by: max(1, image.width / 64)) {
                for y in [0, image.height - 1] {
                    let at = (y * image.width + x) * 4
                    for channel in 0..<3 { sums[channel] += Int(image.pixels[at + channel]) }
                    count += 1
                }
            }
            return RGBA(UInt8(sums[0] / max(count, 1)), UInt8(sums[1] / max(count, 1)), UInt8(sums[2] / max(count, 1)))
        default:
            return RGBA(244, 236, 220)
        }
    }
}

extension RGBA {
    /// Relative brightness, 0 (black) to 1 (white).
    var luminance: Double { (0.2126 * Double(r) + 0.7152 * Double(g) + 0.0722 * Double(b)) / 255 }
}
