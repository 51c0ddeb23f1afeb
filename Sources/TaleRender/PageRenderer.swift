import Foundation
import TaleCore

/// Renders pages from the theme's mustache templates (`TemplateSet`): the library, each reader
/// page and the typographic cover. Templates get `TemplateValue`s; every value is escaped for HTML
/// except scene HTML (already sanitised) and JSON (escaped for script elements).
public struct PageRenderer: Sendable {
    private let templates: TemplateSet
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

    /// Compiles the theme's templates: the required ones and any other `templates/*.mustache`, which
    /// templates may include as partials. A template that does not parse, or names a partial the
    /// theme lacks, is an error at its line and column. With `splitLibraryCards` (the default)
    /// each book's card on the library page renders on its own, in parallel and remembered by a
    /// `CardMemo`; false renders the page from the whole template, as the reference the split must match.
    public init(theme: Theme, site: SiteConfig, assetPaths: [String: String], splitLibraryCards: Bool = true) throws(TaleError) {
        var templates = try PageRenderer.templates(of: theme)
        cardsSplit = splitLibraryCards
            && templates.split("library", section: "books", shell: PageRenderer.shellName, item: PageRenderer.cardName, placeholder: "__taleCards")
        self.templates = templates
        self.site = site
        self.assetPaths = assetPaths
        self.urls = SiteURLs(base: site.baseURL)
    }

    /// The theme's templates, parsed: the required ones and any other `templates/*.mustache`. A
    /// template that is missing, does not parse, or names a partial the theme lacks is an error
    /// at its line and column.
    private static func templates(of theme: Theme) throws(TaleError) -> TemplateSet {
        var templates = TemplateSet()
        let suffix = ".mustache"
        let names = Set(PageRenderer.requiredTemplates + theme.files.keys.filter { $0.hasPrefix("templates/") && $0.hasSuffix(suffix) }
            .map { String($0.dropFirst("templates/".count).dropLast(suffix.count)) })
        for name in names.sorted() {
            let path = "templates/\(name)\(suffix)"
            let shown = theme.overridden.contains(path) ? "themes/\(theme.name)/\(path)" : "\(path) (in the bundled theme '\(theme.name)')"
            let source = try theme.text(path)
            do throws(Diagnostic) {
                try templates.add(source, named: name, file: shown)
            } catch {
                throw .invalidSources([error])
            }
        }
        if let problem = templates.missingPartial() ?? templates.endlessPartial() { throw .invalidSources([problem]) }
        return templates
    }

    /// The theme files the typographic cover is rendered from: `templates/cover.svg.mustache` and
    /// the templates it reaches as partials. Every template, when the templates do not load (the
    /// build then stops at that error).
    public static func coverTemplateFiles(of theme: Theme) -> Set<String> {
        guard let templates = try? PageRenderer.templates(of: theme) else {
            return Set(theme.files.keys.filter { $0.hasPrefix("templates/") && $0.hasSuffix(".mustache") })
        }
        return Set(templates.reached(from: "cover.svg").map { "templates/\($0).mustache" })
    }

    private func render(_ name: String, _ context: TemplateObject) -> String {
        templates.render(name, context)
    }

    /// Asset URLs relative to a page `root` (`""` for the library, `../../` for a book). Templates
    /// name them by file name with dots as underscores: `assets/storybook.css` is `{{assets.storybook_css}}`.
    private func assets(root: String) -> TemplateValue {
        var result = TemplateObject()
        for (logical, hashed) in assetPaths.sorted(by: { $0.key < $1.key }) {
            let key = logical.dropFirst("assets/".count).replacingOccurrences(of: ".", with: "_").replacingOccurrences(of: "/", with: "_")
            result[key] = .string(root + hashed)
        }
        return .object(result)
    }

    private func common(root: String, title: String, description: String, language: String, canonical: String) -> TemplateObject {
        [
            "root": .string(root), "pageTitle": .string(title), "description": .string(description), "language": .string(language),
            "canonical": .string(canonical), "csp": .string(ContentSecurityPolicy.meta),
            "site": ["title": .string(site.title), "description": .string(site.description), "baseURL": .string(site.baseURL)],
            "assets": assets(root: root),
        ]
    }

    private func image(_ view: ImageView, root: String, sizes: String = "(min-width: 900px) 50vw, 100vw") -> TemplateValue {
        var result: TemplateObject = ["src": .string(root + view.path), "alt": .string(view.alt)]
        if !view.variants.isEmpty {
            var candidates = view.variants.map { "\(root)\($0.path) \($0.width)w" }
            if let width = view.width { candidates.append("\(root)\(view.path) \(width)w") }
            result["srcset"] = .string(candidates.joined(separator: ", "))
            result["sizes"] = .string(sizes)
        }
        if let width = view.width, let height = view.height {
            result["width"] = .int(width)
            result["height"] = .int(height)
            result["sized"] = true
        }
        return .object(result)
    }

    /// The age line shown on covers: `Ages 3-5`, `Age 8`, `Teens`, `Adults`.
    public static func ageLabel(_ matter: FrontMatter) -> String? { BookListing.ageLabel(matter.age) }

    /// The library page, `index.html`.
    public func libraryPage(_ books: [BookListing], cards memo: CardMemo? = nil) -> String {
        var context = common(root: "", title: site.title, description: site.description, language: site.language,
                             canonical: urls.library)
        let tiers = AgeTier.allCases.filter { tier in books.contains { $0.ageTier == tier } }
        context["tiers"] = .list(tiers.map { ["tier": .string($0.rawValue), "label": .string($0.rawValue.capitalized)] })
        context["tags"] = .list(Array(Set(books.flatMap(\.tags))).sorted().map { ["tag": .string($0)] })
        let entries = books.map { book -> TemplateObject in
            var entry: TemplateObject = [
                "slug": .string(book.slug), "title": .string(book.title), "href": .string(BookFiles.page(book.slug)),
                "cover": image(book.thumbnail ?? book.cover, root: "", sizes: "(min-width: 900px) 25vw, 50vw"),
                "tier": .string(book.ageTier.rawValue), "tags": .list(book.tags.map { ["tag": .string($0)] }),
                "tagList": .string(book.tags.joined(separator: " ")), "hasTags": .bool(!book.tags.isEmpty),
                "sceneCount": .int(book.sceneCount),
            ]
            if let author = book.author { entry["author"] = .string(author) }
            if let age = book.ageLabel { entry["age"] = .string(age) }
            if let summary = book.summary { entry["summary"] = .string(summary) }
            if let stats = book.stats { entry["stats"] = .string(stats) }
            if book.hasEPUB { entry["epub"] = .string(BookFiles.epub(book.slug)) }
            return entry
        }
        context["bookCount"] = .int(books.count)
        guard cardsSplit else {
            context["books"] = .list(entries.map { .object($0) })
            return render("library", context)
        }
        // Each card is the section rendered with the book's entry over the page's context, as mustache's
        // context stack resolves it; a card whose listing and page are unchanged is taken from the memo.
        // A card may show anything of the page around it (the tiers, the book count), so the memo checks the page too.
        let pageKey = memo.map { _ in SHA256.hex(CardMemo.key(.object(context))) }
        let page = TemplateValue.object(context)
        context["books"] = .list(entries.map { .object($0) })
        let cards = Locked([String?](repeating: nil, count: entries.count))
        DispatchQueue.concurrentPerform(iterations: entries.count) { index in
            if let memo, let pageKey, let kept = memo.card(for: books[index], page: pageKey) {
                cards.mutate { $0[index] = kept }
                return
            }
            let html = templates.render(PageRenderer.cardName, stack: [page, .object(entries[index])], capacity: 1024)
            if let memo, let pageKey { memo.store(CardMemo.Card(page: pageKey, listing: books[index], html: html)) }
            cards.mutate { $0[index] = html }
        }
        context["__taleCards"] = .string(cards.value.map { $0 ?? "" }.joined())
        return templates.render(PageRenderer.shellName, context, capacity: 65_536)
    }

    static let shellName = "__tale_library_shell", cardName = "__tale_library_card"

    /// The reader page, `books/<slug>/index.html`.
    public func bookPage(_ view: BookView) -> String {
        let matter = view.book.frontMatter
        let root = "../../"
        let description = matter.summary ?? matter.premise ?? "A picture book."
        let canonical = urls.book(view.book.slug)
        var context = common(root: root, title: "\(matter.title) · \(site.title)",
                             description: description, language: matter.language, canonical: canonical)
        let preview = view.socialImage ?? view.cover
        var social: TemplateObject = [
            "title": .string(matter.title), "description": .string(description), "url": .string(canonical),
            "image": .string(urls.file(preview.path)), "imageAlt": .string(view.cover.alt),
            "locale": .string(matter.language.replacingOccurrences(of: "-", with: "_")),
        ]
        if let width = preview.width, let height = preview.height {
            social["imageWidth"] = .int(width)
            social["imageHeight"] = .int(height)
        }
        context["social"] = .object(social)
        context["jsonLD"] = .string(PageRenderer.jsonLD(view, url: canonical, image: urls.file((view.socialImage ?? view.cover).path), description: description))
        if let cues = view.cuesJSON ?? view.cues.map({ CueJSON.value($0, files: view.soundFiles) }) { context["cuesJSON"] = .string(cues.text()) }
        var book: TemplateObject = [
            "slug": .string(view.book.slug), "title": .string(matter.title), "cover": image(view.cover, root: root),
            "tags": .list(matter.tags.map { ["tag": .string($0)] }), "first": .string(view.scenes.first?.scene.id ?? ""),
            "style": .string(matter.style.rawValue),
        ]
        if let author = matter.author { book["author"] = .string(author) }
        if let age = PageRenderer.ageLabel(matter) { book["age"] = .string(age) }
        if let summary = matter.summary { book["summary"] = .string(summary) }
        if let stats = view.stats { book["stats"] = .string(stats.label) }
        if view.hasEPUB { book["epub"] = .string("\(view.book.slug).epub") }
        context["book"] = .object(book)
        context["sceneCount"] = .int(view.scenes.count)
        context["endingCount"] = .int(view.endings.count)
        context["scenes"] = .list(view.scenes.enumerated().map { index, sceneView -> TemplateValue in
            let scene = sceneView.scene
            var entry: TemplateObject = [
                "id": .string(scene.id), "number": .int(index + 1), "html": .string(sceneView.html),
                "title": .string(scene.title ?? matter.title), "untitled": .bool(scene.title == nil),
                "isEnding": .bool(view.endings.contains(scene.id)),
                "choices": .list(scene.choices.map { ["label": .string($0.label), "target": .string($0.target)] }),
                "hasChoices": .bool(!scene.choices.isEmpty),
                "even": .bool(index % 2 == 1),
            ]
            if let mood = scene.mood { entry["mood"] = .string(mood.rawValue) }
            if let effects = scene.effects, !effects.isEmpty { entry["effects"] = .string(effects.map(\.rawValue).joined(separator: " ")) }
            if let illustration = sceneView.illustration { entry["illustration"] = image(illustration, root: root) }
            if let next = sceneView.next { entry["next"] = .string(next) }
            if let narration = sceneView.narration {
                entry["narration"] = ["audio": .string(root + narration.audio),
                                      "timings": .string(narration.timings.map(String.init).joined(separator: " "))]
            }
            return .object(entry)
        })
        return templates.render("book", context, capacity: 131_072)
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
        render("sw.js", ["version": .string(version)])
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
        var context: TemplateObject = [
            "paper": .string(paper), "ink": .string(ink), "accent": .string(accent), "title": .string(matter.title),
            "lines": .list(lines.enumerated().map { ["text": .string($0.element), "y": .int(firstY + $0.offset * 72)] }),
        ]
        if let author = matter.author { context["author"] = .string(author) }
        if let age = PageRenderer.ageLabel(matter) { context["age"] = .string(age) }
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
