import Foundation
import TaleCore
import TaleOutput
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
    /// When the index file was written, which is after every file of its build: a file of the
    /// twin last changed before then is as that build wrote it, unless its time was set back by
    /// hand. Nil for an index not read from a file.
    var writtenAt: timespec?

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
        let warnings = context.warningsByBook()
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
        // The positions of the files a book made, with their compressed copies.
        func positions(_ name: String) -> [Int] {
            let paths = context.bookPaths[name] ?? []
            return (paths.compactMap(table.position(of:)) + paths.compactMap { table.position(of: $0 + ".gz") }).sorted()
        }
        for (book, fingerprint) in zip(context.books, fingerprints) {
            books[book.slug] = Book(name: book.slug, fingerprint: fingerprint, isSkippedDraft: false, listing: listings[book.slug],
                                    card: card(book.slug), files: positions(book.slug), diagnostics: warnings[book.slug] ?? [], links: BookLinks.leaving(book))
        }
        for cached in context.fromCache {
            let name = cached.record.name
            guard let fingerprint = context.fingerprints[name] else { continue }
            books[name] = Book(name: name, fingerprint: fingerprint, isSkippedDraft: false, listing: cached.record.listing,
                               card: card(name), files: positions(name), diagnostics: cached.record.diagnostics, links: cached.record.links)
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
        let path = file(for: project, output: output).path
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        var reader = IndexReader(Array(data))
        var index = decode(&reader)
        var info = stat()
        if stat(path, &info) == 0 { index?.writtenAt = info.st_mtim }
        return index
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

    /// The options a build's output depends on, and the output folder, as one string.
    static func optionsKey(_ options: BuildOptions) -> String {
        contentOptionsKey(options) + " output=\(options.output.path)"
    }

    /// The options that change what a build makes, wherever it writes it (the shared cache's keys hold these).
    static func contentOptionsKey(_ options: BuildOptions) -> String {
        let epoch = options.environment["SOURCE_DATE_EPOCH"] ?? "-"
        return "drafts=\(options.includeDrafts) approved=\(options.requireApproved) publishing=\(options.forPublishing) epoch=\(epoch)"
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
        guard let tool = context.memo.disk?.tool, !header.manifest.isEmpty else { return false }
        let output = context.options.output
        let now = Header(tool: tool, site: context.siteFingerprint, options: BuildIndex.optionsKey(context.options),
                         manifest: BuildIndex.identity(of: output.appending(path: OutputManifest.fileName)),
                         folders: header.folders, shadow: header.shadow)
        return now == header && BuildIndex.identity(ofFolders: folders, in: output) == header.folders
            && BuildIndex.identity(ofFolders: folders, in: OutputWriter.shadow(for: output)) == header.shadow
    }

    /// Whether the output's twin looks to `stat` as this index's build, by the same `tool`, left
    /// it, so that it holds `files`: true even when the output itself was changed or deleted
    /// since. (Another version of Tale might compress differently: its `.gz` files are not reused.)
    func twinIsIntact(for output: URL, tool: String) -> Bool {
        header.tool == tool && !header.shadow.isEmpty
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
