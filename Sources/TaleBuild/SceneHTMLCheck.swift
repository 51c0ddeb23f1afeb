import TaleCore
import TaleHTML
import TaleMarkdown

/// A scene's HTML as a book holds it: sanitised, with the scene's own pictures kept and links to
/// other books pointed at their pages. `CheckStage` reports what the sanitiser took out and checks
/// that the result goes into an EPUB, so `tale check` and `tale build` agree; `RenderStage`
/// sanitises again with the pictures' published paths.
enum SceneHTMLCheck {
    /// The sanitiser for one scene; `pictures` maps the paths of its inline pictures, as written, to
    /// their output paths (a picture not in it is removed, as a remote one is).
    static func sanitizer(pictures: [String: String]) -> HTMLSanitizer {
        HTMLSanitizer { attribute, url in
            if attribute == "src" { return pictures[url] ?? pictures[url.removingPercentEncoding ?? url] }
            if url.hasPrefix("../"), let slug = BookLinks.slug(inLink: url) {
                let fragment = url.firstIndex(of: "#").map { String(url[$0...]) } ?? ""
                return "../\(slug)/index.html\(fragment)"
            }
            return url
        }
    }

    /// The warnings for what sanitising `scene` removes, each where it was written, and an error when
    /// the kept HTML nests deeper than `SourceLimits.htmlNesting` or does not make well-formed XHTML.
    static func problems(_ scene: Scene, book: Book, context: BuildContext) -> [Diagnostic] {
        let pictures = Dictionary(scene.inlineImages.map { ($0.path, $0.path) }) { first, _ in first }
        let result = sanitizer(pictures: pictures).sanitize(scene.html)
        var found: [Diagnostic] = []
        for removal in result.removals {
            let place = context.locate(removal.needle, in: book.sourcePath, from: scene.location.line, to: scene.lastLine,
                                       fallback: scene.location)
            if let lost = removal.lostWords {
                let words = lost.count == 1 ? "the word" : "the \(lost.count) words"
                found.append(Diagnostic(.warning, at: place, "removed \(removal.what) from the scene's HTML, and \(words) inside it: \(lost.start)",
                                        hint: "books may not hold \(removal.what); if those words should show, close the \(removal.what) before them or take it out"))
            } else {
                found.append(Diagnostic(.warning, at: place, "removed \(removal) from the scene's HTML",
                                        hint: "books may not hold scripts, forms, frames, event handlers or remote images"))
            }
        }
        if result.depth > SourceLimits.htmlNesting {
            found.append(Diagnostic(.error, at: scene.location,
                                    "this scene's HTML nests \(result.depth) elements deep; a scene holds at most \(SourceLimits.htmlNesting)",
                                    hint: "close the raw HTML's elements where they end, or nest fewer lists and quotes"))
        } else if let problem = XHTML.problem(in: "<div>" + XHTML.fragment(result.html) + "</div>") {
            found.append(Diagnostic(.error, at: scene.location, "this scene's HTML cannot go into the EPUB: \(problem)",
                                    hint: "simplify the scene's raw HTML; if it looks right, this is a bug in Tale, so please report it with the scene"))
        }
        return found
    }
}
