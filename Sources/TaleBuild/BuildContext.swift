import Foundation
import TaleAnalyse
import TaleCore
import TaleGenerate
import TaleOutput
import TaleRender

/// Everything the stages share: what they read, what they made, what they found wrong.
public final class BuildContext {
    /// The options the build was started with.
    public let options: BuildOptions
    /// `tale.yaml`, or the defaults.
    public var config = SiteConfig()
    /// The theme with the project's overrides.
    public var theme: Theme?
    /// Books in slug order (drafts only with `--drafts`).
    public var books: [Book] = []
    /// Each book's branch graph as written, by slug (set by the check stage; generation may add scenes to it).
    var checkedGraphs: [String: BranchGraph] = [:]
    /// Each book's analysis after text generation, by slug (set by the analyse stage).
    public var analyses: [String: BookAnalysis] = [:]
    /// Each book folder's fingerprint, by slug, when a cache is in use (set by the load stage).
    public var fingerprints: [String: String] = [:]
    /// What generation did: artifacts generated, found in locks, failed (set by the generate stage).
    public var generation = GenerationProgress()
    /// Each book's painted social card and thumbnail, by slug (set by the paint cards stage).
    var previews: [String: BookPreviews] = [:]
    /// Each narrated book's scenes read aloud, by slug and scene id (set by the narrate stage).
    var narrations: [String: BookNarration] = [:]
    /// The books rendered in this build, in slug order (set by the render stage; `tale build` lets
    /// them go once the EPUBs are made).
    var renderedBooks: [RenderedBook] = []
    /// What the pages that list books show, for every book built or carried over, in slug order (set by the render stage).
    public var listings: [BookListing] = []
    /// The theme and config fingerprint, when a cache or an index needs it (set by the config stage).
    var siteFingerprint = ""
    /// The last build's index, when this build carries books over from it (set by the load stage).
    var previousBuild: BuildIndex?
    /// The files of the output's twin, for a full build whose twin is as the last build left it:
    /// the build writes only the files that differ from them (`OutputWriter.update`).
    var twinFiles: OutputTable?
    /// Books carried over from the last build unchanged: not parsed or rendered, their files left in place.
    var carried: [BuildIndex.Book] = []
    /// How many books were carried over from the last build unchanged.
    public var carriedBooks: Int { carried.count }
    /// The shared cache, when the build has one (set by the config stage).
    var sharedCache: SharedBookCache?
    /// The site's part of every shared cache key (set by the config stage, with a shared cache).
    var sharedSiteKey = ""
    /// Each book's shared cache key as its folder was when the build read it, by slug (books not carried).
    var sharedKeys: [String: String] = [:]
    /// Books taken whole from the shared cache: not parsed or rendered, their files copied from its blobs.
    var fromCache: [CachedBook] = []
    /// How many books were taken from the shared cache.
    public var cachedBooks: Int { fromCache.count }
    /// Where the shared cache is, for messages.
    public var sharedCacheDescription: String? { sharedCache?.store.description }
    /// The books whose folders generation wrote into in this build (set by `GenerationRun`).
    var changedByGeneration: Set<String> = []
    /// How many books this build stored in the shared cache (set by the store stage).
    public var storedBooks = 0
    /// In a shard build, the books of the other shards: not built here, but links may name them.
    var otherShardBooks: [String] = []
    /// Whether the build records which output files each book made (for the index or the shared cache).
    var recordsBookFiles: Bool { memo.recordsBookFiles || sharedCache != nil }
    /// Whether nothing changed since the last build, so there is nothing to do (set by the load stage).
    public var upToDate = false
    /// The output files each book rendered in this build made, by slug.
    var bookPaths: [String: Set<String>] = [:]
    /// Which files of the last build's table stay as they are (those of the books carried over,
    /// and compressed copies of files that did not change), by position in `lastFiles`.
    var keptFiles: [Bool] = []
    /// The files the last build left, which this one starts from: the index's, when its books
    /// may be carried over, or the twin's, for a full build.
    var lastFiles: OutputTable? { previousBuild?.files ?? twinFiles }
    /// The library cards, remembered across builds (`tale serve` in memory, `tale build` in the index).
    var cardMemo: CardMemo?
    /// The page renderer with the theme's templates (set by the render stage).
    public var renderer: PageRenderer?
    /// Theme asset paths to their hashed output paths (set by the render stage).
    public var assetPaths: [String: String] = [:]
    /// Every output file: path relative to the output folder, to its bytes.
    public var outputs: [String: [UInt8]] = [:]
    /// Output path to a source file written as it is (writers' PNGs), kept out of memory.
    public var copies: [String: SourceCopy] = [:]
    /// Errors and warnings, in the order found.
    public var diagnostics = DiagnosticList()
    /// Books left out because they are drafts.
    public var skippedDrafts: [String] = []
    /// Each source file's lines, by project-relative path, for locating problems found late: read
    /// when the first such problem needs them (most builds have none), then kept. Holding every
    /// book's lines from the start cost a first build of 1000 books 28 MB at its peak.
    private let sourceLines = Locked<[String: [Substring]]>([:])

    /// What the build may take from the builds before it.
    let memo: BuildMemo

    /// A context for `options`.
    public init(options: BuildOptions) {
        self.options = options
        memo = BuildMemo(memory: options.cache, disk: options.incremental)
    }

    /// The project-relative path of `url` (for messages).
    public func relative(_ url: URL) -> String {
        let root = options.project.path
        let path = url.standardizedFileURL.path
        return path.hasPrefix(root + "/") ? String(path.dropFirst(root.count + 1)) : path
    }

    /// Adds an output file; paths are relative and checked to stay inside the output folder.
    public func emit(_ path: String, _ bytes: [UInt8]) {
        PathPolicy.checkOutputPath(path)
        outputs[path] = bytes
        copies[path] = nil
        outputHashes[path] = nil
    }

    /// Adds an output that is a source file copied as it is, read again only when written or hashed.
    public func emit(_ path: String, copy: SourceCopy) {
        PathPolicy.checkOutputPath(path)
        copies[path] = copy
        outputs[path] = nil
        outputHashes[path] = copy.sha256
    }

    /// Every output path made by this build, in memory or copied (not the files kept from the last build).
    public var outputPaths: [String] { Array(outputs.keys) + Array(copies.keys) }

    /// The whole output as a table: the files kept from the last build, and this build's (which win
    /// over a kept file of the same path); and where each file of the last build's table is now.
    func outputTable() -> (table: OutputTable, moved: [Int?]) {
        hashAllOutputs()
        var made: [OutputTable.Entry] = []
        made.reserveCapacity(outputs.count + copies.count)
        for (path, bytes) in outputs {
            made.append(OutputTable.Entry(path: path, sha256: Digest(hex: outputHashes[path]!)!, bytes: bytes.count,
                                          isCompressedCopy: compressedCopies.contains(path)))
        }
        for (path, copy) in copies {
            made.append(OutputTable.Entry(path: path, sha256: Digest(hex: copy.sha256)!, bytes: copy.size,
                                          isCompressedCopy: compressedCopies.contains(path)))
        }
        guard let previous = lastFiles else { return (OutputTable(made), []) }
        return previous.merged(keeping: keptFiles, with: made)
    }

    /// Keeps the last build's `path`, and its compressed copy, rather than making it again; false
    /// when the last build did not make it.
    func keepFromLastBuild(_ path: String) -> Bool {
        guard let table = previousBuild?.files, let position = table.position(of: path) else { return false }
        keptFiles[position] = true
        if let compressed = table.position(of: path + ".gz") { keptFiles[compressed] = true }
        return true
    }

    /// How the pages that list books compare with the last build's (set by the render stage).
    var listingsSinceLastBuild = ListingChange.changed

    /// Starts compressing an output on another thread; the site files stage takes the result.
    func compressEarly(_ path: String, _ bytes: [UInt8]) {
        earlyCompression[path] = (bytes, Background { GzipSiblings.compress(bytes) })
    }

    /// Outputs being compressed ahead of the site files stage, with the bytes being compressed.
    var earlyCompression: [String: (bytes: [UInt8], gzip: Background<[UInt8]?>)] = [:]

    /// The `.gz` siblings this build compressed (set by the site files stage).
    var compressedCopies: Set<String> = []

    /// An output's bytes, read from its source when it is a copy.
    public func bytes(of path: String) -> [UInt8]? { outputs[path] ?? copies[path]?.bytes() }

    private var outputHashes: [String: String] = [:]

    /// Hashes every output not hashed yet, on every core.
    public func hashAllOutputs() {
        let missing = outputPaths.filter { outputHashes[$0] == nil }
        let files = outputs, copied = copies
        for (path, hash) in ParallelMap.map(missing, { path in (path, SHA256.hex(files[path] ?? copied[path]?.bytes() ?? [])) }) {
            outputHashes[path] = hash
        }
    }

    /// The hex SHA-256 of an output, computed once.
    public func sha256(of path: String) -> String {
        if let known = outputHashes[path] { return known }
        let hash = SHA256.hex(bytes(of: path) ?? [])
        outputHashes[path] = hash
        return hash
    }

    /// The first place in lines `from...to` of `file` where `needle` is written (case-insensitive),
    /// or `fallback`.
    public func locate(_ needle: String, in file: String, from: Int, to: Int, fallback: SourceLocation) -> SourceLocation {
        guard !needle.isEmpty, from >= 1, let lines = lines(of: file) else { return fallback }
        let wanted = needle.lowercased()
        for number in from...max(from, min(to, lines.count)) where number <= lines.count {
            let line = String(lines[number - 1]).lowercased()
            if let range = line.range(of: wanted) {
                return SourceLocation(file: file, line: number, column: line.distance(from: line.startIndex, to: range.lowerBound) + 1)
            }
        }
        return fallback
    }

    /// The lines of the project's `file` (`String.lines`).
    private func lines(of file: String) -> [Substring]? {
        if let known = sourceLines.value[file] { return known }
        guard let text = try? String(contentsOf: options.project.appending(path: file), encoding: .utf8) else { return nil }
        let lines = text.lines()
        sourceLines.mutate { $0[file] = lines }
        return lines
    }

    /// The warnings and errors found in each book's files, by slug (the build index and the shared cache record them per book).
    func warningsByBook() -> [String: [Diagnostic]] {
        var warnings: [String: [Diagnostic]] = [:]
        for diagnostic in diagnostics.all {
            let parts = diagnostic.location.file.split(separator: "/", maxSplits: 2)
            guard parts.count == 3, parts[0] == "content" else { continue }
            warnings[String(parts[1]), default: []].append(diagnostic)
        }
        return warnings
    }

    /// Adds a text output file.
    public func emit(_ path: String, text: String) { emit(path, Array(text.utf8)) }
}

/// One step of the build: a value with a name and one method over the shared context.
public protocol BuildStage: Sendable {
    /// What the runner prints, like `Load content`.
    var name: String { get }
    /// Whether the stage may run only when no error has been found yet. Checking stages run
    /// anyway, so one `tale check` reports every problem; stages that make output do not.
    var needsErrorFreeSources: Bool { get }
    /// Does the work; reports problems in `context.diagnostics` or throws to stop at once.
    func run(_ context: BuildContext) async throws(TaleError)
}

extension BuildStage {
    /// Checking is the default.
    public var needsErrorFreeSources: Bool { false }
}
