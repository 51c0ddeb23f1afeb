import Foundation
import TaleCore
import TaleMarkdown
import TaleOutput

/// Finds the books in `content/` (one folder each, in sorted order) and parses them.
public struct LoadContentStage: BuildStage {
    /// `Load content`.
    public let name = "Load content"

    /// A stage value.
    public init() {}

    /// Parses every book into the context.
    public func run(_ context: BuildContext) async throws(TaleError) {
        let contentFolder = context.options.project.appending(path: "content")
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: contentFolder.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .usage("no content/ folder in \(context.options.project.path); run `tale new <slug> --title \"...\"` to start a book, or pass --source")
        }
        let contentRoot = PathPolicy.realPath(contentFolder)
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: contentFolder.path).sorted()
        } catch {
            throw .io(path: "content", reason: "cannot list the folder: \(error.localizedDescription)")
        }
        var candidates: [(name: String, folder: String)] = []
        // Paths as strings: a URL for each of a thousand folders costs more than the checks.
        let contentPath = contentFolder.path
        // One lstat tells a plain folder (the usual case) from a link, which needs resolving; a
        // thousand folders and their index.md are looked at on every core.
        let visible = names.filter { !$0.hasPrefix(".") }
        let kinds = await BookTasks.map(visible) { name in
            (PathPolicy.kind(of: contentPath + "/" + name), PathPolicy.kind(of: contentPath + "/" + name + "/index.md"))
        }
        for (name, (entry, indexKind)) in zip(visible, kinds) {
            let folder = contentPath + "/" + name
            var place: SourceLocation { SourceLocation(file: "content/\(name)") }
            guard entry == .folder || (entry == .link && PathPolicy.isFolder(folder)) else {
                // A link to nothing is passed over, as a missing file is.
                if entry != .missing && (entry != .link || FileManager.default.fileExists(atPath: folder)) {
                    context.diagnostics.warning(place, "'content/\(name)' is left out: each book is a folder with an index.md",
                                                hint: "move it into a book's folder, or remove it")
                }
                continue
            }
            let real = entry == .folder ? contentRoot + "/" + name : PathPolicy.realPath(URL(fileURLWithPath: folder))
            guard real.hasPrefix(contentRoot + "/") else {
                context.diagnostics.error(place, "'content/\(name)' is a link to a folder outside content/",
                                          hint: "move the book's folder into content/ instead of linking to it")
                continue
            }
            guard Slug.isValid(name) else {
                let suggestion = Slug.make(from: name)
                context.diagnostics.error(place, "book folder name '\(name)' is not a valid slug: use lowercase a-z, 0-9 and single hyphens",
                                          hint: suggestion.isEmpty ? "rename the folder" : "rename the folder to '\(suggestion)'")
                continue
            }
            let index = folder + "/index.md"
            guard indexKind != .missing, indexKind != .link || FileManager.default.fileExists(atPath: index) else {
                context.diagnostics.warning(place, "'content/\(name)' has no index.md, so it is not a book",
                                            hint: "add content/\(name)/index.md, or run `tale new \(name) --title \"...\"`")
                continue
            }
            guard indexKind != .link || PathPolicy.realPath(URL(fileURLWithPath: index)).hasPrefix(real + "/") else {
                context.diagnostics.error(SourceLocation(file: "content/\(name)/index.md"), "index.md is a link to a file outside the book's folder",
                                          hint: "copy the file here instead of linking to it")
                continue
            }
            candidates.append((name, folder))
        }
        // A shard builds its own books; the others' names are kept, since links may name them.
        if let shard = context.options.shard {
            context.otherShardBooks = candidates.map(\.name).filter { !shard.contains($0) }
            candidates = candidates.filter { shard.contains($0.name) }
        }
        // Reading and parsing each book is independent: do it on every core, then merge in order.
        let cache = context.memo.memory
        let touched = context.options.touchedBooks
        cache?.keep(only: Set(candidates.map(\.0)))
        let index = await context.memo.disk?.previous
        let previous = index.flatMap { $0.accepts(context) ? $0 : nil }
        context.previousBuild = previous
        // A full build (after a change to the theme, say, or with the output deleted) still writes
        // only what differs from the twin, when the twin is as the last build left it.
        if previous == nil, let index, let tool = context.memo.disk?.tool, index.twinIsIntact(for: context.options.output, tool: tool) {
            context.twinFiles = index.files
        }
        context.keptFiles = [Bool](repeating: false, count: context.lastFiles?.entries.count ?? 0)
        let fingerprinted = context.memo.fingerprintsBooks
        let sharedSite = context.sharedCache == nil ? nil : context.sharedSiteKey
        var parsed = await BookTasks.map(candidates) { (name, folder) -> ParsedBook in
            var result = ParsedBook(name: name, file: "content/\(name)/index.md")
            if fingerprinted {
                // A folder no file event touched keeps its fingerprint: no walk of its files.
                let known = touched.flatMap { $0.contains(name) ? nil : cache?.lastFingerprint(name) }
                let fingerprint = known ?? BuildCache.fingerprint(ofBookAt: folder)
                result.fingerprint = fingerprint
                // A folder as the last build left it is carried over: its files are in the output already.
                if let kept = previous?.books[name], kept.fingerprint == fingerprint {
                    result.carried = kept
                    return result
                }
            }
            // With a shared cache, the book is looked for there before it is read.
            if let sharedSite {
                result.sharedKey = SharedBookCache.key(site: sharedSite, slug: name, folder: folder)
                return result
            }
            LoadContentStage.parse(&result, folder: folder, cache: cache)
            return result
        }
        if let shared = context.sharedCache {
            let looked = parsed.indices.filter { parsed[$0].sharedKey != nil }
            let found = try await shared.books(looked.map { parsed[$0].sharedKey! })
            for (position, book) in zip(looked, found) { parsed[position].cached = book }
            let missed = looked.filter { parsed[$0].cached == nil }
            let reread = await BookTasks.map(missed) { position -> ParsedBook in
                var result = parsed[position]
                LoadContentStage.parse(&result, folder: contentPath + "/" + result.name, cache: cache)
                return result
            }
            for (position, result) in zip(missed, reread) { parsed[position] = result }
        }
        for result in parsed {
            if result.unreadable { throw TaleError.io(path: result.file, reason: "cannot read the file").inBook(result.name) }
            context.diagnostics.append(contentsOf: result.diagnostics)
            if let fingerprint = result.fingerprint { context.fingerprints[result.name] = fingerprint }
            if let key = result.sharedKey { context.sharedKeys[result.name] = key }
            if let carried = result.carried {
                for diagnostic in carried.diagnostics { context.diagnostics.report(diagnostic) }
                if carried.isSkippedDraft {
                    context.skippedDrafts.append(result.name)
                } else {
                    context.carried.append(carried)
                }
                continue
            }
            if let cached = result.cached {
                for diagnostic in cached.record.diagnostics { context.diagnostics.report(diagnostic) }
                context.fromCache.append(cached)
                continue
            }
            guard let book = result.book else { continue }
            if book.frontMatter.draft && !context.options.includeDrafts {
                context.skippedDrafts.append(result.name)
                continue
            }
            context.books.append(book)
        }
        if let previous, parsed.allSatisfy({ $0.carried != nil }), parsed.count == previous.books.count {
            context.upToDate = true
        }
    }

    /// Reads and parses the book in `folder` into `result` (or takes the parse the in-memory memo keeps).
    private static func parse(_ result: inout ParsedBook, folder: String, cache: BuildCache?) {
        let name = result.name, file = result.file
        if let cache, let fingerprint = result.fingerprint, let hit = cache.recall(.parsed, name, fingerprint) {
            result.book = hit.book
            result.diagnostics = hit.diagnostics
            return
        }
        guard let data = FileManager.default.contents(atPath: folder + "/index.md") else {
            result.unreadable = true
            return
        }
        guard let text = String(data: data, encoding: .utf8) else {
            if let problem = SourceLimits.notUTF8(Array(data), file: file) { result.diagnostics.report(problem) }
            return
        }
        if let place = SourceLimits.firstNUL(in: text) {
            result.diagnostics.error(SourceLocation(file: file, line: place.line, column: place.column), "the file holds a NUL character here, which is not text",
                                     hint: "delete it; it comes from a damaged copy of the file or a paste from a binary one")
            return
        }
        result.book = BookParser.parse(text, slug: name, file: file, diagnostics: &result.diagnostics)
        if let cache, let fingerprint = result.fingerprint {
            cache.remember(.parsed, name, fingerprint, BuildCache.Parsed(book: result.book, diagnostics: result.diagnostics))
        }
    }
}

/// One book file as read and parsed, before it joins the context.
private struct ParsedBook {
    var name: String
    var file: String
    var unreadable = false
    var fingerprint: String?
    /// The folder as the last build left it, when it is unchanged.
    var carried: BuildIndex.Book?
    /// The folder's shared cache key, when there is a shared cache.
    var sharedKey: String?
    /// The book as the shared cache holds it, when it does.
    var cached: CachedBook?
    var book: Book?
    var diagnostics = DiagnosticList()

    init(name: String, file: String) {
        self.name = name
        self.file = file
    }
}
