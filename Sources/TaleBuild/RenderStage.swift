import Foundation
import TaleAnalyse
import TaleCore
import TaleOutput
import TaleRender

/// Renders the theme's assets, every book's media, reader page and book.json, and the library.
public struct RenderStage: BuildStage {
    /// `Render pages`.
    public let name = "Render pages"

    /// A stage value.
    public init() {}

    /// Renders only error-free sources.
    public var needsErrorFreeSources: Bool { true }

    /// Fills `context.outputs`.
    public func run(_ context: BuildContext) async throws(TaleError) {
        guard let theme = context.theme else { return }
        var assetPaths: [String: String] = [:]
        for asset in theme.assets {
            let hashed = AssetNames.hashedThemeAsset(asset.path, bytes: asset.bytes)
            assetPaths[asset.path] = hashed
            context.emit(hashed, asset.bytes)
        }
        if let icon = theme.assets.first(where: { $0.path == "assets/icon.svg" }) {
            for (path, bytes) in AppIcons.paint(icon.bytes, derived: DerivedImages(project: context.options.project)) {
                let hashed = AssetNames.hashedThemeAsset(path, bytes: bytes)
                assetPaths[path] = hashed
                context.emit(hashed, bytes)
            }
        }
        for font in ThemeFonts.files(derived: DerivedImages(project: context.options.project)) {
            assetPaths[font.path] = font.hashed
            context.emit(font.hashed, font.bytes)
        }
        context.assetPaths = assetPaths
        let renderer = try PageRenderer(theme: theme, site: context.config, assetPaths: assetPaths)
        // Each book renders on its own (any core); results join the context in book order.
        let step = BookRenderer(renderer: renderer, assetPaths: assetPaths, project: context.options.project, seed: context.config.generation.seed)
        let pages = context.memo.memory?.pages ?? ""
        let rendered = await BookTasks.map(context.books) { book -> RenderedBook in
            if var kept = context.recall(.rendered, book.slug) {
                if kept.pages != pages {
                    // Only theme files that shape the pages changed: the view stands, the page is rendered from it again.
                    let page = BookFiles.page(book.slug)
                    if let position = kept.book.outputs.firstIndex(where: { $0.0 == page }) {
                        kept.book.outputs[position].1 = Array(renderer.bookPage(kept.book.view).utf8)
                    }
                    kept.pages = pages
                    context.rememberPageRenderedAgain(book.slug, kept)
                }
                return kept.book
            }
            let made = step.render(book, analysis: context.analyses[book.slug] ?? BookAnalysis(book), narration: context.narrations[book.slug] ?? BookNarration(),
                                   previews: context.previews[book.slug] ?? BookPreviews.paint(book, project: context.options.project, seed: step.seed),
                                   keepsEncodedCues: context.memo.rendersPagesAgain)
            context.remember(.rendered, book.slug, BuildCache.Rendered(book: made, pages: pages))
            return made
        }
        for book in rendered {
            context.diagnostics.append(contentsOf: book.diagnostics)
            for (path, bytes) in book.outputs { context.emit(path, bytes) }
            for (path, copy) in book.copies { context.emit(path, copy: copy) }
            // The build index records which files each book made (`tale build` only).
            if context.recordsBookFiles { context.bookPaths[book.slug] = Set(book.outputs.map(\.0) + book.copies.map(\.0)) }
        }
        // Books carried over from the last build keep their files where they are, and their listings.
        for book in context.carried { for position in book.files { context.keptFiles[position] = true } }
        // Books from the shared cache are copied from its blobs, their `.gz` siblings with them.
        for cached in context.fromCache {
            for (file, (path, copy)) in zip(cached.record.files, cached.copies) {
                context.emit(path, copy: copy)
                if file.isCompressedCopy { context.compressedCopies.insert(path) }
            }
            if context.recordsBookFiles { context.bookPaths[cached.record.name] = Set(cached.record.files.filter { !$0.isCompressedCopy }.map(\.path)) }
        }
        var listings = rendered.map { BookListing($0.view) } + context.carried.compactMap(\.listing) + context.fromCache.map(\.record.listing)
        listings.sort { $0.slug < $1.slug }
        context.listings = listings
        context.cardMemo = context.memo.cards(previous: context.previousBuild)
        if let previous = context.previousBuild {
            var before: [String: BookListing] = [:]
            for (name, book) in previous.books { if let listing = book.listing { before[name] = listing } }
            context.listingsSinceLastBuild = ListingChange(from: before, to: listings)
        }
        if context.listingsSinceLastBuild != .unchanged || !context.keepFromLastBuild("index.html") {
            let page = Array(renderer.libraryPage(listings, cards: context.cardMemo).utf8)
            context.emit("index.html", page)
            // The library is the largest page: it is compressed on another thread while the EPUBs are made.
            if context.options.forPublishing { context.compressEarly("index.html", page) }
        }
        context.renderedBooks = rendered
        context.renderer = renderer
    }
}
