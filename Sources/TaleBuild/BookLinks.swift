import TaleCore

/// Links from a scene to another book (`../<slug>/`): which book they name, and whether it is there.
/// Checked for every book read, and for the links of books carried over from the last build.
enum BookLinks {
    /// The links of a book's scenes that leave the book (`../...`).
    static func leaving(_ book: Book) -> [BuildIndex.BookLink] {
        book.scenes.flatMap { scene in
            scene.links.filter { $0.destination.hasPrefix("../") }.map { BuildIndex.BookLink(destination: $0.destination, location: $0.location) }
        }
    }

    /// Reports a link that leaves its book but names no book, or names a book that is not in `slugs`.
    static func check(_ destination: String, at location: SourceLocation, slugs: [String], into diagnostics: inout DiagnosticList) {
        let target = BookLinks.slug(inLink: destination)
        if let target, !slugs.contains(target) {
            diagnostics.error(location, "link to unknown book '\(target)'\(Suggestion.didYouMean(target, among: slugs))",
                              hint: "link to another book as ../<slug>/ with the folder name of a book in content/")
        } else if target == nil {
            diagnostics.error(location, "link '\(destination)' leaves the book but names no book", hint: "link to another book as ../<slug>/")
        }
    }

    /// `../fox/` or `../fox/#den` → `fox`; nil for anything that does not name a single folder.
    static func slug(inLink destination: String) -> String? {
        var rest = destination.dropFirst(3)
        if let cut = rest.firstIndex(where: { $0 == "#" || $0 == "?" }) { rest = rest[..<cut] }
        let parts = rest.split(separator: "/", omittingEmptySubsequences: false)
        guard let first = parts.first, !first.isEmpty, first != "..", parts.count <= 2,
              parts.count == 1 || parts[1].isEmpty || parts[1] == "index.html" else { return nil }
        return String(first)
    }
}
