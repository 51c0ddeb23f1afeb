import Foundation
import TaleCore
import TaleOutput
import TaleRender

/// The last stage of a shard build (`tale build --shard K/N`): stores the shard's books in the
/// shared cache (`BookStoring`) and writes no site. A whole build stores its books in the write
/// stage, before it writes the output, so the stages it prints stay the same with or without a cache.
public struct StoreBooksStage: BuildStage {
    /// `Store books in the cache`.
    public let name = "Store books in the cache"

    /// A stage value.
    public init() {}

    /// Books with errors are never stored.
    public var needsErrorFreeSources: Bool { true }

    /// Stores `context.books`.
    public func run(_ context: BuildContext) async throws(TaleError) {
        try await BookStoring.store(context)
    }
}

/// Stores each book a build rendered in the shared cache, when there is one: its files (with
/// their `.gz` siblings) as blobs, then its record under the key of its folder as the build read
/// it and, when generation wrote into the folder, as it is now, so the next machine finds what
/// this one made whichever checkout it has.
enum BookStoring {
    /// Writes the blobs and records of `context.books`.
    static func store(_ context: BuildContext) async throws(TaleError) {
        guard let shared = context.sharedCache, !context.options.checkOnly else { return }
        var warnings: [String: [Diagnostic]] = [:]
        for diagnostic in context.diagnostics.all {
            let parts = diagnostic.location.file.split(separator: "/", maxSplits: 2)
            guard parts.count == 3, parts[0] == "content" else { continue }
            warnings[String(parts[1]), default: []].append(diagnostic)
        }
        let listings = Dictionary(uniqueKeysWithValues: context.listings.map { ($0.slug, $0) })
        let contentFolder = context.options.project.appending(path: "content").path
        let site = context.sharedSiteKey
        let books = context.books.filter { listings[$0.slug] != nil && context.sharedKeys[$0.slug] != nil }
        // The key of each folder as it is now: generation may have written into it since it was read.
        let keysNow = await BookTasks.map(books) { SharedBookCache.key(site: site, slug: $0.slug, folder: contentFolder + "/" + $0.slug) }
        let outputs = context.outputs, copies = context.copies
        var work: [(record: BookRecord, keys: [String])] = []
        for (book, keyNow) in zip(books, keysNow) {
            let paths = (context.bookPaths[book.slug] ?? []).sorted()
            var files: [BookRecord.File] = []
            for path in paths {
                files.append(BookRecord.File(path: path, sha256: context.sha256(of: path), size: outputs[path]?.count ?? copies[path]?.size ?? 0,
                                             isCompressedCopy: false))
            }
            work.append((BookRecord(name: book.slug, listing: listings[book.slug]!, files: files, diagnostics: warnings[book.slug] ?? [],
                                    links: BookLinks.leaving(book)), [context.sharedKeys[book.slug]!, keyNow]))
        }
        // Each text file's `.gz` sibling is stored with it, as the site files stage makes it (or made it).
        let compressed = ParallelMap.map(work.flatMap { $0.record.files }.map(\.path)) { path -> (String, [UInt8])? in
            guard let bytes = outputs[path], bytes.count >= GzipSiblings.threshold,
                  ContentTypes.compressible.contains(ContentTypes.fileExtension(path)),
                  let gzip = outputs[path + ".gz"] ?? GzipSiblings.compress(bytes) else { return nil }
            return (path + ".gz", gzip)
        }
        let gzips = Dictionary(compressed.compactMap { $0 }, uniquingKeysWith: { first, _ in first })
        for index in work.indices {
            for file in work[index].record.files {
                guard let gzip = gzips[file.path + ".gz"] else { continue }
                work[index].record.files.append(BookRecord.File(path: file.path + ".gz", sha256: SHA256.hex(gzip), size: gzip.count,
                                                                isCompressedCopy: true))
            }
            work[index].record.files.sort { $0.path < $1.path }
        }
        let content: @Sendable (BookRecord.File) -> (bytes: [UInt8]?, file: URL?) = { file in
            (outputs[file.path] ?? gzips[file.path], copies[file.path]?.file)
        }
        let items = work
        let failure = await withTaskGroup(of: TaleError?.self) { group -> TaleError? in
            var first: TaleError?
            // The first `width` books, then one more as each is stored.
            for (index, item) in items.enumerated() {
                if index >= SharedBookCache.width, let result = await group.next(), first == nil { first = result }
                group.addTask {
                    do throws(TaleError) {
                        try await shared.store(item.record, keys: item.keys, content: content)
                        return nil
                    } catch {
                        return error.inBook(item.record.name)
                    }
                }
            }
            while let result = await group.next() { if first == nil { first = result } }
            return first
        }
        if let failure { throw failure }
        context.storedBooks = work.count
    }
}
