import TaleCore

/// Every file of a build's output, sorted by path, with its hash and size: what the manifest lists
/// and what the build index keeps. A large library's output runs to tens of thousands of files, and
/// an edit changes a handful: a build after an edit merges the few new entries into the last
/// table in one pass, rather than putting every path through dictionaries again.
public struct OutputTable: Sendable, Equatable {
    /// One output file.
    public struct Entry: Sendable, Equatable {
        /// Relative to the output folder.
        public var path: String
        /// SHA-256 of the content.
        public var sha256: Digest
        /// The size, in bytes.
        public var bytes: Int
        /// A `.gz` sibling the build compressed from another file of the table.
        public var isCompressedCopy: Bool

        /// An entry of its parts.
        public init(path: String, sha256: Digest, bytes: Int, isCompressedCopy: Bool) {
            self.path = path
            self.sha256 = sha256
            self.bytes = bytes
            self.isCompressedCopy = isCompressedCopy
        }
    }

    /// Sorted by path, each path once.
    public private(set) var entries: [Entry]

    /// A table of `entries`, in any order.
    public init(_ entries: [Entry]) {
        self.entries = entries.sorted { $0.path < $1.path }
    }

    /// A table of entries already sorted by path (read back from the index).
    public init(sorted entries: [Entry]) { self.entries = entries }

    /// The position of `path`, by binary search.
    public func position(of path: String) -> Int? {
        var low = 0, high = entries.count
        while low < high {
            let middle = (low + high) / 2
            if entries[middle].path < path { low = middle + 1 } else { high = middle }
        }
        return low < entries.count && entries[low].path == path ? low : nil
    }

    /// The entry for `path`.
    public subscript(path: String) -> Entry? { position(of: path).map { entries[$0] } }

    /// This table's entries where `kept` is true, merged with `added` (which win over an entry of the
    /// same path); and for each old position, where its path is in the result (nil when it is gone).
    public func merged(keeping kept: [Bool], with added: [Entry]) -> (table: OutputTable, moved: [Int?]) {
        let added = added.sorted { $0.path < $1.path }
        var result: [Entry] = []
        result.reserveCapacity(entries.count + added.count)
        var moved = [Int?](repeating: nil, count: entries.count)
        var old = 0, new = 0
        while old < entries.count || new < added.count {
            if new < added.count && (old == entries.count || added[new].path < entries[old].path) {
                result.append(added[new])
                new += 1
            } else if new < added.count && added[new].path == entries[old].path {
                moved[old] = result.count
                result.append(added[new])
                new += 1
                old += 1
            } else {
                if kept[old] {
                    moved[old] = result.count
                    result.append(entries[old])
                }
                old += 1
            }
        }
        return (OutputTable(sorted: result), moved)
    }

    /// A short hash of every path and content the service worker's version covers: every file but
    /// the compressed copies, the service worker itself, `_headers` and the manifest. The same build,
    /// the same version.
    public func version() -> String {
        // One buffer and one hash: a call into the hasher per path cost more than the hashing.
        var text: [UInt8] = []
        text.reserveCapacity(entries.count * 120)
        for entry in entries where !entry.isCompressedCopy && !OutputTable.madeAfterVersion.contains(entry.path) {
            text.append(contentsOf: entry.path.utf8)
            text.append(0)
            entry.sha256.appendBytes(to: &text)
        }
        return String(SHA256.hex(text).prefix(16))
    }

    /// Files the build makes after it has taken the version.
    public static let madeAfterVersion: Set<String> = ["sw.js", "_headers", OutputManifest.fileName]
}
