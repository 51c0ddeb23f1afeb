import TaleCore
import TaleOutput
import TaleRender

/// The build index as stored: `IndexWriter` and `IndexReader` fields, in the order written here.
extension BuildIndex {
    /// The index is stored as its header, then its body. The header says what the build was made
    /// with and how the output looked after it: made last, when the output is written.
    func encodedHeader() -> [UInt8] {
        var out = IndexWriter(capacity: 1024)
        out.string("tale-build-index")
        out.int(BuildIndex.version)
        out.string(header.tool)
        out.string(header.site)
        out.string(header.options)
        out.string(header.manifest)
        out.string(header.folders)
        out.string(header.shadow)
        return out.bytes
    }

    /// The folders, files and books: made while the output is being written.
    func encodedBody() -> [UInt8] {
        var out = IndexWriter(capacity: 256 + files.entries.count * 80 + books.count * 2048)
        out.strings(folders)
        out.int(files.entries.count)
        for entry in files.entries {
            out.string(entry.path)
            out.digest(entry.sha256)
            out.int(entry.bytes)
            out.bool(entry.isCompressedCopy)
        }
        out.int(manifestEntries.count)
        for range in manifestEntries {
            out.int(range.lowerBound)
            out.int(range.count)
        }
        out.int(books.count)
        for name in books.keys.sorted() {
            let book = books[name]!
            out.string(book.name)
            out.string(book.fingerprint)
            out.bool(book.isSkippedDraft)
            out.bool(book.listing != nil)
            if let listing = book.listing { BuildIndex.encode(listing, into: &out) }
            out.bool(book.card != nil)
            if let card = book.card {
                out.string(card.page)
                out.string(card.html)
            }
            out.int(book.files.count)
            for position in book.files { out.int(position) }
            BuildIndex.encode(book.diagnostics, links: book.links, into: &out)
        }
        return out.bytes
    }

    static func decode(_ input: inout IndexReader) -> BuildIndex? {
        guard input.string() == "tale-build-index", input.int() == version,
              let tool = input.string(), let site = input.string(), let options = input.string(), let manifest = input.string(),
              let folderHash = input.string(), let shadowHash = input.string(), let folders = input.strings(),
              let fileCount = input.count() else { return nil }
        var entries: [OutputTable.Entry] = []
        entries.reserveCapacity(fileCount)
        for _ in 0..<fileCount {
            guard let path = input.string(), let sha = input.digest(), let bytes = input.int(), let compressed = input.bool() else { return nil }
            // The table must come back sorted, as it was written; anything else is a damaged index.
            guard entries.last.map({ $0.path < path }) ?? true else { return nil }
            entries.append(OutputTable.Entry(path: path, sha256: sha, bytes: bytes, isCompressedCopy: compressed))
        }
        guard let rangeCount = input.count() else { return nil }
        var manifestEntries: [Range<Int>] = []
        manifestEntries.reserveCapacity(rangeCount)
        for _ in 0..<rangeCount {
            guard let start = input.int(), let length = input.int(), start <= Int.max - length else { return nil }
            manifestEntries.append(start..<start + length)
        }
        guard let bookCount = input.count() else { return nil }
        var books: [String: Book] = [:]
        for _ in 0..<bookCount {
            guard let name = input.string(), let fingerprint = input.string(), let isDraft = input.bool(),
                  let hasListing = input.bool() else { return nil }
            var listing: BookListing?
            if hasListing {
                guard let decoded = decodeListing(&input) else { return nil }
                listing = decoded
            }
            guard let hasCard = input.bool() else { return nil }
            var card: (page: String, html: String)?
            if hasCard {
                guard let page = input.string(), let html = input.string() else { return nil }
                card = (page, html)
            }
            guard let fileCount = input.count() else { return nil }
            var files: [Int] = []
            for _ in 0..<fileCount {
                guard let position = input.int(), entries.indices.contains(position) else { return nil }
                files.append(position)
            }
            guard let (diagnostics, links) = decodeDiagnosticsAndLinks(&input) else { return nil }
            books[name] = Book(name: name, fingerprint: fingerprint, isSkippedDraft: isDraft, listing: listing, card: card,
                               files: files, diagnostics: diagnostics, links: links)
        }
        guard input.atEnd else { return nil }
        let header = Header(tool: tool, site: site, options: options, manifest: manifest, folders: folderHash, shadow: shadowHash)
        return BuildIndex(header: header, files: OutputTable(sorted: entries), folders: folders, manifestEntries: manifestEntries, books: books)
    }

    /// A book's warnings and its links to other books (the index's and the shared cache's records).
    static func encode(_ diagnostics: [Diagnostic], links: [BookLink], into out: inout IndexWriter) {
        out.int(diagnostics.count)
        for diagnostic in diagnostics {
            out.string(diagnostic.severity.rawValue)
            encode(diagnostic.location, into: &out)
            out.string(diagnostic.message)
            out.optional(diagnostic.hint)
        }
        out.int(links.count)
        for link in links {
            out.string(link.destination)
            encode(link.location, into: &out)
        }
    }

    /// What `encode(_:links:into:)` wrote, or nil.
    static func decodeDiagnosticsAndLinks(_ input: inout IndexReader) -> ([Diagnostic], [BookLink])? {
        guard let diagnosticCount = input.count() else { return nil }
        var diagnostics: [Diagnostic] = []
        for _ in 0..<diagnosticCount {
            guard let severity = input.string().flatMap(Severity.init(rawValue:)), let location = decodeLocation(&input),
                  let message = input.string(), let hint = input.optional() else { return nil }
            diagnostics.append(Diagnostic(severity, at: location, message, hint: hint))
        }
        guard let linkCount = input.count() else { return nil }
        var links: [BookLink] = []
        for _ in 0..<linkCount {
            guard let destination = input.string(), let location = decodeLocation(&input) else { return nil }
            links.append(BookLink(destination: destination, location: location))
        }
        return (diagnostics, links)
    }

    static func encode(_ location: SourceLocation, into out: inout IndexWriter) {
        out.string(location.file)
        out.int(location.line)
        out.int(location.column)
    }

    static func decodeLocation(_ input: inout IndexReader) -> SourceLocation? {
        guard let file = input.string(), let line = input.int(), let column = input.int() else { return nil }
        return SourceLocation(file: file, line: line, column: column)
    }

    private static func encode(_ image: ImageView, into out: inout IndexWriter) {
        out.string(image.path)
        out.string(image.alt)
        // Sizes are stored one up, so that 0 can stand for none.
        out.int(image.width.map { $0 + 1 } ?? 0)
        out.int(image.height.map { $0 + 1 } ?? 0)
        out.int(image.variants.count)
        for variant in image.variants {
            out.string(variant.path)
            out.int(variant.width)
        }
    }

    private static func decodeImage(_ input: inout IndexReader) -> ImageView? {
        guard let path = input.string(), let alt = input.string(), let width = input.int(), let height = input.int(),
              let variantCount = input.count() else { return nil }
        var image = ImageView(path: path, alt: alt, width: width == 0 ? nil : width - 1, height: height == 0 ? nil : height - 1)
        for _ in 0..<variantCount {
            guard let variant = input.string(), let variantWidth = input.int() else { return nil }
            image.variants.append((variant, variantWidth))
        }
        return image
    }

    static func encode(_ listing: BookListing, into out: inout IndexWriter) {
        out.string(listing.slug)
        out.string(listing.title)
        out.optional(listing.author)
        out.optional(listing.summary)
        out.optional(listing.premise)
        out.strings(listing.tags)
        out.optional(listing.age)
        out.string(listing.ageTier.rawValue)
        out.string(listing.language)
        out.optional(listing.date)
        encode(listing.cover, into: &out)
        out.bool(listing.thumbnail != nil)
        if let thumbnail = listing.thumbnail { encode(thumbnail, into: &out) }
        out.int(listing.sceneCount)
        out.optional(listing.stats)
        out.bool(listing.hasEPUB)
    }

    static func decodeListing(_ input: inout IndexReader) -> BookListing? {
        guard let slug = input.string(), let title = input.string(), let author = input.optional(), let summary = input.optional(),
              let premise = input.optional(), let tags = input.strings(), let age = input.optional(),
              let tier = input.string().flatMap(AgeTier.init(rawValue:)), let language = input.string(), let date = input.optional(),
              let cover = decodeImage(&input), let hasThumbnail = input.bool() else { return nil }
        var thumbnail: ImageView?
        if hasThumbnail {
            guard let decoded = decodeImage(&input) else { return nil }
            thumbnail = decoded
        }
        guard let sceneCount = input.int(), let stats = input.optional(), let hasEPUB = input.bool() else { return nil }
        return BookListing(slug: slug, title: title, author: author, summary: summary, premise: premise, tags: tags, age: age,
                           ageTier: tier, language: language, date: date, cover: cover, thumbnail: thumbnail,
                           sceneCount: sceneCount, stats: stats, hasEPUB: hasEPUB)
    }
}
