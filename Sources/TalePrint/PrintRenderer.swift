import TaleCore
import TaleImage
import TalePDF
import TaleZip

/// Writes laid-out pages as PDF: the interior (one page per `PrintPage`, trim and bleed boxes set)
/// and the cover wrap (one sheet). Tale's pictures are drawn as vectors; writers' PNGs are
/// embedded with their own pixels.
public enum PrintRenderer {
    /// The interior PDF.
    public static func interior(_ layout: InteriorLayout, book: PrintBook, fonts: PrintFonts) throws(DeflateError) -> [UInt8] {
        var document = PDFDocument()
        let regular = document.register(fonts.regular), bold = document.register(fonts.bold)
        var images: [String: PDFImage] = [:]
        for page in layout.pages {
            var canvas = PDFCanvas(width: layout.pageWidth, height: layout.pageHeight)
            for art in page.arts { try draw(art, on: &canvas, document: &document, images: &images, fonts: fonts, regular: regular, bold: bold) }
            for frame in page.frames { stroke(frame, on: &canvas) }
            for text in page.texts { canvas.text(text.text, font: text.bold ? bold : regular, size: text.size, x: text.x, baseline: text.baseline, color: text.color) }
            let trim = page.trim
            try document.addPage(canvas, trimBox: [trim.x, layout.pageHeight - trim.maxY, trim.maxX, layout.pageHeight - trim.y])
        }
        return try document.finish(PDFDocument.Info(title: book.matter.title, author: book.matter.author, date: book.matter.date))
    }

    /// The cover wrap PDF.
    public static func cover(_ layout: CoverLayout, book: PrintBook, fonts: PrintFonts) throws(DeflateError) -> [UInt8] {
        var document = PDFDocument()
        let regular = document.register(fonts.regular), bold = document.register(fonts.bold)
        var images: [String: PDFImage] = [:]
        var canvas = PDFCanvas(width: layout.width, height: layout.height)
        canvas.fill(PDFRect(x: 0, y: 0, width: layout.width, height: layout.height), layout.background)
        if let art = layout.art { try draw(art, on: &canvas, document: &document, images: &images, fonts: fonts, regular: regular, bold: bold, withTexts: false) }
        if let panel = layout.panel { canvas.fill(panel, layout.background.mixed(with: .white, 0.85)) }
        if let banner = layout.banner {
            var shape = VectorDrawing(width: layout.width, height: layout.height)
            shape.add(.rect(x: banner.x, y: banner.y, width: banner.width, height: banner.height, corner: 14),
                      fill: RGBA(255, 252, 244, 0.92), stroke: RGBA(34, 28, 24), strokeWidth: 1.5)
            canvas.draw(shape, origin: (0, 0), scale: 1, clip: PDFRect(x: 0, y: 0, width: layout.width, height: layout.height))
        }
        for text in layout.texts { canvas.text(text.text, font: text.bold ? bold : regular, size: text.size, x: text.x, baseline: text.baseline, color: text.color) }
        for text in layout.spineTexts {
            canvas.text(text.text, font: text.bold ? bold : regular, size: text.size, x: text.x, baseline: text.baseline, color: text.color, rotated: .down)
        }
        let bleed = KDP.bleed * 72
        try document.addPage(canvas, trimBox: [bleed, bleed, layout.width - bleed, layout.height - bleed])
        let title = book.matter.title + " (cover)"
        return try document.finish(PDFDocument.Info(title: title, author: book.matter.author, date: book.matter.date))
    }

    static func draw(_ art: PlacedArt, on canvas: inout PDFCanvas, document: inout PDFDocument, images: inout [String: PDFImage],
                     fonts: PrintFonts, regular: PDFFont, bold: PDFFont, withTexts: Bool = true) throws(DeflateError) {
        switch art.art.artwork {
        case .vector(let original):
            let drawing = art.lineArt ? LineArt.of(original) : original
            canvas.draw(drawing, origin: (art.box.x, art.box.y), scale: art.box.width / drawing.width, clip: art.clip)
            if withTexts {
                for text in CoverLayout.drawingTexts(drawing, box: art.box, fonts: fonts, ink: .black) {
                    canvas.text(text.text, font: text.bold ? bold : regular, size: text.size, x: text.x, baseline: text.baseline, color: text.color)
                }
            }
        case .pixels(let image):
            let embedded: PDFImage
            if let kept = images[art.art.source] { embedded = kept } else {
                embedded = try document.add(art.lineArt ? grey(image) : image)
                images[art.art.source] = embedded
            }
            canvas.draw(embedded, in: art.box, clip: art.clip)
        case .unprintable:
            // Preflight reports it; the page shows where it would go.
            canvas.stroke(art.box.inset(1), RGBA(180, 180, 180), width: 1)
        }
    }

    static func stroke(_ frame: PDFRect, on canvas: inout PDFCanvas) {
        if frame.height == 0 {
            canvas.line(from: (frame.x, frame.y), to: (frame.maxX, frame.y), RGBA(150, 150, 150), width: 0.75)
        } else {
            canvas.stroke(frame, RGBA(90, 90, 90), width: 1.5)
        }
    }

    /// A writer's PNG for a coloring book, in greys: Tale cannot trace pixels into lines.
    static func grey(_ image: PNGImage) -> PNGImage {
        var pixels = image.pixels
        for index in stride(from: 0, to: pixels.count, by: 4) {
            let red = 0.2126 * Double(pixels[index]), green = 0.7152 * Double(pixels[index + 1]), blue = 0.0722 * Double(pixels[index + 2])
            let value = UInt8((red + green + blue).rounded())
            pixels[index] = value; pixels[index + 1] = value; pixels[index + 2] = value
        }
        return PNGImage(width: image.width, height: image.height, pixels: pixels)
    }
}
