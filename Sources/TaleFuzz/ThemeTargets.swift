import TaleHTML
import TaleRender

extension FuzzTarget {
    /// The bytes as a theme's template, parsed and rendered over a page's kinds of values, as the
    /// partial `part` too, so that partials, sections and their nesting are all reached.
    public static let template = FuzzTarget(name: "template", input: "a theme template") { bytes in
        var set = TemplateSet()
        // Inputs that include themselves are common here; the limit is what is tested, not its size.
        set.workLimit = 20_000
        let source = String(decoding: bytes, as: UTF8.self)
        do {
            try set.add(source, named: "page", file: "fuzz.mustache")
            try set.add("<p>{{title}}</p>{{#scenes}}<i>{{id}}</i>{{/scenes}}", named: "part", file: "part.mustache")
        } catch {
            _ = String(describing: error)
            return
        }
        guard set.missingPartial() == nil, set.endlessPartial() == nil else { return }
        _ = set.render("page", context)
    }

    /// The bytes as a writer's raw HTML and as an SVG picture, through the sanitisers, and the kept
    /// HTML checked as EPUB XHTML.
    public static let sanitiser = FuzzTarget(name: "sanitiser", input: "raw HTML and SVG") { bytes in
        let text = String(decoding: bytes, as: UTF8.self)
        let kept = HTMLSanitizer().sanitize(text)
        _ = XHTML.problem(in: XHTML.fragment(kept.html))
        _ = try? SVGSanitizer.sanitize(text)
    }

    /// What a book page hands its template: text with markup in it, numbers, flags, lists and objects.
    static let context: TemplateObject = [
        "title": "Pip & the <Moon>",
        "count": 3,
        "draft": false,
        "empty": [],
        "scenes": [["id": "storm", "mood": "tense", "last": false], ["id": "home", "mood": "calm", "last": true]],
        "book": ["title": "Pip", "author": ["name": "A \"quoted\" name"]],
    ]
}
