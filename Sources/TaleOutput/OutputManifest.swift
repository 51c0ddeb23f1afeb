import Foundation
import TaleCore

/// `tale-manifest.json`: every file of the output with its sha256, size, content type and cache
/// rule. It also marks a folder as Tale's output, so `--output` may replace it.
public enum OutputManifest {
    /// The file's name at the output's top.
    public static let fileName = "tale-manifest.json"

    /// The manifest for files of these sizes, by path, with `sha256` giving each one's hex SHA-256.
    public static func make(sizes: [String: Int], sha256: (String) -> String) -> String {
        make(OutputTable(sizes.map { OutputTable.Entry(path: $0.key, sha256: Digest(hex: sha256($0.key))!, bytes: $0.value, isCompressedCopy: false) }))
    }

    /// The manifest for `table`.
    public static func make(_ table: OutputTable) -> String { String(decoding: write(table).bytes, as: UTF8.self) }

    /// A manifest as written: its bytes, and where each entry's text lies in them.
    public struct Written: Sendable {
        /// The manifest's text.
        public var bytes: [UInt8]
        /// For each entry of the table, the start and end of its text (`{` to `}` with the line before).
        public var entries: [Range<Int>]

        /// A manifest of its parts.
        public init(bytes: [UInt8], entries: [Range<Int>]) {
            self.bytes = bytes
            self.entries = entries
        }
    }

    /// The last build's manifest, for `write` to copy entries from.
    public struct Previous {
        /// The last manifest.
        public var written: Written
        /// For each entry of the new table, the entry of the last manifest with the same text, if any.
        public var sameEntry: [Int?]

        /// The last manifest and how the new table's entries match it.
        public init(written: Written, sameEntry: [Int?]) {
            self.written = written
            self.sameEntry = sameEntry
        }
    }

    /// The manifest for `table`: the same text as `JSONValue` would write with an indent of 2,
    /// written directly. A large library's manifest lists tens of thousands of files and an edit
    /// changes a few, so an entry the last manifest wrote the same is copied from it; a full build
    /// writes the entries in parallel parts.
    public static func write(_ table: OutputTable, reusing previous: Previous? = nil) -> Written {
        let entries = table.entries
        var out: [UInt8] = Array("{\n  \"generator\": \"tale\",\n  \"version\": 1,\n  \"files\": ".utf8)
        guard !entries.isEmpty else { return Written(bytes: out + Array("[]\n}\n".utf8), entries: []) }
        out.append(UInt8(ascii: "["))
        var ranges: [Range<Int>] = []
        ranges.reserveCapacity(entries.count)
        if let previous {
            out.reserveCapacity(previous.written.bytes.count + 4096)
            var writer = EntryWriter()
            var index = 0
            while index < entries.count {
                guard let same = previous.sameEntry[index] else {
                    if index > 0 { out.append(UInt8(ascii: ",")) }
                    let start = out.count
                    writer.append(entries[index], to: &out)
                    ranges.append(start..<out.count)
                    index += 1
                    continue
                }
                // A run of entries that follow each other in the last manifest too is one copy, commas and all.
                var last = index
                while last + 1 < entries.count, previous.sameEntry[last + 1] == same + (last + 1 - index) { last += 1 }
                if index > 0 { out.append(UInt8(ascii: ",")) }
                let old = previous.written.entries
                let shift = out.count - old[same].lowerBound
                out.append(contentsOf: previous.written.bytes[old[same].lowerBound..<old[same + last - index].upperBound])
                for copied in same...(same + last - index) { ranges.append((old[copied].lowerBound + shift)..<(old[copied].upperBound + shift)) }
                index = last + 1
            }
        } else {
            let parts = ProcessInfo.processInfo.activeProcessorCount * 2
            let size = (entries.count + parts - 1) / parts
            let written = ParallelMap.map(Array(stride(from: 0, to: entries.count, by: size))) { first in
                var writer = EntryWriter()
                var bytes: [UInt8] = [], local: [Range<Int>] = []
                bytes.reserveCapacity(size * 260)
                for index in first..<min(first + size, entries.count) {
                    if index > 0 { bytes.append(UInt8(ascii: ",")) }
                    let start = bytes.count
                    writer.append(entries[index], to: &bytes)
                    local.append(start..<bytes.count)
                }
                return (bytes, local)
            }
            for (bytes, local) in written {
                let shift = out.count
                out.append(contentsOf: bytes)
                ranges.append(contentsOf: local.map { ($0.lowerBound + shift)..<($0.upperBound + shift) })
            }
        }
        out.append(contentsOf: "\n  ]\n}\n".utf8)
        return Written(bytes: out, entries: ranges)
    }

    /// Writes one entry's text, remembering each file ending's content type.
    private struct EntryWriter {
        var types: [Substring: String] = [:]

        mutating func append(_ entry: OutputTable.Entry, to out: inout [UInt8]) {
            out.append(contentsOf: "\n    {\n      \"path\": ".utf8)
            JSONValue.appendQuoted(entry.path, to: &out)
            out.append(contentsOf: ",\n      \"sha256\": \"".utf8)
            entry.sha256.appendHex(to: &out)
            out.append(contentsOf: "\",\n      \"bytes\": ".utf8)
            out.append(contentsOf: String(entry.bytes).utf8)
            out.append(contentsOf: ",\n      \"content_type\": ".utf8)
            JSONValue.appendQuoted(contentType(entry.path), to: &out)
            out.append(contentsOf: ",\n      \"cache_control\": ".utf8)
            JSONValue.appendQuoted(ContentTypes.cacheControl(entry.path), to: &out)
            out.append(contentsOf: "\n    }".utf8)
        }

        /// One lookup per ending (from the last dot): most of the files share a handful.
        private mutating func contentType(_ path: String) -> String {
            if let named = ContentTypes.byName[path] { return named }
            let ending = path[(path.utf8.lastIndex(of: UInt8(ascii: ".")) ?? path.endIndex)...]
            if let known = types[ending] { return known }
            let type = ContentTypes.of(path) ?? "application/octet-stream"
            types[ending] = type
            return type
        }
    }
}
