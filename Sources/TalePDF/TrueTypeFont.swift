/// A TrueType font file read far enough to set text and embed it in a PDF: the character map,
/// the advance widths and the metrics a font descriptor needs. No shaping, no kerning.
public struct TrueTypeFont: Sendable {
    /// The file's bytes, embedded as they are.
    public let data: [UInt8]
    /// The PostScript name (`DejaVuSerif`).
    public let postScriptName: String
    /// Font units per em.
    public let unitsPerEm: Int
    /// Ascender and descender in font units (descender negative).
    public let ascent: Int, descent: Int
    /// Cap height in font units (the ascender when the font does not say).
    public let capHeight: Int
    /// The bounding box of all glyphs in font units: x min, y min, x max, y max.
    public let boundingBox: [Int]
    /// The italic angle in degrees.
    public let italicAngle: Double
    /// Whether the font may be embedded (OS/2 fsType allows installable, preview or editable embedding).
    public let embeddable: Bool
    private let advances: [UInt16]
    private let characterMap: [UInt32: UInt16]


    /// Reads `data`, a `.ttf` file.
    public init(data: [UInt8]) throws(TrueTypeFontError) {
        self.data = data
        let reader = BigEndian(data)
        guard data.count > 12, [0x0001_0000, 0x7472_7565].contains(reader.u32(0)) else {
            throw TrueTypeFontError(message: "the file does not start like a TrueType font (OpenType CFF and collections are not supported)")
        }
        guard let tables = TrueTypeFont.tableDirectory(data) else { throw TrueTypeFontError(message: "the table directory is cut short") }
        func table(_ tag: String) throws(TrueTypeFontError) -> Int {
            guard let found = tables[tag], found.offset + found.length <= data.count else { throw TrueTypeFontError(message: "the '\(tag)' table is missing") }
            return found.offset
        }
        let head = try table("head"), hhea = try table("hhea"), maxp = try table("maxp"), hmtx = try table("hmtx"), cmap = try table("cmap")
        _ = try table("glyf")
        unitsPerEm = reader.u16(head + 18)
        boundingBox = [reader.s16(head + 36), reader.s16(head + 38), reader.s16(head + 40), reader.s16(head + 42)]
        ascent = reader.s16(hhea + 4)
        descent = reader.s16(hhea + 6)
        let metricsCount = reader.u16(hhea + 34)
        let glyphCount = reader.u16(maxp + 4)
        var advances = [UInt16](repeating: 0, count: glyphCount)
        var last: UInt16 = 0
        for glyph in 0..<glyphCount {
            if glyph < metricsCount { last = UInt16(reader.u16(hmtx + glyph * 4)) }
            advances[glyph] = last
        }
        self.advances = advances
        if let os2 = tables["OS/2"]?.offset {
            let version = reader.u16(os2)
            capHeight = version >= 2 ? reader.s16(os2 + 88) : ascent
            let fsType = reader.u16(os2 + 8)
            embeddable = fsType & 0x000F != 0x0002
        } else {
            capHeight = ascent
            embeddable = true
        }
        if let post = tables["post"]?.offset {
            italicAngle = Double(reader.s16(post + 4)) + Double(reader.u16(post + 6)) / 65536
        } else {
            italicAngle = 0
        }
        characterMap = try TrueTypeFont.readCharacterMap(reader, at: cmap)
        postScriptName = TrueTypeFont.readName(reader, at: tables["name"]?.offset) ?? "TaleFont"
    }

    /// The font's tables by tag, with their offsets and lengths; nil when the directory is cut short.
    static func tableDirectory(_ data: [UInt8]) -> [String: (offset: Int, length: Int)]? {
        let reader = BigEndian(data)
        var tables: [String: (offset: Int, length: Int)] = [:]
        for index in 0..<reader.u16(4) {
            let entry = 12 + index * 16
            guard entry + 16 <= data.count else { return nil }
            tables[String(decoding: data[entry..<entry + 4], as: UTF8.self)] = (reader.u32(entry + 8), reader.u32(entry + 12))
        }
        return tables
    }

    /// The glyph for a character, or nil when the font has none.
    public func glyph(for scalar: Unicode.Scalar) -> UInt16? {
        characterMap[scalar.value].flatMap { $0 == 0 ? nil : $0 }
    }

    /// A glyph's advance in thousandths of an em (PDF's text space units).
    public func advance(_ glyph: UInt16) -> Double {
        Double(Int(glyph) < advances.count ? advances[Int(glyph)] : 0) * 1000 / Double(unitsPerEm)
    }

    /// The width of `text` at `size` points; characters without a glyph count as the missing glyph.
    public func width(_ text: Substring, size: Double) -> Double {
        text.unicodeScalars.reduce(0) { $0 + advance(glyph(for: $1) ?? 0) } * size / 1000
    }

    /// The width of `text` at `size` points.
    public func width(_ text: String, size: Double) -> Double { width(text[...], size: size) }

    /// The characters of `text` this font cannot draw, each once, in order.
    public func missingCharacters(in text: String) -> [Character] {
        var seen: Set<Character> = []
        return text.filter { character in
            guard !character.isWhitespace, !seen.contains(character) else { return false }
            let missing = character.unicodeScalars.contains { glyph(for: $0) == nil && !$0.properties.isDefaultIgnorableCodePoint }
            if missing { seen.insert(character) }
            return missing
        }.map { $0 }
    }

    /// A scaled metric in thousandths of an em.
    func scaled(_ value: Int) -> Int { Int((Double(value) * 1000 / Double(unitsPerEm)).rounded()) }

    private static func readCharacterMap(_ reader: BigEndian, at cmap: Int) throws(TrueTypeFontError) -> [UInt32: UInt16] {
        // Prefer a full Unicode subtable (format 12), then the BMP one (format 4).
        var format4: Int?, format12: Int?
        for index in 0..<reader.u16(cmap + 2) {
            let record = cmap + 4 + index * 8
            let platform = reader.u16(record), encoding = reader.u16(record + 2)
            let subtable = cmap + reader.u32(record + 4)
            guard platform == 3 || platform == 0 else { continue }
            switch reader.u16(subtable) {
            case 12 where platform == 0 || encoding == 10: format12 = subtable
            case 4 where platform == 0 || encoding == 1: format4 = subtable
            default: break
            }
        }
        var map: [UInt32: UInt16] = [:]
        if let table = format12 {
            for group in 0..<reader.u32(table + 12) {
                let at = table + 16 + group * 12
                let first = reader.u32(at), last = reader.u32(at + 4), start = reader.u32(at + 8)
                guard last >= first, last - first < 0x11_0000 else { continue }
                for code in first...last { map[UInt32(code)] = UInt16(truncatingIfNeeded: start + code - first) }
            }
            return map
        }
        guard let table = format4 else { throw TrueTypeFontError(message: "no Unicode character map (cmap format 4 or 12)") }
        let segments = reader.u16(table + 6) / 2
        let ends = table + 14, starts = ends + segments * 2 + 2, deltas = starts + segments * 2, ranges = deltas + segments * 2
        for segment in 0..<segments {
            let end = reader.u16(ends + segment * 2), start = reader.u16(starts + segment * 2)
            let delta = reader.u16(deltas + segment * 2), rangeAt = ranges + segment * 2, range = reader.u16(rangeAt)
            guard start <= end, end != 0xFFFF || start != 0xFFFF else { continue }
            for code in start...end where code != 0xFFFF {
                var glyph: Int
                if range == 0 {
                    glyph = (code + delta) & 0xFFFF
                } else {
                    let at = rangeAt + range + (code - start) * 2
                    glyph = reader.u16(at)
                    if glyph != 0 { glyph = (glyph + delta) & 0xFFFF }
                }
                if glyph != 0 { map[UInt32(code)] = UInt16(glyph) }
            }
        }
        return map
    }

    private static func readName(_ reader: BigEndian, at table: Int?) -> String? {
        guard let table else { return nil }
        let count = reader.u16(table + 2), strings = table + reader.u16(table + 4)
        for index in 0..<count {
            let record = table + 6 + index * 12
            guard reader.u16(record + 6) == 6 else { continue }
            let platform = reader.u16(record), length = reader.u16(record + 8), offset = strings + reader.u16(record + 10)
            let bytes = reader.bytes(offset, length)
            let name: String
            if platform == 1 { name = String(decoding: bytes, as: UTF8.self) } else {
                name = String(decoding: stride(from: 0, to: bytes.count - 1, by: 2).map { UInt16(bytes[$0]) << 8 | UInt16(bytes[$0 + 1]) }, as: UTF16.self)
            }
            let clean = name.filter { $0.isLetter || $0.isNumber || $0 == "-" }
            if !clean.isEmpty { return clean }
        }
        return nil
    }
}

/// Big-endian reads that return 0 past the end instead of trapping on a damaged file.
struct BigEndian {
    let data: [UInt8]
    init(_ data: [UInt8]) { self.data = data }

    func u8(_ at: Int) -> Int { at >= 0 && at < data.count ? Int(data[at]) : 0 }
    func u16(_ at: Int) -> Int { u8(at) << 8 | u8(at + 1) }
    func s16(_ at: Int) -> Int { Int(Int16(bitPattern: UInt16(u16(at)))) }
    func u32(_ at: Int) -> Int { u16(at) << 16 | u16(at + 2) }
    func bytes(_ at: Int, _ count: Int) -> [UInt8] {
        guard at >= 0, count > 0, at + count <= data.count else { return [] }
        return Array(data[at..<at + count])
    }
}

/// Why a font could not be read.
public struct TrueTypeFontError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What is wrong with the file.
    public var message: String
    /// `not a usable TrueType font: ...`.
    public var description: String { "not a usable TrueType font: \(message)" }
}
