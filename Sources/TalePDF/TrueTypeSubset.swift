/// A TrueType font cut down to the glyphs a document uses, keeping every glyph's id (so a CID
/// font can keep `CIDToGIDMap /Identity`): unused glyphs become empty outlines, and only the
/// tables a PDF renderer needs stay (`head`, `hhea`, `maxp`, `hmtx`, `loca`, `glyf`, and the
/// hinting tables `cvt `, `fpgm`, `prep`). A composite glyph keeps the glyphs it is built from.
enum TrueTypeSubset {
    static let keptTables = ["cvt ", "fpgm", "glyf", "head", "hhea", "hmtx", "loca", "maxp", "prep"]

    /// The subset font file, or nil when the font's tables cannot be read (the caller embeds it whole).
    static func subset(_ data: [UInt8], keeping used: Set<UInt16>) -> [UInt8]? {
        let reader = BigEndian(data)
        guard let tables = TrueTypeFont.tableDirectory(data), let head = tables["head"], let loca = tables["loca"], let glyf = tables["glyf"], let maxp = tables["maxp"],
              head.offset + 54 <= data.count, glyf.offset + glyf.length <= data.count else { return nil }
        let glyphCount = reader.u16(maxp.offset + 4)
        let longOffsets = reader.s16(head.offset + 50) == 1
        func location(_ glyph: Int) -> Int {
            longOffsets ? reader.u32(loca.offset + glyph * 4) : reader.u16(loca.offset + glyph * 2) * 2
        }
        guard loca.offset + (glyphCount + 1) * (longOffsets ? 4 : 2) <= data.count else { return nil }

        // The glyphs to keep: the used ones, the missing glyph, and every component of a composite.
        var keep: Set<Int> = [0]
        var queue = used.map(Int.init).filter { $0 < glyphCount }
        while let glyph = queue.popLast() {
            guard keep.insert(glyph).inserted || glyph == 0 else { continue }
            let start = glyf.offset + location(glyph), end = glyf.offset + location(glyph + 1)
            guard end > start, reader.s16(start) < 0 else { continue }
            var at = start + 10
            while at + 4 <= end {
                let flags = reader.u16(at)
                let component = reader.u16(at + 2)
                if !keep.contains(component), component < glyphCount { queue.append(component) }
                at += 4 + (flags & 0x0001 != 0 ? 4 : 2)
                if flags & 0x0008 != 0 { at += 2 } else if flags & 0x0040 != 0 { at += 4 } else if flags & 0x0080 != 0 { at += 8 }
                guard flags & 0x0020 != 0 else { break }
            }
        }

        var newGlyf: [UInt8] = []
        var newLoca: [UInt8] = []
        for glyph in 0..<glyphCount {
            append32(&newLoca, newGlyf.count)
            if keep.contains(glyph) {
                let start = glyf.offset + location(glyph), end = glyf.offset + location(glyph + 1)
                if end > start, end <= glyf.offset + glyf.length { newGlyf += data[start..<end] }
                while newGlyf.count % 4 != 0 { newGlyf.append(0) }
            }
        }
        append32(&newLoca, newGlyf.count)

        var contents: [String: [UInt8]] = [:]
        for tag in keptTables {
            switch tag {
            case "glyf": contents[tag] = newGlyf
            case "loca": contents[tag] = newLoca
            default:
                guard let table = tables[tag], table.offset + table.length <= data.count else { continue }
                contents[tag] = Array(data[table.offset..<table.offset + table.length])
            }
        }
        // head: long loca offsets, and the whole-file checksum adjustment cleared until the file is assembled.
        guard var newHead = contents["head"], newHead.count >= 54 else { return nil }
        newHead[8..<12] = [0, 0, 0, 0]
        newHead[50] = 0
        newHead[51] = 1
        contents["head"] = newHead
        return assemble(contents)
    }

    /// A font file from its tables: the directory sorted by tag, each table 4-byte aligned with its checksum.
    static func assemble(_ contents: [String: [UInt8]]) -> [UInt8] {
        let tags = contents.keys.sorted()
        var power = 1, exponent = 0
        while power * 2 <= tags.count { power *= 2; exponent += 1 }
        var out: [UInt8] = [0, 1, 0, 0]
        append16(&out, tags.count)
        append16(&out, power * 16)
        append16(&out, exponent)
        append16(&out, tags.count * 16 - power * 16)
        var offset = 12 + tags.count * 16
        var body: [UInt8] = []
        var headOffset = 0
        for tag in tags {
            let table = contents[tag]!
            out += Array(tag.utf8)
            append32(&out, checksum(table))
            append32(&out, offset)
            append32(&out, table.count)
            if tag == "head" { headOffset = offset }
            body += table
            while body.count % 4 != 0 { body.append(0) }
            offset = 12 + tags.count * 16 + body.count
        }
        out += body
        // The adjustment makes the whole file's checksum 0xB1B0AFBA.
        let adjustment = (0xB1B0_AFBA &- checksum(out)) & 0xFFFF_FFFF
        out[headOffset + 8] = UInt8(adjustment >> 24 & 255)
        out[headOffset + 9] = UInt8(adjustment >> 16 & 255)
        out[headOffset + 10] = UInt8(adjustment >> 8 & 255)
        out[headOffset + 11] = UInt8(adjustment & 255)
        return out
    }

    static func checksum(_ bytes: [UInt8]) -> Int {
        var sum: UInt32 = 0
        var index = 0
        while index < bytes.count {
            var word: UInt32 = 0
            for byte in 0..<4 { word = word << 8 | UInt32(index + byte < bytes.count ? bytes[index + byte] : 0) }
            sum = sum &+ word
            index += 4
        }
        return Int(sum)
    }

    static func append16(_ out: inout [UInt8], _ value: Int) {
        out.append(UInt8(value >> 8 & 255))
        out.append(UInt8(value & 255))
    }

    static func append32(_ out: inout [UInt8], _ value: Int) {
        append16(&out, value >> 16 & 0xFFFF)
        append16(&out, value & 0xFFFF)
    }
}
