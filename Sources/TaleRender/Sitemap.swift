import TaleCore

/// `sitemap.xml` (sitemaps.org protocol 0.9): the library and every reader page.
public enum Sitemap {
    /// The sitemap for `books`; `urls` must be absolute.
    public static func make(_ books: [BookListing], urls: SiteURLs) -> String {
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        let latest = books.compactMap(\.date).max()
        xml += entry(urls.library, lastmod: latest)
        for book in books {
            xml += entry(urls.book(book.slug), lastmod: book.date)
        }
        return xml + "</urlset>\n"
    }

    private static func entry(_ location: String, lastmod: String?) -> String {
        var text = "  <url>\n    <loc>\(XMLEscape.string(location))</loc>\n"
        if let lastmod { text += "    <lastmod>\(lastmod)</lastmod>\n" }
        return text + "  </url>\n"
    }
}
