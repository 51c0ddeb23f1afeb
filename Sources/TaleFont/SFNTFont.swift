/// A TrueType or OpenType font file (the sfnt format) read into its tables, as they are: Tale
/// never changes a font, it only packs one for the web (`WOFF`).
public struct SFNTFont: Sendable, Equatable {
    /// One table: its four-letter tag, the checksum the file records, and its bytes.
    public struct Table: Sendable, Equatable {
        /// Like `glyf` or `cmap`, as four bytes.
        public var tag: String
        /// The checksum from the table directory.
        public var checksum: UInt32
        /// The table's bytes, without padding.
        public var bytes: [UInt8]
    }


    /// `0x00010000` for TrueType outlines, `OTTO` for CFF.
    public var flavor: UInt32
    /// The tables in the order the directory lists them.
    public var tables: [Table]

    /// Reads the table directory of `bytes` and each table it names, checking that every table lies inside the file.
    public init(_ bytes: [UInt8]) throws(SFNTFontError) {
        guard bytes.count >= 12 else { throw SFNTFontError(message: "the file is \(bytes.count) bytes long") }
        flavor = SFNTFont.uint32(bytes, 0)
        guard flavor == 0x0001_0000 || flavor == 0x4F54_544F || flavor == 0x7472_7565 else {
            throw SFNTFontError(message: "it starts with 0x\(String(flavor, radix: 16)), not an sfnt version")
        }
        let count = Int(SFNTFont.uint16(bytes, 4))
        guard count > 0, 12 + 16 * count <= bytes.count else { throw SFNTFontError(message: "its table directory of \(count) tables is cut short") }
        var tables: [Table] = []
        for index in 0..<count {
            let entry = 12 + 16 * index
            let tag = String(decoding: bytes[entry..<entry + 4], as: UTF8.self)
            let offset = Int(SFNTFont.uint32(bytes, entry + 8)), length = Int(SFNTFont.uint32(bytes, entry + 12))
            guard offset + length <= bytes.count else { throw SFNTFontError(message: "table '\(tag)' runs past the end of the file") }
            tables.append(Table(tag: tag, checksum: SFNTFont.uint32(bytes, entry + 4), bytes: Array(bytes[offset..<offset + length])))
        }
        self.tables = tables
    }

    /// The table tagged `tag`, if the font has one.
    public func table(_ tag: String) -> Table? { tables.first { $0.tag == tag } }

    static func uint16(_ bytes: [UInt8], _ at: Int) -> UInt16 { UInt16(bytes[at]) << 8 | UInt16(bytes[at + 1]) }

    static func uint32(_ bytes: [UInt8], _ at: Int) -> UInt32 {
        UInt32(bytes[at]) << 24 | UInt32(bytes[at + 1]) << 16 | UInt32(bytes[at + 2]) << 8 | UInt32(bytes[at + 3])
    }
}

/// Why a file is not a font Tale can read.
public struct SFNTFontError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What is wrong.
    public var message: String
    /// `not a TrueType or OpenType font: ...`.
    public var description: String { "not a TrueType or OpenType font: \(message)" }

    /// A failure saying `message`.
    public init(message: String) { self.message = message }
}
