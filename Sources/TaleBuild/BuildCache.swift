import Foundation
import TaleAnalyse
import TaleCore
import TaleOutput
import TaleRender

/// The memo's in-memory backing (`BuildMemo`), which `tale serve` keeps between rebuilds: each
/// book step's result, valid while the book's folder and the config are unchanged. A change to the
/// theme alone drops only what the theme shapes, so a writer styling pages rebuilds without
/// parsing and analysing every book again:
/// - page templates (`templates/*.mustache` but the drawn cover's and its partials) and assets
///   (but sounds) shape only the pages, which name the assets by hash: each book's page is
///   rendered again from its kept view (`Rendered.pages`), and the library from new cards;
/// - sounds (whose paths go into cues.json) and the drawn cover's templates shape the views too,
///   so the steps that read them (`MemoStep.readsThemeViews`: render, EPUB) run again.
public final class BuildCache: @unchecked Sendable {
    /// The book as parsed, or nil when it could not be, with what the parse found.
    struct Parsed {
        var book: Book?
        var diagnostics: DiagnosticList
    }

    /// What checking the book as written found: its branch graph and the graph's findings, and the
    /// problems of its pictures, sounds and scene HTML.
    struct Checked {
        var graph: BranchGraph
        var graphFindings: DiagnosticList
        var files: [Diagnostic]
    }

    /// A rendered book, with the theme it was rendered by.
    struct Rendered {
        var book: RenderedBook
        /// The fingerprint of the theme files that shape only the pages when the book's page was
        /// rendered; when they have changed since, the page is rendered again from its view.
        var pages: String
    }

    /// One book's kept results, by step name, for the folder with `fingerprint`. A class, not a
    /// struct: every stage looks entries up for every book on every rebuild.
    final class Entry {
        let fingerprint: String
        var results: [String: Any] = [:]

        init(fingerprint: String) { self.fingerprint = fingerprint }
    }

    private let lock = NSLock()
    private var entries: [String: Entry] = [:]
    private var config = ""
    private var views = ""
    /// The fingerprint of the theme files that shape only the pages (set by `use`).
    private(set) var pages = ""
    /// How many results each step has stored, by step name.
    private var stored: [String: Int] = [:]
    /// The library page's cards, by book.
    let cards = CardMemo()

    /// An empty cache.
    public init() {}

    /// How many books the cache holds a render for (for tests and logs).
    public var renderedBooks: Int { lock.withLock { entries.values.filter { $0.results[MemoStep.rendered.name] != nil }.count } }

    /// How many book renders have been stored since the cache was made: a rebuild that reuses
    /// unchanged books adds only the ones it rendered again.
    public var rendersStored: Int { lock.withLock { stored[MemoStep.rendered.name, default: 0] } }

    /// How many book parses have been stored since the cache was made.
    public var parsesStored: Int { lock.withLock { stored[MemoStep.parsed.name, default: 0] } }

    /// How many book pages have been rendered again from a kept view after theme files that shape
    /// only the pages changed.
    public private(set) var pagesRenderedAgain = 0

    /// Forgets everything when the config changed; when only the theme did, forgets what it shapes
    /// (see the type's notes). What is kept in any case (parses, checks, analyses, generated books)
    /// reads the book's folder and the config, never the theme.
    func use(config configFingerprint: String, theme: ThemeFingerprint) {
        lock.withLock {
            if config != configFingerprint {
                entries.removeAll()
                cards.removeAll()
            } else if views != theme.views {
                for entry in entries.values {
                    entry.results[MemoStep.rendered.name] = nil
                    entry.results[MemoStep.epub.name] = nil
                }
                cards.removeAll()
            } else if pages != theme.pages {
                cards.removeAll()
            }
            config = configFingerprint
            views = theme.views
            pages = theme.pages
        }
    }

    /// Forgets books that are gone.
    func keep(only slugs: Set<String>) {
        lock.withLock { entries = entries.filter { slugs.contains($0.key) } }
    }

    /// The fingerprint the book's folder had at the last build, if the cache holds it.
    func lastFingerprint(_ slug: String) -> String? {
        lock.withLock { entries[slug]?.fingerprint }
    }

    /// `step`'s result for the book `slug` whose folder has `fingerprint`, when kept.
    func recall<Value>(_ step: MemoStep<Value>, _ slug: String, _ fingerprint: String) -> Value? {
        lock.withLock {
            guard let entry = entries[slug], entry.fingerprint == fingerprint else { return nil }
            return entry.results[step.name] as? Value
        }
    }

    /// Keeps `value` as `step`'s result for the book `slug` whose folder has `fingerprint`; what was
    /// kept for another fingerprint of the folder is forgotten.
    func remember<Value>(_ step: MemoStep<Value>, _ slug: String, _ fingerprint: String, _ value: Value) {
        lock.withLock {
            put(step.name, slug, fingerprint, value)
            stored[step.name, default: 0] += 1
        }
    }

    /// Keeps a render whose page alone was rendered again from its kept view.
    func rememberPageRenderedAgain(_ slug: String, _ fingerprint: String, _ rendered: Rendered) {
        lock.withLock {
            put(MemoStep.rendered.name, slug, fingerprint, rendered)
            pagesRenderedAgain += 1
        }
    }

    private func put(_ step: String, _ slug: String, _ fingerprint: String, _ value: Any) {
        let entry = entries[slug].flatMap { $0.fingerprint == fingerprint ? $0 : nil } ?? Entry(fingerprint: fingerprint)
        entry.results[step] = value
        entries[slug] = entry
    }

    /// Keys the book's parse by its folder's new fingerprint after generation wrote into the folder.
    /// Generation writes only under `generated/` and never edits `index.md`, which is all a parse
    /// reads; the rest of the entry was made from the book before generation, so it is not carried.
    func carryParse(_ slug: String, from old: String, to new: String) {
        lock.withLock {
            guard let entry = entries[slug], entry.fingerprint == old, old != new else { return }
            let moved = Entry(fingerprint: new)
            moved.results[MemoStep.parsed.name] = entry.results[MemoStep.parsed.name]
            entries[slug] = moved
        }
    }

    /// A book folder's fingerprint: every file's path, size, modification and change times, and inode,
    /// read with `stat` (no file is opened). An edit changes the change time even when a tool keeps the
    /// modification time. Each folder is read through its descriptor (`fstatat`, `openat`), so the
    /// kernel does not walk the whole path again for every file: `tale build` fingerprints every book
    /// folder on every run.
    static func fingerprint(ofBookAt folder: String) -> String {
        // Every file's line goes into one buffer (its path in the book, a zero, then the numbers'
        // bytes); the lines are sorted as ranges and hashed at once: every build walks every folder.
        var text: [UInt8] = []
        text.reserveCapacity(2048)
        var lines: [Range<Int>] = []
        func walk(_ descriptor: Int32, _ prefix: [UInt8]) {
            guard let directory = fdopendir(descriptor) else {
                close(descriptor)
                return
            }
            defer { closedir(directory) }
            while let entry = readdir(directory) {
                withUnsafePointer(to: &entry.pointee.d_name) { pointer in
                    pointer.withMemoryRebound(to: CChar.self, capacity: MemoryLayout.size(ofValue: entry.pointee.d_name)) { name in
                        if name[0] == 46 && (name[1] == 0 || (name[1] == 46 && name[2] == 0)) { return }
                        var info = stat()
                        guard fstatat(dirfd(directory), name, &info, AT_SYMLINK_NOFOLLOW) == 0 else { return }
                        let bytes = UnsafeRawBufferPointer(start: name, count: strlen(name))
                        if (info.st_mode & S_IFMT) == S_IFDIR {
                            let child = openat(dirfd(directory), name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
                            if child >= 0 { walk(child, prefix + bytes + [47]) }
                            return
                        }
                        let start = text.count
                        text.append(contentsOf: prefix)
                        text.append(contentsOf: bytes)
                        text.append(0)
                        let numbers = (Int(info.st_size), Int(info.st_mtim.tv_sec), Int(info.st_mtim.tv_nsec), Int(info.st_ctim.tv_sec),
                                       Int(info.st_ctim.tv_nsec), Int(info.st_ino))
                        withUnsafeBytes(of: numbers) { text.append(contentsOf: $0) }
                        lines.append(start..<text.count)
                    }
                }
            }
        }
        let root = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if root >= 0 { walk(root, []) }
        var sorted: [UInt8] = []
        text.withUnsafeBufferPointer { bytes in
            lines.sort { bytes[$0].lexicographicallyPrecedes(bytes[$1]) }
            sorted.reserveCapacity(bytes.count + lines.count * 8)
            for line in lines {
                withUnsafeBytes(of: line.count) { sorted.append(contentsOf: $0) }
                sorted.append(contentsOf: bytes[line])
            }
        }
        return SHA256.hex(sorted)
    }

    /// A theme's files in two parts: what shapes the books' views, and what shapes only the pages.
    struct ThemeFingerprint: Equatable {
        /// Every file that `shapesOnlyPages` does not name.
        var views: String
        /// The files `shapesOnlyPages` names.
        var pages: String

        /// Both parts as one string.
        var combined: String { views + " " + pages }
    }

    /// The theme's files: when they change, books render again (see the type's notes).
    static func fingerprint(theme: Theme) -> ThemeFingerprint {
        let cover = PageRenderer.coverTemplateFiles(of: theme)
        var views = SHA256(), pages = SHA256()
        for path in theme.files.keys.sorted() {
            let line = path + "\u{0}" + SHA256.hex(theme.files[path]!) + "\n"
            if BuildCache.shapesOnlyPages(path, cover: cover) { pages.update(line) } else { views.update(line) }
        }
        return ThemeFingerprint(views: SHA256.hexString(views.finalize()), pages: SHA256.hexString(pages.finalize()))
    }

    /// Whether a theme file shapes only the pages (and files made every build: the assets, the
    /// service worker, the manifest), never a book's view: the page templates but those the drawn
    /// cover is rendered from (`cover`), and the assets but sounds.
    static func shapesOnlyPages(_ path: String, cover: Set<String>) -> Bool {
        if path.hasPrefix("templates/") { return path.hasSuffix(".mustache") && !cover.contains(path) }
        return path.hasPrefix("assets/") && !path.hasPrefix("assets/sounds/")
    }

    /// The config as the shared cache keys it: without how generation reaches its service (URL,
    /// key variable, time-out, concurrency, attempts), which each machine may set its own way and
    /// which changes nothing a build makes from the same generated files.
    static func sharedFingerprint(config: SiteConfig) -> String {
        var config = config
        let connection = GenerationSettings()
        config.generation.baseURL = connection.baseURL
        config.generation.apiKeyVariable = connection.apiKeyVariable
        config.generation.timeout = connection.timeout
        config.generation.concurrency = connection.concurrency
        config.generation.attempts = connection.attempts
        return fingerprint(config: config)
    }

    /// The config (`tale.yaml` as decoded, with the theme it names): when it changes, every book
    /// is read and analysed again.
    static func fingerprint(config: SiteConfig) -> String {
        // Where the shared cache is changes nothing a build makes.
        var config = config
        config.cache = nil
        return SHA256.hex(String(describing: config))
    }
}
