import Foundation
import TaleAnalyse
import TaleCore
import TaleRender

/// What one build can hand the next in the same process (`tale serve`): each book's parse, cue
/// map and render, valid while the book's folder, the theme and the config are unchanged.
public final class BuildCache: @unchecked Sendable {
    struct Parsed {
        var book: Book?
        var diagnostics: DiagnosticList
    }

    struct Rendered {
        var view: BookView
        var outputs: [(String, [UInt8])]
        var copies: [(String, SourceCopy)]
        var diagnostics: DiagnosticList
    }

    /// A class, not a struct: every stage looks entries up for every book on every rebuild, and
    /// copying a struct of this size retained each of its fields each time.
    final class Entry {
        let fingerprint: String
        var parsed: Parsed?
        var cues: CueMap?
        var rendered: Rendered?
        var imageChecks: [Diagnostic]?
        var graph: (BranchGraph, DiagnosticList)?
        var epub: [UInt8]?
        var moderation: [[ModerationFinding]]?
        var afterStage: [String: Book] = [:]

        init(fingerprint: String) { self.fingerprint = fingerprint }
    }

    private let lock = NSLock()
    private var entries: [String: Entry] = [:]
    private var site = ""
    /// The library page's cards, by book.
    let cards = CardMemo()

    /// An empty cache.
    public init() {}

    /// How many books the cache holds a render for (for tests and logs).
    public var renderedBooks: Int { lock.withLock { entries.values.filter { $0.rendered != nil }.count } }

    /// How many book renders have been stored since the cache was made: a rebuild that reuses
    /// unchanged books adds only the ones it rendered again.
    public private(set) var rendersStored = 0

    /// Forgets everything when the theme or config changed.
    func useSite(_ fingerprint: String) {
        lock.withLock {
            if site != fingerprint {
                entries.removeAll()
                cards.removeAll()
            }
            site = fingerprint
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

    func parsed(_ slug: String, _ fingerprint: String) -> Parsed? {
        lock.withLock { entries[slug].flatMap { $0.fingerprint == fingerprint ? $0.parsed : nil } }
    }

    func cues(_ slug: String, _ fingerprint: String) -> CueMap? {
        lock.withLock { entries[slug].flatMap { $0.fingerprint == fingerprint ? $0.cues : nil } }
    }

    func imageChecks(_ slug: String, _ fingerprint: String) -> [Diagnostic]? {
        lock.withLock { entries[slug].flatMap { $0.fingerprint == fingerprint ? $0.imageChecks : nil } }
    }

    func graph(_ slug: String, _ fingerprint: String) -> (BranchGraph, DiagnosticList)? {
        lock.withLock { entries[slug].flatMap { $0.fingerprint == fingerprint ? $0.graph : nil } }
    }

    func rendered(_ slug: String, _ fingerprint: String) -> Rendered? {
        lock.withLock { entries[slug].flatMap { $0.fingerprint == fingerprint ? $0.rendered : nil } }
    }

    /// The book as a generation stage left it, while its folder is unchanged.
    func book(after stage: String, _ slug: String, _ fingerprint: String) -> Book? {
        lock.withLock { entries[slug].flatMap { $0.fingerprint == fingerprint ? $0.afterStage[stage] : nil } }
    }

    func moderation(_ slug: String, _ fingerprint: String) -> [[ModerationFinding]]? {
        lock.withLock { entries[slug].flatMap { $0.fingerprint == fingerprint ? $0.moderation : nil } }
    }

    func epub(_ slug: String, _ fingerprint: String) -> [UInt8]? {
        lock.withLock { entries[slug].flatMap { $0.fingerprint == fingerprint ? $0.epub : nil } }
    }

    func storeRendered(_ slug: String, _ fingerprint: String, _ rendered: Rendered) {
        store(slug, fingerprint) { $0.rendered = rendered }
        lock.withLock { rendersStored += 1 }
    }

    func store(_ slug: String, _ fingerprint: String, update: (inout Entry) -> Void) {
        lock.withLock {
            var entry = entries[slug].flatMap { $0.fingerprint == fingerprint ? $0 : nil } ?? Entry(fingerprint: fingerprint)
            update(&entry)
            entries[slug] = entry
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

    /// The theme's files and the config: when they change, every book renders again.
    static func fingerprint(theme: Theme, config: SiteConfig) -> String {
        var hasher = SHA256()
        for path in theme.files.keys.sorted() { hasher.update(path + "\u{0}" + SHA256.hex(theme.files[path]!) + "\n") }
        hasher.update(String(describing: config))
        return SHA256.hexString(hasher.finalize())
    }
}
