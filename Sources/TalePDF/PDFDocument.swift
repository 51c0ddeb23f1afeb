import TaleCore
import TaleImage
import TaleZip

/// A PDF file being written: pages drawn on `PDFCanvas`es, TrueType fonts embedded whole as
/// CID fonts (Identity-H, with a ToUnicode map so text can be searched and copied), PNG pixels
/// embedded with Flate. Output depends only on what was drawn, so the same book gives the same bytes.
public struct PDFDocument {
    /// Title, author and dates for the Info dictionary.
    public struct Info: Sendable {
        /// The document title.
        public var title: String
        /// The author, if any.
        public var author: String?
        /// `YYYY-MM-DD`, written as the creation date (no clock, so output is reproducible).
        public var date: String?

        /// Info for a document.
        public init(title: String, author: String?, date: String?) {
            self.title = title
            self.author = author
            self.date = date
        }
    }

    private var objects: [[UInt8]?] = []
    private var pageReferences: [Int] = []
    private var fonts: [EmbeddedFont] = []
    private var imageCount = 0
    private let catalog: Int
    private let pageTree: Int

    /// An empty document.
    public init() {
        objects = [nil, nil]
        catalog = 1
        pageTree = 2
    }

    /// Makes `font` available to canvases as `/F<n>`; embed each font once per document.
    public mutating func register(_ font: TrueTypeFont) -> PDFFont {
        let handle = PDFFont(name: "F\(fonts.count + 1)", font: font)
        fonts.append(EmbeddedFont(handle: handle, object: reserve()))
        return handle
    }

    /// Embeds an image's pixels (RGB, with an alpha mask when any pixel is not opaque) for canvases to draw.
    public mutating func add(_ image: PNGImage) throws(DeflateError) -> PDFImage {
        var rgb: [UInt8] = []
        rgb.reserveCapacity(image.width * image.height * 3)
        var alpha: [UInt8] = []
        alpha.reserveCapacity(image.width * image.height)
        var opaque = true
        var index = 0
        while index < image.pixels.count {
            rgb.append(image.pixels[index]); rgb.append(image.pixels[index + 1]); rgb.append(image.pixels[index + 2])
            alpha.append(image.pixels[index + 3])
            if image.pixels[index + 3] != 255 { opaque = false }
            index += 4
        }
        var mask = ""
        if !opaque {
            let maskObject = add(stream: "/Type /XObject /Subtype /Image /Width \(image.width) /Height \(image.height) /ColorSpace /DeviceGray /BitsPerComponent 8",
                                 data: try Deflate.zlib(alpha), filter: true)
            mask = " /SMask \(maskObject) 0 R"
        }
        let object = add(stream: "/Type /XObject /Subtype /Image /Width \(image.width) /Height \(image.height) /ColorSpace /DeviceRGB /BitsPerComponent 8\(mask)",
                         data: try Deflate.zlib(rgb), filter: true)
        imageCount += 1
        return PDFImage(name: "Im\(imageCount)", object: object, width: image.width, height: image.height)
    }

    /// Adds a page of `width` by `height` points with what `canvas` drew. `trimBox` (left, bottom,
    /// right, top in points) is where the page is cut; the media box is the bleed box.
    public mutating func addPage(_ canvas: PDFCanvas, trimBox: [Double]? = nil) throws(DeflateError) {
        let content = add(stream: "", data: try Deflate.zlib(Array(canvas.operators.utf8)), filter: true)
        var resources = "/ProcSet [/PDF /Text /ImageB /ImageC]"
        if !fonts.isEmpty {
            resources += " /Font << " + fonts.map { "/\($0.handle.name) \($0.object) 0 R" }.joined(separator: " ") + " >>"
        }
        if !canvas.images.isEmpty {
            resources += " /XObject << " + canvas.images.sorted { $0.name < $1.name }.map { "/\($0.name) \($0.object) 0 R" }.joined(separator: " ") + " >>"
        }
        if !canvas.opacities.isEmpty {
            resources += " /ExtGState << " + canvas.opacities.sorted().map { "/A\($0) << /ca \(Double($0) / 100) /CA \(Double($0) / 100) >>" }.joined(separator: " ") + " >>"
        }
        for (name, glyphs) in canvas.glyphs {
            guard let index = fonts.firstIndex(where: { $0.handle.name == name }) else { continue }
            fonts[index].used.merge(glyphs) { first, _ in first }
        }
        let box = "[0 0 \(PDFNumber.text(canvas.width)) \(PDFNumber.text(canvas.height))]"
        let trim = trimBox.map { "[" + $0.map(PDFNumber.text).joined(separator: " ") + "]" } ?? box
        let page = add("<< /Type /Page /Parent \(pageTree) 0 R /MediaBox \(box) /BleedBox \(box) /TrimBox \(trim) "
                       + "/Resources << \(resources) >> /Contents \(content) 0 R >>")
        pageReferences.append(page)
    }

    /// The finished file.
    public mutating func finish(_ info: Info) throws(DeflateError) -> [UInt8] {
        for font in fonts { try embed(font) }
        objects[catalog - 1] = Array("<< /Type /Catalog /Pages \(pageTree) 0 R >>".utf8)
        objects[pageTree - 1] = Array(("<< /Type /Pages /Count \(pageReferences.count) /Kids ["
                                       + pageReferences.map { "\($0) 0 R" }.joined(separator: " ") + "] >>").utf8)
        var fields = "/Title \(PDFString.text(info.title)) /Producer \(PDFString.text("Tale"))"
        if let author = info.author { fields += " /Author \(PDFString.text(author))" }
        if let date = info.date, date.count == 10 {
            let digits = date.filter(\.isNumber)
            fields += " /CreationDate (D:\(digits)000000Z) /ModDate (D:\(digits)000000Z)"
        }
        let infoObject = add("<< \(fields) >>")
        var out: [UInt8] = Array("%PDF-1.6\n%".utf8) + [0xE2, 0xE3, 0xCF, 0xD3, 0x0A]
        var offsets: [Int] = []
        for (index, body) in objects.enumerated() {
            offsets.append(out.count)
            out += Array("\(index + 1) 0 obj\n".utf8)
            out += body ?? Array("null".utf8)
            out += Array("\nendobj\n".utf8)
        }
        let xref = out.count
        var table = "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
        for offset in offsets { table += String(repeating: "0", count: 10 - String(offset).count) + "\(offset) 00000 n \n" }
        let identifier = String(SHA256.hex(out).prefix(32))
        table += "trailer\n<< /Size \(objects.count + 1) /Root \(catalog) 0 R /Info \(infoObject) 0 R /ID [<\(identifier)> <\(identifier)>] >>\n"
        table += "startxref\n\(xref)\n%%EOF\n"
        out += Array(table.utf8)
        return out
    }

    private mutating func reserve() -> Int {
        objects.append(nil)
        return objects.count
    }

    private mutating func add(_ body: String) -> Int {
        objects.append(Array(body.utf8))
        return objects.count
    }

    private mutating func add(stream dictionary: String, data: [UInt8], filter: Bool, at reserved: Int? = nil) -> Int {
        let body = Array("<< \(dictionary)\(filter ? " /Filter /FlateDecode" : "") /Length \(data.count) >>\nstream\n".utf8) + data + Array("\nendstream".utf8)
        if let reserved {
            objects[reserved - 1] = body
            return reserved
        }
        objects.append(body)
        return objects.count
    }

    /// Writes a font's file (subset to the glyphs the pages use, with a tag naming the subset),
    /// descriptor, CID font, ToUnicode map and Type0 dictionary.
    private mutating func embed(_ embedded: EmbeddedFont) throws(DeflateError) {
        let font = embedded.handle.font
        let program: [UInt8]
        var name = font.postScriptName
        if let subset = TrueTypeSubset.subset(font.data, keeping: Set(embedded.used.keys)) {
            program = subset
            name = PDFDocument.subsetTag(embedded.used.keys.sorted()) + "+" + name
        } else {
            program = font.data
        }
        let file = add(stream: "/Length1 \(program.count)", data: try Deflate.zlib(program), filter: true)
        let box = font.boundingBox.map { String(font.scaled($0)) }.joined(separator: " ")
        let descriptor = add("<< /Type /FontDescriptor /FontName /\(name) /Flags 32 /FontBBox [\(box)] "
                             + "/ItalicAngle \(PDFNumber.text(font.italicAngle)) /Ascent \(font.scaled(font.ascent)) /Descent \(font.scaled(font.descent)) "
                             + "/CapHeight \(font.scaled(font.capHeight)) /StemV 80 /FontFile2 \(file) 0 R >>")
        let glyphs = embedded.used.keys.sorted()
        let widths = glyphs.map { "\($0) [\(PDFNumber.text(font.advance($0)))]" }.joined(separator: " ")
        let cidFont = add("<< /Type /Font /Subtype /CIDFontType2 /BaseFont /\(name) "
                          + "/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> "
                          + "/FontDescriptor \(descriptor) 0 R /DW 1000 /W [\(widths)] /CIDToGIDMap /Identity >>")
        let toUnicode = add(stream: "", data: try Deflate.zlib(Array(PDFDocument.unicodeMap(embedded.used).utf8)), filter: true)
        objects[embedded.object - 1] = Array(("<< /Type /Font /Subtype /Type0 /BaseFont /\(name) /Encoding /Identity-H "
                                              + "/DescendantFonts [\(cidFont) 0 R] /ToUnicode \(toUnicode) 0 R >>").utf8)
    }

    /// Six capital letters from the glyphs a subset holds, as PDF names subsets (`ABCDEF+DejaVuSerif`).
    static func subsetTag(_ glyphs: [UInt16]) -> String {
        let hash = SHA256.hex(glyphs.map(String.init).joined(separator: ","))
        let letters = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
        return String(hash.utf8.prefix(6).map { letters[Int($0) % 26] })
    }

    /// A CMap from glyph ids back to the characters they were set for.
    static func unicodeMap(_ used: [UInt16: Unicode.Scalar]) -> String {
        var out = """
        /CIDInit /ProcSet findresource begin 12 dict begin begincmap
        /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def
        /CMapName /Adobe-Identity-UCS def /CMapType 2 def
        1 begincodespacerange <0000> <FFFF> endcodespacerange

        """
        let entries = used.sorted { $0.key < $1.key }
        for start in stride(from: 0, to: entries.count, by: 100) {
            let chunk = entries[start..<min(start + 100, entries.count)]
            out += "\(chunk.count) beginbfchar\n"
            for (glyph, scalar) in chunk {
                let units = String(Character(scalar)).utf16.map { PDFString.hex4($0) }.joined()
                out += "<\(PDFString.hex4(glyph))> <\(units)>\n"
            }
            out += "endbfchar\n"
        }
        out += "endcmap CMapName currentdict /CMap defineresource pop end end\n"
        return out
    }
}

/// A font registered with a document, named for its canvases.
public struct PDFFont: Sendable {
    /// The resource name (`F1`).
    public let name: String
    /// The font's metrics and character map.
    public let font: TrueTypeFont
}

/// An image embedded in a document.
public struct PDFImage: Sendable {
    /// The resource name (`Im1`).
    public let name: String
    let object: Int
    /// Its size in pixels.
    public let width: Int, height: Int
}

/// A font and the glyphs the pages used, for its widths and ToUnicode map.
struct EmbeddedFont {
    let handle: PDFFont
    let object: Int
    var used: [UInt16: Unicode.Scalar] = [:]
}

/// Numbers as PDF writes them: at most three decimals, no exponent, no trailing zeros.
enum PDFNumber {
    static func text(_ value: Double) -> String {
        let rounded = (value * 1000).rounded() / 1000
        if rounded == rounded.rounded(), abs(rounded) < 1e15 { return String(Int(rounded)) }
        var text = String(format3: rounded)
        while text.hasSuffix("0") { text.removeLast() }
        return text
    }
}

extension String {
    /// A fixed three-decimal rendering without Foundation.
    init(format3 value: Double) {
        let negative = value < 0
        let thousandths = Int((abs(value) * 1000).rounded())
        let fraction = String(thousandths % 1000)
        self = (negative ? "-" : "") + "\(thousandths / 1000)." + String(repeating: "0", count: 3 - fraction.count) + fraction
    }
}

/// Text strings for the Info dictionary: UTF-16BE with a byte-order mark, in hex.
enum PDFString {
    static func text(_ value: String) -> String {
        "<FEFF" + value.utf16.map(hex4).joined() + ">"
    }

    static func hex4(_ value: UInt16) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(value >> 12)], digits[Int(value >> 8 & 15)], digits[Int(value >> 4 & 15)], digits[Int(value & 15)]])
    }
}
