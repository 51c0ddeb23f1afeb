import Foundation
import TaleCore
import TaleRender

/// `.tale-cache/build-index-<output>`: what the last successful `tale build` into an output wrote,
/// so that the next one renders only the books whose folders changed. It holds every output file's
/// hash and size (`OutputTable`), the output's folders, and for each book its folder's fingerprint,
/// what the library, search index, sitemap and feed show of it (`BookListing`, and its library
/// card), the files it owns, its warnings and its links to other books. A build uses it only when
/// the tool, theme, config, options and output are as they were; otherwise it builds in full and
/// writes a new one.
public struct BuildIndex: Sendable {
    /// Bump when the format or anything it records changes meaning.
    static let version = 5

    /// What the build was made with and wrote: the index is used only when all of it is the same now.
    struct Header: Equatable, Sendable {
        /// `IncrementalBuild.toolIdentity`: a new build of Tale does not trust an older index.
        var tool: String
        /// The theme and config fingerprint.
        var site: String
        /// The options that change the output.
        var options: String
        /// `tale-manifest.json` as `stat` saw it after the write: a changed or replaced output is not trusted.
        var manifest: String
        /// A hash of how `stat` saw each of the output's folders after the write: a file added,
        /// removed or renamed in the output since changes its folder's times.
        var folders: String
        /// The same of the output's twin (`OutputWriter.shadow`), which the next build changes and swaps in.
        var shadow: String
    }

    /// A link from a scene to another book, checked again on every build (the target may be gone).
    struct BookLink: Equatable, Sendable {
        var destination: String
        var location: SourceLocation
    }

    /// One folder of `content/` as the last build left it.
    struct Book: Sendable {
        /// The folder's name (the book's slug).
        var name: String
        /// `BuildCache.fingerprint(ofBookAt:)` of the folder.
        var fingerprint: String
        /// A draft the build left out; such an entry has no listing and no files.
        var isSkippedDraft: Bool
        var listing: BookListing?
        /// The library card: the hash of the page it was rendered with, and its HTML.
        var card: (page: String, html: String)?
        /// The output files the book made, with their compressed copies and shared media, by position in the table.
        var files: [Int]
        /// Its warnings (a build with errors writes no index).
        var diagnostics: [Diagnostic]
        var links: [BookLink]
    }

    var header: Header
    /// Every output file but the manifest.
    var files: OutputTable
    /// Every folder of the output, the top one as "".
    var folders: [String]
    /// Where each file's entry lies in the manifest the build wrote, so the next build can copy it.
    var manifestEntries: [Range<Int>]
    /// Every book folder, by name.
    var books: [String: Book]

    /// An index from its parts.
    init(header: Header, files: OutputTable, folders: [String], manifestEntries: [Range<Int>], books: [String: Book]) {
        self.header = header
        self.files = files
        self.folders = folders
        self.manifestEntries = manifestEntries
        self.books = books
    }

    /// The index of the build in `context`, just written as `table` (every output but the manifest);
    /// `moved` says where each file of the last build's table is in it.
    init(_ context: BuildContext, table: OutputTable, moved: [Int?], manifest: [Range<Int>], tool: String) {
        var warnings: [String: [Diagnostic]] = [:]
        for diagnostic in context.diagnostics.all {
            let parts = diagnostic.location.file.split(separator: "/", maxSplits: 2)
            guard parts.count == 3, parts[0] == "content" else { continue }
            warnings[String(parts[1]), default: []].append(diagnostic)
        }
        let memo = context.cardMemo
        func card(_ name: String) -> (page: String, html: String)? { memo?.card(name).map { ($0.page, $0.html) } }
        var books: [String: Book] = [:]
        for carried in context.carried {
            var book = carried
            book.card = card(book.name)
            book.files = carried.files.compactMap { moved[$0] }
            books[book.name] = book
        }
        let listings = Dictionary(uniqueKeysWithValues: context.listings.map { ($0.slug, $0) })
        let contentFolder = context.options.project.appending(path: "content")
        // A rendered book's folder is fingerprinted again: generation may have written into it.
        let fingerprints = ParallelMap.map(context.books) { BuildCache.fingerprint(ofBookAt: contentFolder.appending(path: $0.slug).path) }
        for (book, fingerprint) in zip(context.books, fingerprints) {
            let paths = context.bookPaths[book.slug] ?? []
            let files = (paths.compactMap(table.position(of:)) + paths.compactMap { table.position(of: $0 + ".gz") }).sorted()
            books[book.slug] = Book(name: book.slug, fingerprint: fingerprint, isSkippedDraft: false, listing: listings[book.slug],
                                    card: card(book.slug), files: files, diagnostics: warnings[book.slug] ?? [], links: CheckStage.bookLinks(book))
        }
        for name in context.skippedDrafts where books[name] == nil {
            guard let fingerprint = context.fingerprints[name] else { continue }
            books[name] = Book(name: name, fingerprint: fingerprint, isSkippedDraft: true, listing: nil, card: nil, files: [],
                               diagnostics: warnings[name] ?? [], links: [])
        }
        folders = BuildIndex.folders(of: table, moved: moved, previous: context.previousBuild)
        // The output's identities are taken once it is written (`stamp`).
        header = Header(tool: tool, site: context.siteFingerprint, options: BuildIndex.optionsKey(context.options),
                        manifest: "", folders: "", shadow: "")
        files = table
        manifestEntries = manifest
        self.books = books
    }

    /// Records how `stat` sees the output just written, its manifest and its twin.
    mutating func stamp(output: URL) {
        header.manifest = BuildIndex.identity(of: output.appending(path: OutputManifest.fileName))
        header.folders = BuildIndex.identity(ofFolders: folders, in: output)
        header.shadow = BuildIndex.identity(ofFolders: folders, in: OutputWriter.shadow(for: output))
    }

    /// The manifest this index's build wrote, read back for the next one to copy unchanged entries
    /// from; nil when it cannot be read as recorded.
    func manifest(in output: URL, for table: OutputTable, moved: [Int?]) -> OutputManifest.Previous? {
        guard manifestEntries.count == files.entries.count,
              let data = FileManager.default.contents(atPath: output.appending(path: OutputManifest.fileName).path),
              manifestEntries.allSatisfy({ $0.upperBound <= data.count }) else { return nil }
        var same = [Int?](repeating: nil, count: table.entries.count)
        for (old, new) in moved.enumerated() {
            guard let new else { continue }
            let before = files.entries[old], now = table.entries[new]
            if before.path == now.path && before.sha256 == now.sha256 && before.bytes == now.bytes { same[new] = old }
        }
        return OutputManifest.Previous(written: OutputManifest.Written(bytes: Array(data), entries: manifestEntries), sameEntry: same)
    }

    /// Every folder holding a file of `table`, the top one as "". After an edit that removed no
    /// file and whose new files sit in folders the last build had, those are the last build's.
    static func folders(of table: OutputTable, moved: [Int?], previous: BuildIndex?) -> [String] {
        if let previous, !moved.contains(nil) {
            var carried = [Bool](repeating: false, count: table.entries.count)
            for position in moved { if let position { carried[position] = true } }
            let known = Set(previous.folders)
            let newFolders = table.entries.indices.lazy.filter { !carried[$0] }.map { index -> String in
                let path = table.entries[index].path
                return path.utf8.lastIndex(of: UInt8(ascii: "/")).map { String(path[..<$0]) } ?? ""
            }
            if newFolders.allSatisfy(known.contains) { return previous.folders }
        }
        return folders(of: table)
    }

    /// Every folder holding a file of `table`, the top one as "".
    static func folders(of table: OutputTable) -> [String] {
        var folders: Set<String> = [""]
        var last: Substring = ""
        for entry in table.entries {
            let path = entry.path
            guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { continue }
            let folder = path[..<slash]
            // Sorted paths keep a folder's files together: most entries repeat the folder before them.
            if folder == last { continue }
            last = folder
            var parent = folder
            while folders.insert(String(parent)).inserted, let up = parent.utf8.lastIndex(of: UInt8(ascii: "/")) { parent = parent[..<up] }
        }
        return folders.sorted()
    }

    /// A hash of how `stat` sees each of `folders` in `output`: inode, modification and change times.
    static func identity(ofFolders folders: [String], in output: URL) -> String {
        // Relative to the output's own descriptor, so the kernel does not walk the whole path for
        // each folder, and on every core.
        let root = open(output.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard root >= 0 else { return "" }
        defer { close(root) }
        let seen = ParallelMap.map(folders) { folder -> (Int, Int, Int, Int, Int)? in
            var info = stat()
            guard fstatat(root, folder.isEmpty ? "." : folder, &info, AT_SYMLINK_NOFOLLOW) == 0 else { return nil }
            return (Int(info.st_ino), info.st_mtim.tv_sec, info.st_mtim.tv_nsec, info.st_ctim.tv_sec, info.st_ctim.tv_nsec)
        }
        var text: [UInt8] = []
        text.reserveCapacity(folders.count * 80)
        for (folder, numbers) in zip(folders, seen) {
            guard let numbers else { return "" }
            text.append(contentsOf: folder.utf8)
            text.append(0)
            withUnsafeBytes(of: numbers) { text.append(contentsOf: $0) }
        }
        return SHA256.hex(text)
    }

    /// Where the index of builds of `project` into `output` lives: one per output folder, so that
    /// building into public/ and into another folder in turn does not make each build a full one.
    static func file(for project: URL, output: URL) -> URL {
        project.appending(path: ".tale-cache/build-index-\(SHA256.hex(output.standardizedFileURL.path).prefix(16))")
    }

    /// The index of builds of `project` into `output`, or nil when there is none or it cannot be read (then the build is full).
    static func read(project: URL, output: URL) -> BuildIndex? {
        guard let data = FileManager.default.contents(atPath: file(for: project, output: output).path) else { return nil }
        var reader = IndexReader(Array(data))
        return decode(&reader)
    }

    /// Writes the index in one step (a new file renamed over the old).
    func write(project: URL, output: URL, body: [UInt8]? = nil) throws(TaleError) {
        let target = BuildIndex.file(for: project, output: output)
        let folder = target.deletingLastPathComponent()
        let temporary = folder.appending(path: ".build-index-\(getpid())")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let bytes = encodedHeader() + (body ?? encodedBody())
        let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        let written = descriptor < 0 ? -1 : bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
        if descriptor >= 0 { close(descriptor) }
        guard written == bytes.count else {
            let reason = String(cString: strerror(errno))
            unlink(temporary.path)
            throw .io(path: target.path, reason: "cannot write the build index: \(reason)")
        }
        guard rename(temporary.path, target.path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw .io(path: target.path, reason: "cannot write the build index: \(reason)")
        }
    }

    /// Removes the index before the output is changed in place: a build killed halfway must not
    /// leave an index that describes files it did not finish writing.
    static func remove(project: URL, output: URL) {
        unlink(file(for: project, output: output).path)
    }

    /// The options a build's output depends on, as one string.
    static func optionsKey(_ options: BuildOptions) -> String {
        let epoch = options.environment["SOURCE_DATE_EPOCH"] ?? "-"
        return "drafts=\(options.includeDrafts) approved=\(options.requireApproved) publishing=\(options.forPublishing) "
            + "epoch=\(epoch) output=\(options.output.path)"
    }

    /// How `stat` sees a file: device, inode, size, modification and change times. Empty when it is missing.
    static func identity(of file: URL) -> String {
        var info = stat()
        guard stat(file.path, &info) == 0 else { return "" }
        return "\(info.st_dev) \(info.st_ino) \(info.st_size) \(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec) "
            + "\(info.st_ctim.tv_sec).\(info.st_ctim.tv_nsec)"
    }

    /// Whether a build in `context` may carry books over from this index: the tool, theme, config
    /// and options are the same, and the output and its twin are as the last build left them (the
    /// manifest, and each folder, as `stat` sees them). A file changed in place by hand, leaving its folder
    /// alone, is not noticed; `tale build --force` writes everything again.
    func accepts(_ context: BuildContext) -> Bool {
        guard let tool = context.options.incremental?.tool, !header.manifest.isEmpty else { return false }
        let output = context.options.output
        let now = Header(tool: tool, site: context.siteFingerprint, options: BuildIndex.optionsKey(context.options),
                         manifest: BuildIndex.identity(of: output.appending(path: OutputManifest.fileName)),
                         folders: header.folders, shadow: header.shadow)
        return now == header && BuildIndex.identity(ofFolders: folders, in: output) == header.folders
            && BuildIndex.identity(ofFolders: folders, in: OutputWriter.shadow(for: output)) == header.shadow
    }

    /// The library cards the last build rendered, by book.
    func cardMemo() -> CardMemo {
        var cards: [String: CardMemo.Card] = [:]
        for (name, book) in books {
            if let card = book.card, let listing = book.listing { cards[name] = CardMemo.Card(page: card.page, listing: listing, html: card.html) }
        }
        return CardMemo(cards)
    }
}

// MARK: - Binary form

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
            out.int(book.diagnostics.count)
            for diagnostic in book.diagnostics {
                out.string(diagnostic.severity.rawValue)
                BuildIndex.encode(diagnostic.location, into: &out)
                out.string(diagnostic.message)
                out.optional(diagnostic.hint)
            }
            out.int(book.links.count)
            for link in book.links {
                out.string(link.destination)
                BuildIndex.encode(link.location, into: &out)
            }
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
            books[name] = Book(name: name, fingerprint: fingerprint, isSkippedDraft: isDraft, listing: listing, card: card,
                               files: files, diagnostics: diagnostics, links: links)
        }
        guard input.atEnd else { return nil }
        let header = Header(tool: tool, site: site, options: options, manifest: manifest, folders: folderHash, shadow: shadowHash)
        return BuildIndex(header: header, files: OutputTable(sorted: entries), folders: folders, manifestEntries: manifestEntries, books: books)
    }

    private static func encode(_ location: SourceLocation, into out: inout IndexWriter) {
        out.string(location.file)
        out.int(location.line)
        out.int(location.column)
    }

    private static func decodeLocation(_ input: inout IndexReader) -> SourceLocation? {
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

    private static func encode(_ listing: BookListing, into out: inout IndexWriter) {
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

    private static func decodeListing(_ input: inout IndexReader) -> BookListing? {
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

/// What `tale build` hands the stages so that a build can carry unchanged books over from the last
/// one: the running tool's identity, the last build's index (nil for a full build), and a lock that
/// makes builds into the same output wait for each other, since each reads the index, changes the
/// output and writes the index.
public struct IncrementalBuild: Sendable {
    /// `toolIdentity(version:)` of the running tool.
    public var tool: String
    /// The index the last build left, when there is one and it is to be used. It is read on
    /// another thread while the build loads its config and lists its books; this waits for it.
    var previous: BuildIndex? { reading.value }
    private let reading: Pending<BuildIndex?>
    /// Held for as long as the build: released when the last copy of this value is gone.
    private let lock: BuildLock

    /// The identity of the running tool: its version, and the executable's size and time.
    public static func toolIdentity(version: String) -> String {
        var info = stat()
        guard stat("/proc/self/exe", &info) == 0 else { return version }
        return "\(version) \(info.st_size) \(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)"
    }

    /// Reads `project`'s index unless `force` asks for a full build. Either way, the build writes a new index.
    public init(project: URL, output: URL, tool: String, force: Bool) {
        self.tool = tool
        lock = BuildLock(BuildIndex.file(for: project, output: output).path + ".lock")
        reading = Pending { force ? nil : BuildIndex.read(project: project, output: output) }
    }
}

/// A value made on another thread, waited for when it is first asked for.
final class Pending<Value: Sendable>: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var result: Value?
    private let lock = NSLock()

    init(_ make: @escaping @Sendable () -> Value) {
        Thread.detachNewThread { [self] in
            let made = make()
            lock.withLock { result = made }
            done.signal()
        }
    }

    /// The value, once made.
    var value: Value {
        // Each wait gives the signal back, so every later wait passes at once.
        done.wait()
        done.signal()
        return lock.withLock { result! }
    }
}

/// An exclusive `flock(2)` on a file, taken when made (waiting for another holder) and let go when freed.
final class BuildLock: Sendable {
    private let descriptor: Int32

    init(_ path: String) {
        try? FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        descriptor = open(path, O_CREAT | O_RDWR | O_CLOEXEC, 0o644)
        // Without a lock file (a read-only project) the build goes on unlocked, as it did before there was one.
        if descriptor >= 0 { flock(descriptor, LOCK_EX) }
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
    }
}
