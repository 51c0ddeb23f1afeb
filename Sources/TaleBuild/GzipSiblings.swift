import TaleOutput
import TaleZip

/// The `.gz` copies a published site keeps beside its larger text files, for hosts that serve them
/// to browsers that accept gzip: made by the site files stage, and again by the write stage for a
/// kept copy found written into.
enum GzipSiblings {
    /// Text files smaller than this get no `.gz` sibling.
    static let threshold = 1024

    /// The zlib level of the `.gz` siblings.
    static let level: Int32 = 6

    /// Whether the output `path` of `size` bytes gets a `.gz` sibling: a text file of at least `threshold` bytes.
    static func isWanted(_ path: String, size: Int) -> Bool {
        size >= threshold && ContentTypes.compressible.contains(ContentTypes.fileExtension(path))
    }

    /// `bytes` as a `.gz` sibling; nil when zlib fails.
    static func compress(_ bytes: [UInt8]) -> [UInt8]? { try? Deflate.gzip(bytes, level: level) }
}
