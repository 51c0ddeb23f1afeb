import Foundation
import Mustache
import TaleCore

/// Renders pages from the theme's mustache templates: the library, each reader page and the
/// typographic cover. Templates get plain dictionaries; every value is escaped by mustache
/// except scene HTML (already sanitised) and JSON (escaped for script elements).
public struct PageRenderer: Sendable {
    private let library: MustacheLibrary
    /// Whether the library template's `{{#books}}` section could be split out, so that each book's
    /// card renders (and is remembered) on its own.
    private let cardsSplit: Bool
    private let site: SiteConfig
    /// Theme asset path (`assets/storybook.css`) to its hashed output path.
    private let assetPaths: [String: String]
    /// Canonical URLs.
    private let urls: SiteURLs

    /// Templates every theme provides.
    public static let requiredTemplates = ["library", "book", "cover.svg", "head", "footer", "sw.js"]

    /// Compiles the theme's templates. With `splitLibraryCards` (the default) each book's card on
    /// the library page renders on its own, in parallel and remembered by a `CardMemo`; false renders
    /// the page from the whole template, as the reference the split must match.
    public init(theme: Theme, site: SiteConfig, assetPaths: [String: String], splitLibraryCards: Bool = true) throws(TaleError) {
        var library = MustacheLibrary()
        for name in PageRenderer.requiredTemplates {
            let path = "templates/\(name).mustache"
            do {
                try library.register(try theme.text(path), named: name)
            } catch let error as TaleError {
                throw error
            } catch {
                throw .theme(name: theme.name, reason: "\(path): \(error)")
            }
        }
        if splitLibraryCards, let text = try? theme.text("templates/library.mustache"), let split = SectionSplit(text, section: "books"),
           (try? library.register(split.shell, named: PageRenderer.shellName)) != nil,
           (try? library.register(split.item, named: PageRenderer.cardName)) != nil {
            cardsSplit = true
        } else {
            cardsSplit = false
        }
        self.library = library
        self.site = site
        self.assetPaths = assetPaths
        self.urls = SiteURLs(base: site.baseURL)
    }

    private func render(_ name: String, _ context: [String: Any]) -> String {
        library.render(context, withTemplate: name) ?? ""
    }

    /// Asset URLs relative to a page `root` (`""` for the library, `../../` for a book). Templates
    /// name them by file name with dots as underscores: `assets/storybook.css` is `{{assets.storybook_css}}`.
    private func assets(root: String) -> [String: Any] {
        var result: [String: Any] = [:]
        for (logical, hashed) in assetPaths {
            let key = logical.dropFirst("assets/".count).replacingOccurrences(of: ".", with: "_").replacingOccurrences(of: "/", with: "_")
            result[key] = root + hashed
        }
        return result
    }

    private func common(root: String, title: String, description: String, language: String, canonical: String) -> [String: Any] {
        [
            "root": root, "pageTitle": title, "description": description, "language": language, "canonical": canonical,
            "csp": ContentSecurityPolicy.meta,
            "site": ["title": site.title, "description": site.description, "baseURL": site.baseURL],
            "assets": assets(root: root),
        ]
    }

    private func image(_ view: ImageView, root: String, sizes: String = "(min-width: 900px) 50vw, 100vw") -> [String: Any] {
        var result: [String: Any] = ["src": root + view.path, "alt": view.alt]
        if !view.variants.isEmpty {
            var candidates = view.variants.map { "\(root)\($0.path) \($0.width)w" }
            if let width = view.width { candidates.append("\(root)\(view.path) \(width)w") }
            result["srcset"] = candidates.joined(separator: ", ")
            result["sizes"] = sizes
        }
        if let width = view.width, let height = view.height {
            result["width"] = width
            result["height"] = height
            result["sized"] = true
        }
        return result
    }

    /// The age line shown on covers: `Ages 3-5`, `Age 8`, `Teens`, `Adults`.
    public static func ageLabel(_ matter: FrontMatter) -> String? { BookListing.ageLabel(matter.age) }

    /// The library page, `index.html`.
    public func libraryPage(_ books: [BookListing], cards memo: CardMemo? = nil) -> String {
        var context = common(root: "", title: site.title, description: site.description, language: site.language,
                             canonical: urls.library)
        let tiers = AgeTier.allCases.filter { tier in books.contains { $0.ageTier == tier } }
        context["tiers"] = tiers.map { ["tier": $0.rawValue, "label": $0.rawValue.capitalized] }
        context["tags"] = Array(Set(books.flatMap(\.tags))).sorted().map { ["tag": $0] }
        context["books"] = books.map { book -> [String: Any] in
            var entry: [String: Any] = [
                "slug": book.slug, "title": book.title, "href": "books/\(book.slug)/index.html",
                "cover": image(book.thumbnail ?? book.cover, root: "", sizes: "(min-width: 900px) 25vw, 50vw"), "tier": book.ageTier.rawValue,
                "tags": book.tags.map { ["tag": $0] }, "tagList": book.tags.joined(separator: " "), "hasTags": !book.tags.isEmpty,
                "sceneCount": book.sceneCount,
            ]
            if let author = book.author { entry["author"] = author }
            if let age = book.ageLabel { entry["age"] = age }
            if let summary = book.summary { entry["summary"] = summary }
            if let stats = book.stats { entry["stats"] = stats }
            if book.hasEPUB { entry["epub"] = "books/\(book.slug)/\(book.slug).epub" }
            return entry
        }
        context["bookCount"] = books.count
        guard cardsSplit, let entries = context["books"] as? [[String: Any]] else { return render("library", context) }
        // Each card is the section rendered with the book's entry over the page's context, as mustache's
        // context stack would resolve it; a card whose listing and page are unchanged is taken from the memo.
        // The dictionaries hold only strings, numbers, arrays and dictionaries, and are only read: safe to share.
        let page = ReadOnly(context), items = ReadOnly(entries)
        // A card may show anything of the page around it (the tiers, the book count), so the memo checks the page too.
        let pageKey = memo.map { _ in
            var around = context
            around["books"] = nil
            return SHA256.hex(CardMemo.key(around))
        }
        let cards = Locked([String?](repeating: nil, count: entries.count))
        DispatchQueue.concurrentPerform(iterations: entries.count) { index in
            if let memo, let pageKey, let kept = memo.card(for: books[index], page: pageKey) {
                cards.mutate { $0[index] = kept }
                return
            }
            let html = render(PageRenderer.cardName, page.value.merging(items.value[index]) { _, card in card })
            if let memo, let pageKey { memo.store(CardMemo.Card(page: pageKey, listing: books[index], html: html)) }
            cards.mutate { $0[index] = html }
        }
        context["__taleCards"] = cards.value.map { $0 ?? "" }.joined()
        return render(PageRenderer.shellName, context)
    }

    static let shellName = "__tale_library_shell", cardName = "__tale_library_card"

    /// Template data shared by the threads that render cards; they only read it.
    private struct ReadOnly<Value>: @unchecked Sendable {
        let value: Value
        init(_ value: Value) { self.value = value }
    }

    /// The reader page, `books/<slug>/index.html`.
    public func bookPage(_ view: BookView) -> String {
        let matter = view.book.frontMatter
        let root = "../../"
        let description = matter.summary ?? matter.premise ?? "A picture book."
        let canonical = urls.book(view.book.slug)
        var context = common(root: root, title: "\(matter.title) · \(site.title)",
                             description: description, language: matter.language, canonical: canonical)
        let preview = view.socialImage ?? view.cover
        var social: [String: Any] = [
            "title": matter.title, "description": description, "url": canonical,
            "image": urls.file(preview.path), "imageAlt": view.cover.alt,
            "locale": matter.language.replacingOccurrences(of: "-", with: "_"),
        ]
        if let width = preview.width, let height = preview.height {
            social["imageWidth"] = width
            social["imageHeight"] = height
        }
        context["social"] = social
        context["jsonLD"] = PageRenderer.jsonLD(view, url: canonical, image: urls.file((view.socialImage ?? view.cover).path), description: description)
        if let cues = view.cues { context["cuesJSON"] = CueJSON.value(cues, files: view.soundFiles).text() }
        var book: [String: Any] = [
            "slug": view.book.slug, "title": matter.title, "cover": image(view.cover, root: root),
            "tags": matter.tags.map { ["tag": $0] }, "first": view.scenes.first?.scene.id ?? "",
            "style": matter.style.rawValue,
        ]
        if let author = matter.author { book["author"] = author }
        if let age = PageRenderer.ageLabel(matter) { book["age"] = age }
        if let summary = matter.summary { book["summary"] = summary }
        if let stats = view.stats { book["stats"] = stats.label }
        if view.hasEPUB { book["epub"] = "\(view.book.slug).epub" }
        context["book"] = book
        context["sceneCount"] = view.scenes.count
        context["endingCount"] = view.endings.count
        context["scenes"] = view.scenes.enumerated().map { index, sceneView -> [String: Any] in
            let scene = sceneView.scene
            var entry: [String: Any] = [
                "id": scene.id, "number": index + 1, "html": sceneView.html,
                "title": scene.title ?? matter.title, "untitled": scene.title == nil,
                "isEnding": view.endings.contains(scene.id),
                "choices": scene.choices.map { ["label": $0.label, "target": $0.target] },
                "hasChoices": !scene.choices.isEmpty,
                "even": index % 2 == 1,
            ]
            if let mood = scene.mood { entry["mood"] = mood.rawValue }
            if let effects = scene.effects, !effects.isEmpty { entry["effects"] = effects.map(\.rawValue).joined(separator: " ") }
            if let illustration = sceneView.illustration { entry["illustration"] = image(illustration, root: root) }
            if let next = sceneView.next { entry["next"] = next }
            if let narration = sceneView.narration {
                entry["narration"] = ["audio": root + narration.audio, "timings": narration.timings.map(String.init).joined(separator: " ")]
            }
            return entry
        }
        return render("book", context)
    }

    /// schema.org `Book` metadata for a reader page, as JSON safe inside `<script>`.
    static func jsonLD(_ view: BookView, url: String, image: String, description: String) -> String {
        let matter = view.book.frontMatter
        var pairs: [(String, JSONValue)] = [
            ("@context", .string("https://schema.org")), ("@type", .string("Book")),
            ("name", .string(matter.title)), ("url", .string(url)), ("inLanguage", .string(matter.language)),
            ("description", .string(description)), ("image", .string(image)),
            ("bookFormat", .string("https://schema.org/EBook")), ("numberOfPages", .int(view.scenes.count)),
        ]
        if let author = matter.author { pairs.append(("author", .object([("@type", .string("Person")), ("name", .string(author))]))) }
        if let date = matter.date { pairs.append(("datePublished", .string(date))) }
        if let age = matter.age, age.first?.isNumber == true { pairs.append(("typicalAgeRange", .string(age))) }
        if !matter.tags.isEmpty { pairs.append(("keywords", .string(matter.tags.joined(separator: ", ")))) }
        if let cues = view.cues {
            let hazards = cues.hazards
            let all = ["flashing", "motionSimulation", "sound"]
            let stated = all.map { hazards.contains($0) ? $0 : "no" + $0.prefix(1).uppercased() + $0.dropFirst() + "Hazard" }
            pairs.append(("accessibilityHazard", .array(stated.map { .string($0) })))
        }
        return JSONValue.object(pairs).text()
    }

    /// The service worker, `sw.js`, whose cache is named after `version` (a hash of the build).
    public func serviceWorker(version: String) -> String {
        render("sw.js", ["version": version])
    }

    /// The typographic cover drawn by the theme for a book without `cover:`.
    public func typographicCover(for book: Book) -> String {
        let matter = book.frontMatter
        let palettes = [
            ("#f4d35e", "#0d3b66", "#ee964b"), ("#a8dadc", "#1d3557", "#e63946"), ("#ffd6a5", "#5a189a", "#ff7b00"),
            ("#caffbf", "#1b4332", "#ff8fab"), ("#bde0fe", "#3a0ca3", "#ffbe0b"), ("#ffc8dd", "#6a040f", "#4cc9f0"),
        ]
        let hash = SHA256.hex(book.slug)
        let index = Int(hash.prefix(2), radix: 16)! % palettes.count
        let (paper, ink, accent) = palettes[index]
        let lines = PageRenderer.wrap(matter.title, width: 14).prefix(4)
        let firstY = 330 - (lines.count - 1) * 36
        var context: [String: Any] = [
            "paper": paper, "ink": ink, "accent": accent, "title": matter.title,
            "lines": lines.enumerated().map { ["text": $0.element, "y": firstY + $0.offset * 72] },
        ]
        if let author = matter.author { context["author"] = author }
        if let age = PageRenderer.ageLabel(matter) { context["age"] = age }
        return render("cover.svg", context)
    }

    /// Greedy word wrap to lines of at most `width` characters (a longer word stands alone).
    public static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ") {
            if current.isEmpty { current = String(word) } else if current.count + 1 + word.count <= width {
                current += " " + word
            } else {
                lines.append(current)
                current = String(word)
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }
}
