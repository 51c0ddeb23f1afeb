import TaleZip

/// WOFF 1.0 (W3C): an sfnt font's tables, each compressed with zlib where that makes it smaller,
/// behind a 44-byte header and a directory of where each table is and how long it was. Every
/// table is kept, byte for byte, so the font a browser unpacks is the original: a format
/// change, not a modified font, which is what lets an OFL font keep its Reserved Font Name.
public enum WOFF {
    /// `wOFF`.
    static let signature: UInt32 = 0x774F_4646

    /// `font` as a WOFF file.
    public static func encode(_ font: SFNTFont) throws(DeflateError) -> [UInt8] {
        let tables = font.tables.sorted { Array($0.tag.utf8).lexicographicallyPrecedes(Array($1.tag.utf8)) }
        var packed: [[UInt8]] = []
        for table in tables {
            let compressed = try Deflate.zlib(table.bytes, level: 9)
            packed.append(compressed.count < table.bytes.count ? compressed : table.bytes)
        }
        let headerSize = 44, directorySize = 20 * tables.count
        let sfntSize = 12 + 16 * tables.count + tables.reduce(0) { $0 + padded($1.bytes.count) }
        var offsets: [Int] = []
        var end = headerSize + directorySize
        for data in packed {
            offsets.append(end)
            end += padded(data.count)
        }
        var out: [UInt8] = []
        out.reserveCapacity(end)
        // The header: the font's version from its `head` table (fontRevision, 16.16).
        let revision = font.table("head").map { $0.bytes.count >= 8 ? SFNTFont.uint32($0.bytes, 4) : 0x0001_0000 } ?? 0x0001_0000
        append32(&out, signature)
        append32(&out, font.flavor)
        append32(&out, UInt32(end))
        append16(&out, UInt16(tables.count))
        append16(&out, 0)
        append32(&out, UInt32(sfntSize))
        append16(&out, UInt16(revision >> 16))
        append16(&out, UInt16(revision & 0xFFFF))
        for _ in 0..<5 { append32(&out, 0) }  // no metadata, no private data
        for (index, table) in tables.enumerated() {
            out.append(contentsOf: Array(table.tag.utf8.prefix(4)) + Array(repeating: 0x20, count: max(0, 4 - table.tag.utf8.count)))
            append32(&out, UInt32(offsets[index]))
            append32(&out, UInt32(packed[index].count))
            append32(&out, UInt32(table.bytes.count))
            append32(&out, table.checksum)
        }
        for data in packed {
            out.append(contentsOf: data)
            out.append(contentsOf: repeatElement(0, count: padded(data.count) - data.count))
        }
        return out
    }

    /// The sfnt tables of a WOFF file, each unpacked: what a browser reads.
    public static func decode(_ bytes: [UInt8]) throws(SFNTFontError) -> [SFNTFont.Table] {
        guard bytes.count >= 44, SFNTFont.uint32(bytes, 0) == signature else { throw SFNTFontError(message: "no WOFF signature") }
        guard Int(SFNTFont.uint32(bytes, 8)) == bytes.count else { throw SFNTFontError(message: "the header's length is not the file's") }
        let count = Int(SFNTFont.uint16(bytes, 12))
        guard 44 + 20 * count <= bytes.count else { throw SFNTFontError(message: "the directory is cut short") }
        var tables: [SFNTFont.Table] = []
        for index in 0..<count {
            let entry = 44 + 20 * index
            let tag = String(decoding: bytes[entry..<entry + 4], as: UTF8.self)
            let offset = Int(SFNTFont.uint32(bytes, entry + 4)), packed = Int(SFNTFont.uint32(bytes, entry + 8))
            let length = Int(SFNTFont.uint32(bytes, entry + 12))
            guard offset % 4 == 0, offset + packed <= bytes.count, packed <= length else {
                throw SFNTFontError(message: "table '\(tag)' is out of place")
            }
            let data = Array(bytes[offset..<offset + packed])
            let table: [UInt8]
            do { table = packed == length ? data : try Deflate.unzlib(data, size: length) } catch {
                throw SFNTFontError(message: "table '\(tag)' does not unpack: \(error)")
            }
            tables.append(SFNTFont.Table(tag: tag, checksum: SFNTFont.uint32(bytes, entry + 16), bytes: table))
        }
        return tables
    }

    static func padded(_ count: Int) -> Int { (count + 3) & ~3 }

    static func append16(_ out: inout [UInt8], _ value: UInt16) { out += [UInt8(value >> 8), UInt8(value & 0xFF)] }

    static func append32(_ out: inout [UInt8], _ value: UInt32) {
        out += [UInt8(value >> 24), UInt8((value >> 16) & 0xFF), UInt8((value >> 8) & 0xFF), UInt8(value & 0xFF)]
    }
}
