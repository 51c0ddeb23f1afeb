/// Where a book's files go in the site, for every part of the build that names them.
public enum BookFiles {
    /// The book's EPUB: `books/<slug>/<slug>.epub`.
    public static func epub(_ slug: String) -> String { "books/\(slug)/\(slug).epub" }
}
