import Foundation
import TaleCore
import TaleOutput
import TaleRender

/// Writes what sits beside the pages: search index, robots.txt, web app manifest, sitemap and
/// feed (when `base_url` is a full URL, as both formats require), `.gz` siblings of larger text
/// files, and `_headers`.
public struct SiteFilesStage: BuildStage {
    /// `Write feeds and indexes`.
    public let name = "Write feeds and indexes"

    /// A stage value.
    public init() {}

    /// Only error-free sources get this far.
    public var needsErrorFreeSources: Bool { true }

    /// Adds the files to `context.outputs`.
    public func run(_ context: BuildContext) async throws(TaleError) {
        let urls = SiteURLs(base: context.config.baseURL)
        let books = context.listings
        // A page that lists books is kept from the last build when what it shows of them is the same.
        func make(_ path: String, _ text: () -> String) {
            if context.listingsSinceLastBuild == .changed || !context.keepFromLastBuild(path) { context.emit(path, text: text()) }
        }
        make("search.json") { SearchIndex.make(books) }
        context.emit("robots.txt", text: WebAppFiles.robots(urls: urls))
        var icons: [WebAppFiles.Icon] = []
        if let svg = context.assetPaths["assets/icon.svg"] { icons.append(WebAppFiles.Icon(src: svg, sizes: "any", type: "image/svg+xml")) }
        for icon in AppIcons.icons where icon.size != 180 {
            guard let png = context.assetPaths[icon.path] else { continue }
            icons.append(WebAppFiles.Icon(src: png, sizes: "\(icon.size)x\(icon.size)", type: "image/png", purpose: icon.maskable ? "maskable" : nil))
        }
        context.emit("manifest.webmanifest", text: WebAppFiles.manifest(site: context.config, icons: icons))
        if urls.isAbsolute {
            make("sitemap.xml") { Sitemap.make(books, urls: urls) }
            make("feed.xml") { AtomFeed.make(books, site: context.config, urls: urls, fallbackUpdated: SiteURLs.sourceDate()) }
        }
        if let renderer = context.renderer {
            let version = context.options.forPublishing ? context.outputTable().table.version() : "serve"
            context.emit("sw.js", text: renderer.serviceWorker(version: version))
        }
        guard context.options.forPublishing else {
            context.emit("_headers", text: HeadersFile.make(paths: context.outputPaths))
            return
        }
        // A file the last build compressed, unchanged since, keeps its `.gz` where it is.
        let previous = context.lastFiles
        let compressible = context.outputs.keys.sorted().filter { path in
            guard GzipSiblings.isWanted(path, size: context.outputs[path]!.count) else { return false }
            if let previous, previous[path]?.sha256 == Digest(hex: context.sha256(of: path)), let gzip = previous.position(of: path + ".gz") {
                context.keptFiles[gzip] = true
                return false
            }
            return true
        }
        let outputs = context.outputs
        var early: [String: [UInt8]?] = [:]
        for (path, started) in context.earlyCompression where compressible.contains(path) {
            // Still the bytes it started from (the same storage, so the comparison is immediate).
            if started.bytes == outputs[path]! { early[path] = await started.gzip.value }
        }
        let compressed = ParallelMap.map(compressible) { path -> (String, [UInt8]?) in
            if let made = early[path] { return (path, made) }
            return (path, GzipSiblings.compress(outputs[path]!))
        }
        for (path, bytes) in compressed {
            guard let bytes else { throw .io(path: path + ".gz", reason: "zlib could not compress it") }
            context.emit(path + ".gz", bytes)
            context.compressedCopies.insert(path + ".gz")
        }
        // `_headers` names the files at the top of the output, kept ones too.
        var topFiles = context.outputPaths
        for (position, entry) in (previous?.entries ?? []).enumerated() where context.keptFiles[position] && !entry.path.utf8.contains(UInt8(ascii: "/")) {
            topFiles.append(entry.path)
        }
        context.emit("_headers", text: HeadersFile.make(paths: topFiles))
    }
}
