import TaleCore
import TaleOutput
import TaleRender

/// One book's finished results as the shared cache holds them: what a build needs to put the book
/// in the site without reading, checking, generating, analysing or rendering it. Its files are
/// named by content (blobs); the record names them by output path.
struct BookRecord: Sendable {
    /// Bump when the record's form or what a book's results mean changes.
    static let version = 1

    /// One output file of the book.
    struct File: Sendable, Equatable {
        var path: String
        /// Its hex SHA-256, the blob's name.
        var sha256: String
        var size: Int
        /// A `.gz` sibling of another file of the book.
        var isCompressedCopy: Bool
    }

    /// The book's slug.
    var name: String
    /// What the library, search index, sitemap and feed show of it.
    var listing: BookListing
    /// Its output files, `.gz` siblings included, sorted by path.
    var files: [File]
    /// Its warnings, printed again by the build that takes it (a book with errors is never stored).
    var diagnostics: [Diagnostic]
    /// Its links to other books, checked again by the build that takes it.
    var links: [BuildIndex.BookLink]

    /// The record as stored.
    func encoded() -> [UInt8] {
        var out = IndexWriter(capacity: 1024 + files.count * 120)
        out.string("tale-book-record")
        out.int(BookRecord.version)
        out.string(name)
        BuildIndex.encode(listing, into: &out)
        out.int(files.count)
        for file in files {
            out.string(file.path)
            out.string(file.sha256)
            out.int(file.size)
            out.bool(file.isCompressedCopy)
        }
        BuildIndex.encode(diagnostics, links: links, into: &out)
        return out.bytes
    }

    /// A stored record, or nil when the bytes are not a whole record of this version (then the book is built).
    static func decode(_ bytes: [UInt8]) -> BookRecord? {
        var input = IndexReader(bytes)
        guard input.string() == "tale-book-record", input.int() == version, let name = input.string(),
              let listing = BuildIndex.decodeListing(&input), let fileCount = input.count() else { return nil }
        var files: [File] = []
        for _ in 0..<fileCount {
            guard let path = input.string(), let sha256 = input.string(), sha256.utf8.count == 64, let size = input.int(),
                  let compressed = input.bool() else { return nil }
            files.append(File(path: path, sha256: sha256, size: size, isCompressedCopy: compressed))
        }
        guard let (diagnostics, links) = BuildIndex.decodeDiagnosticsAndLinks(&input) else { return nil }
        guard input.atEnd else { return nil }
        return BookRecord(name: name, listing: listing, files: files, diagnostics: diagnostics, links: links)
    }
}

/// A book taken whole from the shared cache: its record, and each file as a copy of its blob.
struct CachedBook: Sendable {
    var record: BookRecord
    /// Output path to the local blob file it is copied from.
    var copies: [(path: String, copy: SourceCopy)]
}
