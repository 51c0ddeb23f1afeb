/// Where a book's files go in the site, from the site's root: one place for the pages that make
/// them and the pages that link to them.
public enum BookFiles {
    /// The reader page: `books/<slug>/index.html`.
    public static func page(_ slug: String) -> String { "books/\(slug)/index.html" }
    /// The book as data for the reader: `books/<slug>/book.json`.
    public static func bookJSON(_ slug: String) -> String { "books/\(slug)/book.json" }
    /// The soundtrack and effect cues: `books/<slug>/cues.json`.
    public static func cues(_ slug: String) -> String { "books/\(slug)/cues.json" }
    /// The EPUB: `books/<slug>/<slug>.epub`.
    public static func epub(_ slug: String) -> String { "books/\(slug)/\(slug).epub" }
}
