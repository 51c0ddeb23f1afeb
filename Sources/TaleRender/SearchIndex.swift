import TaleCore

/// `search.json`: what the library page searches and filters, without a server.
public enum SearchIndex {
    /// Format version of search.json.
    public static let version = 1

    /// One entry per book: its link (from the site root), title, author, summary, tags and tier.
    public static func make(_ books: [BookView]) -> String {
        let entries: [JSONValue] = books.map { view in
            let matter = view.book.frontMatter
            return .object([
                ("slug", .string(view.book.slug)),
                ("url", .string("books/\(view.book.slug)/index.html")),
                ("title", .string(matter.title)),
                ("author", .optional(matter.author)),
                ("summary", .optional(matter.summary ?? matter.premise)),
                ("tags", .array(matter.tags.map { .string($0) })),
                ("age", .optional(matter.age)),
                ("tier", .string(matter.ageTier.rawValue)),
                ("language", .string(matter.language)),
                ("cover", .string(view.cover.path)),
            ])
        }
        return JSONValue.object([("version", .int(version)), ("books", .array(entries))]).text(indent: 1) + "\n"
    }
}
