/// Cleans HTML from a writer's Markdown through libxml2 with an allowlist: elements and
/// attributes not on the list are removed, URLs are checked, and every removal is reported
/// so the build can warn about it.
public struct HTMLSanitizer: Sendable {
    /// Elements kept as they are (their attributes filtered).
    public static let allowedElements: Set<String> = [
        "p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "em", "strong", "b", "i", "u", "s", "del", "ins",
        "mark", "small", "sub", "sup", "code", "pre", "kbd", "samp", "var", "blockquote", "ul", "ol", "li", "dl", "dt",
        "dd", "a", "img", "figure", "figcaption", "table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption",
        "span", "div", "abbr", "cite", "q", "section", "aside", "details", "summary", "input", "ruby", "rt", "rp",
        "time", "wbr", "col", "colgroup",
    ]
    /// Elements removed together with everything inside them.
    public static let droppedElements: Set<String> = [
        "script", "style", "iframe", "frame", "frameset", "object", "embed", "applet", "form", "input-hidden", "base",
        "meta", "link", "template", "svg", "math", "textarea", "select", "option", "button", "noscript", "title",
        "audio", "video", "source", "track", "canvas", "portal", "head",
    ]
    /// Attributes allowed on any kept element.
    static let globalAttributes: Set<String> = [
        "id", "class", "title", "lang", "dir", "aria-label", "aria-hidden", "aria-describedby", "role",
        // cmark-gfm's footnote markup
        "data-footnote-ref", "data-footnotes", "data-footnote-backref", "data-footnote-backref-idx",
    ]
    /// Attributes allowed on particular elements.
    static let elementAttributes: [String: Set<String>] = [
        "a": ["href"], "img": ["src", "alt", "width", "height"], "td": ["align", "colspan", "rowspan"],
        "th": ["align", "colspan", "rowspan", "scope"], "ol": ["start", "reversed"], "li": ["value"],
        "input": ["type", "checked", "disabled"], "time": ["datetime"], "col": ["span"], "colgroup": ["span"],
        "details": ["open"], "abbr": ["title"],
    ]

    /// Words that went with a removed element: how many, and their start quoted (`“The fox ran…”`).
    public struct LostWords: Sendable, Equatable {
        /// How many words.
        public var count: Int
        /// The first eight, in quotes, with `…` when there were more.
        public var start: String
    }

    /// What was taken out, for a warning.
    public struct Removal: Sendable, Equatable, CustomStringConvertible {
        /// A short description, like `<script>` or `onclick on <a>`.
        public var what: String
        /// Why.
        public var reason: String
        /// Text to look for in the source to find where it was written (`<script`, `onclick`).
        public var needle: String
        /// The words a removed element held; nil when it held none, or only code. An `<svg>` left
        /// open takes the rest of its HTML block.
        public var lostWords: LostWords?

        /// Creates a removal record.
        public init(what: String, reason: String, needle: String, lostWords: LostWords? = nil) {
            self.what = what
            self.reason = reason
            self.needle = needle
            self.lostWords = lostWords
        }
        /// `what (reason)`.
        public var description: String { "\(what) (\(reason))" }
    }

    /// The cleaned HTML and what was removed from it.
    public struct Result: Sendable, Equatable {
        /// Safe HTML.
        public var html: String
        /// Each removal, in document order.
        public var removals: [Removal]
        /// How many elements deep the kept HTML nests at its deepest (`<ul><li><p>` is 3).
        public var depth = 0
    }

    /// Elements whose content is code, not words a reader would miss.
    static let codeElements: Set<String> = ["script", "style", "template", "noscript", "head", "title"]

    /// Rewrites a kept `src` or `href`; return nil to remove the element (`img`) or the attribute (`href`).
    public typealias URLRewriter = @Sendable (_ attribute: String, _ url: String) -> String?

    private let rewrite: URLRewriter

    /// A sanitiser; `rewrite` maps safe URLs to their output form (for example images to `media/`).
    public init(rewrite: @escaping URLRewriter = { _, url in url }) {
        self.rewrite = rewrite
    }

    /// Sanitises an HTML fragment.
    public func sanitize(_ html: String) -> Result {
        guard let document = XMLDocumentHandle.htmlFragment(html), let body = document.body else {
            return Result(html: "", removals: [Removal(what: "everything", reason: "the HTML could not be parsed", needle: "<")])
        }
        var removals: [Removal] = []
        var depth = 0
        clean(children: body, level: 0, deepest: &depth, removals: &removals)
        let output = body.children.map { document.serialize($0) }.joined()
        return Result(html: output, removals: removals, depth: depth)
    }

    /// Cleans the children of `parent`, which is `level` elements deep, noting the deepest kept element.
    private func clean(children parent: XMLNodeHandle, level: Int, deepest: inout Int, removals: inout [Removal]) {
        for child in parent.children {
            if child.isText { continue }
            if child.isComment { child.remove(); continue }
            guard child.isElement else { child.remove(); continue }
            let name = child.name.lowercased()
            if HTMLSanitizer.droppedElements.contains(name) {
                removals.append(Removal(what: "<\(name)>", reason: "not allowed in a book", needle: "<\(name)",
                                        lostWords: HTMLSanitizer.words(in: child, name: name)))
                child.remove()
                continue
            }
            guard HTMLSanitizer.allowedElements.contains(name) else {
                removals.append(Removal(what: "<\(name)>", reason: "unknown element; its content is kept", needle: "<\(name)"))
                clean(children: child, level: level, deepest: &deepest, removals: &removals)
                child.unwrap()
                continue
            }
            if cleanAttributes(child, name: name, removals: &removals) {
                deepest = max(deepest, level + 1)
                clean(children: child, level: level + 1, deepest: &deepest, removals: &removals)
            }
        }
    }

    /// The words in a removed element, counted and quoted from their start; nil for code and for none.
    static func words(in element: XMLNodeHandle, name: String) -> LostWords? {
        guard !codeElements.contains(name) else { return nil }
        let words = element.textContent.split(whereSeparator: \.isWhitespace)
        guard !words.isEmpty else { return nil }
        return LostWords(count: words.count, start: "“" + words.prefix(8).joined(separator: " ") + (words.count > 8 ? "…”" : "”"))
    }

    /// Returns false when the element itself was removed.
    private func cleanAttributes(_ element: XMLNodeHandle, name: String, removals: inout [Removal]) -> Bool {
        let allowed = HTMLSanitizer.globalAttributes.union(HTMLSanitizer.elementAttributes[name] ?? [])
        for attribute in element.attributes {
            let key = attribute.name.lowercased()
            if attribute.prefix != nil || !allowed.contains(key) {
                let reason = key.hasPrefix("on") ? "event handlers run scripts" : key == "style" ? "inline styles are not allowed" : "attribute not allowed"
                removals.append(Removal(what: "\(key) on <\(name)>", reason: reason, needle: attribute.name))
                element.removeAttribute(attribute.name, prefix: attribute.prefix)
                continue
            }
            switch (name, key) {
            case ("a", "href"):
                if URLPolicy.isSafeLink(attribute.value), let rewritten = rewrite("href", attribute.value) {
                    if rewritten != attribute.value { element.setAttribute("href", rewritten) }
                } else {
                    removals.append(Removal(what: "href=\"\(attribute.value)\" on <a>", reason: "only http, https, mailto and relative links are allowed", needle: attribute.value))
                    element.removeAttribute(attribute.name, prefix: nil)
                }
            case ("img", "src"):
                if URLPolicy.isLocalResource(attribute.value), let rewritten = rewrite("src", attribute.value) {
                    if rewritten != attribute.value { element.setAttribute("src", rewritten) }
                } else {
                    removals.append(Removal(what: "<img src=\"\(attribute.value)\">", reason: "images must be Markdown images of files in the book's folder", needle: attribute.value))
                    element.remove()
                    return false
                }
            case ("input", "type"):
                if attribute.value.lowercased() != "checkbox" {
                    removals.append(Removal(what: "<input type=\"\(attribute.value)\">", reason: "only task-list checkboxes are allowed", needle: "<input"))
                    element.remove()
                    return false
                }
            default:
                break
            }
        }
        if name == "img", !element.attributes.contains(where: { $0.name == "src" }) {
            element.remove()
            return false
        }
        if name == "input" {
            guard element.attributes.contains(where: { $0.name == "type" }) else {
                removals.append(Removal(what: "<input>", reason: "only task-list checkboxes are allowed", needle: "<input"))
                element.remove()
                return false
            }
            element.setAttribute("disabled", "")
        }
        return true
    }
}
