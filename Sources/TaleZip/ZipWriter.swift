/// Writes a zip archive in memory, byte for byte the same for the same entries: every entry
/// gets the same timestamp (1980-01-01 00:00, the earliest zip can hold), no extra fields and
/// UTF-8 names. EPUB needs its `mimetype` entry first and stored; `add(_:_:compress:)` keeps
/// entries in the order given and stores when asked. Zip's 16- and 32-bit fields bound what it
/// holds (a name of 65,535 bytes, 65,535 entries, 4 GiB per entry and in all); past them `add`
/// throws rather than writing a broken archive.
public struct ZipWriter: Sendable {
    private struct Entry {
        var name: [UInt8]
        var crc: UInt32
        var size: Int
        var compressedSize: Int
        var method: UInt16
        var offset: Int
    }

    private var output: [UInt8] = []
    private var entries: [Entry] = []

    /// An empty archive.
    public init() {}

    /// Adds a file named `name` (a path with `/`), deflated unless `compress` is false.
    public mutating func add(_ name: String, _ bytes: [UInt8], compress: Bool = true) throws(ZipError) {
        guard name.utf8.count <= Int(UInt16.max) else { throw .nameTooLong(bytes: name.utf8.count) }
        guard entries.count < Int(UInt16.max) else { throw .tooManyEntries }
        let crc = Deflate.crc32(bytes)
        var data = bytes
        var method: UInt16 = 0
        if compress, !bytes.isEmpty {
            let deflated: [UInt8]
            do { deflated = try Deflate.raw(bytes) } catch { throw .deflate(error) }
            if deflated.count < bytes.count {
                data = deflated
                method = 8
            }
        }
        // The central directory (46 bytes and the name per entry) must also fit under 4 GiB.
        let directory = entries.reduce(0) { $0 + 46 + $1.name.count } + 46 + name.utf8.count + 22
        guard bytes.count <= Int(UInt32.max), output.count + 30 + name.utf8.count + data.count + directory <= Int(UInt32.max) else {
            throw .tooLarge(name: name)
        }
        let entry = Entry(name: Array(name.utf8), crc: crc, size: bytes.count, compressedSize: data.count, method: method, offset: output.count)
        output += ZipWriter.u32(0x0403_4b50) + ZipWriter.u16(20) + ZipWriter.u16(0x0800) + ZipWriter.u16(method)
            + ZipWriter.u16(0) + ZipWriter.u16(0x21) + ZipWriter.u32(crc) + ZipWriter.u32(UInt32(data.count)) + ZipWriter.u32(UInt32(bytes.count))
            + ZipWriter.u16(UInt16(entry.name.count)) + ZipWriter.u16(0) + entry.name
        output += data
        entries.append(entry)
    }

    /// The finished archive.
    public func finished() -> [UInt8] {
        var archive = output
        let directoryStart = archive.count
        for entry in entries {
            archive += ZipWriter.u32(0x0201_4b50) + ZipWriter.u16(20) + ZipWriter.u16(20) + ZipWriter.u16(0x0800) + ZipWriter.u16(entry.method)
                + ZipWriter.u16(0) + ZipWriter.u16(0x21) + ZipWriter.u32(entry.crc) + ZipWriter.u32(UInt32(entry.compressedSize))
                + ZipWriter.u32(UInt32(entry.size)) + ZipWriter.u16(UInt16(entry.name.count)) + ZipWriter.u16(0) + ZipWriter.u16(0)
                + ZipWriter.u16(0) + ZipWriter.u16(0) + ZipWriter.u32(0) + ZipWriter.u32(UInt32(entry.offset)) + entry.name
        }
        let directorySize = archive.count - directoryStart
        archive += ZipWriter.u32(0x0605_4b50) + ZipWriter.u16(0) + ZipWriter.u16(0) + ZipWriter.u16(UInt16(entries.count))
            + ZipWriter.u16(UInt16(entries.count)) + ZipWriter.u32(UInt32(directorySize)) + ZipWriter.u32(UInt32(directoryStart)) + ZipWriter.u16(0)
        return archive
    }

    private static func u16(_ value: UInt16) -> [UInt8] { [UInt8(value & 0xff), UInt8(value >> 8)] }
    private static func u32(_ value: UInt32) -> [UInt8] { [UInt8(value & 0xff), UInt8((value >> 8) & 0xff), UInt8((value >> 16) & 0xff), UInt8(value >> 24)] }
}

/// Why an entry could not be added.
public enum ZipError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The entry's bytes could not be compressed.
    case deflate(DeflateError)
    /// The name is longer than zip's 65,535 bytes.
    case nameTooLong(bytes: Int)
    /// The archive already holds 65,535 entries.
    case tooManyEntries
    /// The entry, or the archive with it, would pass zip's 4 GiB.
    case tooLarge(name: String)

    /// What went wrong, in a sentence.
    public var description: String {
        switch self {
        case .deflate(let failure): return failure.description
        case .nameTooLong(let bytes): return "an entry's name is \(bytes) bytes; a zip holds names of at most 65535"
        case .tooManyEntries: return "a zip holds at most 65535 entries"
        case .tooLarge(let name): return "\(name) would pass zip's 4 GiB limit"
        }
    }
}
