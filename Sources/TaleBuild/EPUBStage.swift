import Foundation
import TaleCore
import TaleEPUB
import TaleOutput
import TaleRender

/// Writes each book as an EPUB 3 beside its reader page: `books/<slug>/<slug>.epub`.
public struct EPUBStage: BuildStage {
    /// `Write EPUBs`.
    public let name = "Write EPUBs"

    /// A stage value.
    public init() {}

    /// Runs only on sources without errors.
    public var needsErrorFreeSources: Bool { true }

    /// Adds an EPUB per rendered book to the outputs.
    public func run(_ context: BuildContext) async throws(TaleError) {
        let outputs = context.outputs, copies = context.copies
        let baseURL = context.config.baseURL
        let layoutOverride = context.options.epubLayout
        let cache = DerivedImages(project: context.options.project).folder.appending(path: "epub")
        let made = await BookTasks.map(context.renderedBooks) { rendered -> (String, Result<[UInt8], EPUBError>) in
            let view = rendered.view
            // `tale serve` keeps each book's EPUB in memory while its folder is unchanged.
            if let kept = context.recall(.epub, view.book.slug) { return (view.book.slug, .success(kept)) }
            let matter = view.book.frontMatter
            let layout = layoutOverride ?? (matter.layout == "fixed" ? .fixed : .reflowable)
            let modified = matter.date.map(SiteURLs.timestamp(date:)) ?? SiteURLs.sourceDate()
            // The rendered book's book.json holds every scene's HTML, picture paths (content hashes) and narration:
            // with the layout, date and site it names everything an EPUB is made from, so it keys a cache of EPUBs.
            let key = SHA256.hex([EPUBStage.version, baseURL, layout.rawValue, modified, view.cover.path,
                                  SHA256.hex(rendered.bytes(of: BookFiles.bookJSON(view.book.slug)) ?? [])].joined(separator: "\u{0}"))
            let file = cache.appending(path: "\(key).epub")
            func keep(_ bytes: [UInt8]) { context.remember(.epub, view.book.slug, bytes) }
            if let data = DerivedImages.read(file) {
                keep(Array(data))
                return (view.book.slug, .success(Array(data)))
            }
            let builder = EPUBBuilder(view: view, files: { outputs[$0] ?? copies[$0]?.bytes() }, baseURL: baseURL, layout: layout, modified: modified)
            let result = Result { () throws(EPUBError) -> [UInt8] in try builder.make() }
            if case .success(let bytes) = result {
                keep(bytes)
                try? FileManager.default.createDirectory(at: cache, withIntermediateDirectories: true)
                try? Data(bytes).write(to: file, options: .atomic)
            }
            return (view.book.slug, result)
        }
        for (slug, result) in made {
            switch result {
            case .success(let bytes):
                context.emit(BookFiles.epub(slug), bytes)
                if context.recordsBookFiles { context.bookPaths[slug, default: []].insert(BookFiles.epub(slug)) }
            case .failure(let failure):
                context.diagnostics.error(SourceLocation(file: "content/\(slug)/index.md"), "cannot make the EPUB: \(failure)",
                                          hint: "this is a bug in Tale if the web pages built; please report it with the book")
            }
        }
        // In `tale build` nothing reads the rendered books after this stage: let them go before the
        // `.gz` siblings are made, which is when a full build's memory peaks.
        if context.memo.disk != nil { context.renderedBooks = [] }
    }

    /// Bump when the EPUB a book gives changes, so cached EPUBs are made again.
    static let version = "epub-2"
}
