import TaleCore

/// `search.json`: what the library page searches and filters, without a server.
public enum SearchIndex {
    /// Format version of search.json.
    public static let version = 1

    /// One entry per book: its link (from the site root), title, author, summary, tags and tier.
    public static func make(_ books: [BookListing]) -> String {
        let entries: [JSONValue] = books.map { book in
            .object([
                ("slug", .string(book.slug)),
                ("url", .string(BookFiles.page(book.slug))),
                ("title", .string(book.title)),
                ("author", .optional(book.author)),
                ("summary", .optional(book.summary ?? book.premise)),
                ("tags", .array(book.tags.map { .string($0) })),
                ("age", .optional(book.age)),
                ("tier", .string(book.ageTier.rawValue)),
                ("language", .string(book.language)),
                ("cover", .string(book.cover.path)),
            ])
        }
        return JSONValue.object([("version", .int(version)), ("books", .array(entries))]).text(indent: 1) + "\n"
    }
}
