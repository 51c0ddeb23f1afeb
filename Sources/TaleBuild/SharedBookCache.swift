import Foundation
import TaleCore
import TaleOutput

/// The cache that builds on several machines share (`--cache DIR|s3://bucket/prefix`, or `cache:`
/// in tale.yaml): each book's finished results (`BookRecord`) under a key that is the hash of
/// everything they were made from, and every file they hold as a blob named by its SHA-256.
///
/// A book's key is the SHA-256 of the tool (its version and the executable's own hash, so that
/// machines running the same binary agree), the site (theme files, config, fonts and the options
/// that change output) and the content of every file in the book's folder with its path. It does
/// not depend on where the project or the output is, on file times, or on the machine. Content,
/// not `stat`: two checkouts of one commit agree.
public struct SharedBookCache: Sendable {
    /// Where the entries are.
    public let store: any SharedStore
    /// The identity of the running tool (`toolIdentity`).
    public let tool: String

    /// A cache in `store`, for builds by `tool`.
    public init(store: any SharedStore, tool: String) {
        self.store = store
        self.tool = tool
    }

    /// How many lookups or writes are in flight at once (a remote store answers each in a round trip).
    static let width = 16

    /// The running tool's identity for shared keys: its version and the SHA-256 of its executable,
    /// remembered in `project`'s `.tale-cache/` by how `stat` sees the executable, so it is hashed
    /// once per binary.
    public static func toolIdentity(version: String, project: URL) -> String {
        var info = stat()
        guard stat("/proc/self/exe", &info) == 0 else { return version }
        let seen = "\(info.st_dev) \(info.st_ino) \(info.st_size) \(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)"
        let memo = project.appending(path: ".tale-cache/tool-hash")
        if let text = try? String(contentsOf: memo, encoding: .utf8), text.hasPrefix(seen + "\n") {
            return version + " " + text.dropFirst(seen.count + 1).trimmingCharacters(in: .whitespacesAndNewlines)
        }
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        // An absolute path: the folder descriptor is not used. The executable is over 100 MB, read a megabyte at a time.
        guard let digest = FileTree.sha256(of: "/proc/self/exe", in: AT_FDCWD, buffer: &buffer) else { return version }
        let hash = SHA256.hexString(digest)
        try? FileManager.default.createDirectory(at: memo.deletingLastPathComponent(), withIntermediateDirectories: true)
        try? (seen + "\n" + hash + "\n").write(to: memo, atomically: true, encoding: .utf8)
        return version + " " + hash
    }

    /// The part of every book's key that the site gives: the tool, the theme and config
    /// fingerprint, the installed fonts the pages name, and the options that change the output.
    func siteKey(site: String, fonts: [String], options: BuildOptions) -> String {
        SHA256.hex(["tale-book-cache", String(BookRecord.version), tool, site, fonts.joined(separator: ","), BuildIndex.contentOptionsKey(options)]
            .joined(separator: "\u{0}"))
    }

    /// The key of the book `slug` in `folder`: the site key, the slug and every file's path and content.
    static func key(site: String, slug: String, folder: String) -> String {
        var hasher = SHA256()
        hasher.update(site + "\u{0}" + slug + "\u{0}")
        let root = URL(fileURLWithPath: folder)
        let paths = (FileManager.default.subpaths(atPath: folder) ?? []).sorted()
        for path in paths {
            let file = root.appending(path: path)
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: file.path, isDirectory: &isFolder), !isFolder.boolValue else { continue }
            let bytes = FileManager.default.contents(atPath: file.path).map(Array.init) ?? []
            hasher.update(path + "\u{0}\(bytes.count)\u{0}")
            hasher.update(bytes)
        }
        return SHA256.hexString(hasher.finalize())
    }

    /// The book stored under `key`, with every file a local copy of its blob; nil when there is no
    /// such record, it does not decode, or a blob is missing (the book is then built).
    func book(_ key: String) async throws(TaleError) -> CachedBook? {
        guard let bytes = try await store.record(key), let record = BookRecord.decode(bytes) else { return nil }
        var copies: [(path: String, copy: SourceCopy)] = []
        for file in record.files {
            guard let blob = try await store.blobFile(file.sha256),
                  let copy = SourceCopy(blob: blob, size: file.size, sha256: file.sha256) else { return nil }
            copies.append((file.path, copy))
        }
        return CachedBook(record: record, copies: copies)
    }

    /// `book(key)` as a result.
    private func lookup(_ key: String) async -> Result<CachedBook?, TaleError> {
        do {
            return .success(try await book(key))
        } catch {
            return .failure(error)
        }
    }

    /// Every one of `keys` looked up, at most `width` at once; a key with no whole entry gives nil.
    func books(_ keys: [String]) async throws(TaleError) -> [CachedBook?] {
        let cache = self
        var books: [CachedBook?] = []
        for result in await BookTasks.asyncMap(keys, width: SharedBookCache.width, { await cache.lookup($0) }) { books.append(try result.get()) }
        return books
    }

    /// Stores one book: its blobs first, then its record under each of `keys`, so a reader that
    /// finds the record finds every blob it names.
    func store(_ record: BookRecord, keys: [String], content: (BookRecord.File) -> (bytes: [UInt8]?, copy: SourceCopy?)) async throws(TaleError) {
        let missing = try await store.missingBlobs(record.files.map(\.sha256))
        var seen: Set<String> = []
        for file in record.files where missing.contains(file.sha256) && seen.insert(file.sha256).inserted {
            let source = content(file)
            try await store.putBlob(file.sha256, bytes: source.bytes, copy: source.copy)
        }
        let bytes = record.encoded()
        for key in Set(keys) { try await store.putRecord(key, bytes) }
    }
}

/// `--shard K/N`: this process builds the books whose slug falls to shard K of N (K from 1), by
/// the slug's SHA-256, so every machine splits a library the same way.
public struct BuildShard: Sendable, Equatable, CustomStringConvertible {
    /// Which shard, from 1.
    public let index: Int
    /// How many shards.
    public let count: Int

    /// Reads `K/N` with 1 ≤ K ≤ N; nil otherwise.
    public init?(_ text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]), count >= 1, (1...count).contains(index) else { return nil }
        self.index = index
        self.count = count
    }

    /// `K/N`.
    public var description: String { "\(index)/\(count)" }

    /// Whether the book `slug` is this shard's.
    public func contains(_ slug: String) -> Bool {
        var hasher = SHA256()
        hasher.update(slug)
        let digest = hasher.finalize()
        let number = digest.prefix(8).reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        return Int(number % UInt64(count)) == index - 1
    }
}
