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
        let warnings = context.warningsByBook()
        let listings = Dictionary(uniqueKeysWithValues: context.listings.map { ($0.slug, $0) })
        let contentFolder = context.options.project.appending(path: "content").path
        let site = context.sharedSiteKey
        let books = context.books.filter { listings[$0.slug] != nil && context.sharedKeys[$0.slug] != nil }
        // A folder generation wrote into is stored under its key as it is now too.
        let changed = context.changedByGeneration
        let keysNow = await BookTasks.map(books) { book in
            changed.contains(book.slug) ? SharedBookCache.key(site: site, slug: book.slug, folder: contentFolder + "/" + book.slug) : nil
        }
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
                                    links: BookLinks.leaving(book)), [context.sharedKeys[book.slug]!] + (keyNow.map { [$0] } ?? [])))
        }
        // Each text file's `.gz` sibling is stored with it, as the site files stage makes it (or made it).
        let compressed = ParallelMap.map(work.flatMap { $0.record.files }.map(\.path)) { path -> (String, [UInt8])? in
            guard let bytes = outputs[path], GzipSiblings.isWanted(path, size: bytes.count),
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
        let content: @Sendable (BookRecord.File) -> (bytes: [UInt8]?, copy: SourceCopy?) = { file in
            (outputs[file.path] ?? gzips[file.path], copies[file.path])
        }
        let failures = await BookTasks.asyncMap(work, width: SharedBookCache.width) { item -> TaleError? in
            do throws(TaleError) {
                try await shared.store(item.record, keys: item.keys, content: content)
                return nil
            } catch {
                return error.inBook(item.record.name)
            }
        }
        if let failure = failures.lazy.compactMap({ $0 }).first { throw failure }
        context.storedBooks = work.count
    }
}
