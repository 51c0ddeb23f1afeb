import TaleCore

/// `feed.xml`: an Atom feed (RFC 4287) with one entry per book, newest first.
public enum AtomFeed {
    /// The feed; `urls` must be absolute. Books without a date use `fallbackUpdated` (from SOURCE_DATE_EPOCH).
    public static func make(_ books: [BookListing], site: SiteConfig, urls: SiteURLs, fallbackUpdated: String) -> String {
        func updated(_ book: BookListing) -> String { book.date.map(SiteURLs.timestamp) ?? fallbackUpdated }
        // Sort small keys, not the listings: copying a listing for every comparison costs more than the comparison.
        let keys = books.indices.map { (updated: updated(books[$0]), slug: books[$0].slug, index: $0) }
        let ordered = keys.sorted { ($0.updated, $1.slug) > ($1.updated, $0.slug) }.map { books[$0.index] }
        let feedUpdated = ordered.first.map(updated) ?? fallbackUpdated
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"\(XMLEscape.string(site.language))\">\n"
        xml += "  <title>\(XMLEscape.string(site.title))</title>\n"
        xml += "  <subtitle>\(XMLEscape.string(site.description))</subtitle>\n"
        xml += "  <id>\(XMLEscape.string(urls.library))</id>\n"
        xml += "  <link rel=\"self\" type=\"application/atom+xml\" href=\"\(XMLEscape.string(urls.file("feed.xml")))\"/>\n"
        xml += "  <link rel=\"alternate\" type=\"text/html\" href=\"\(XMLEscape.string(urls.library))\"/>\n"
        xml += "  <updated>\(feedUpdated)</updated>\n"
        xml += "  <author><name>\(XMLEscape.string(site.title))</name></author>\n"
        xml += "  <generator>Tale</generator>\n"
        for book in ordered {
            let url = urls.book(book.slug)
            xml += "  <entry>\n"
            xml += "    <title>\(XMLEscape.string(book.title))</title>\n"
            xml += "    <id>\(XMLEscape.string(url))</id>\n"
            xml += "    <link rel=\"alternate\" type=\"text/html\" href=\"\(XMLEscape.string(url))\"/>\n"
            xml += "    <updated>\(updated(book))</updated>\n"
            if let author = book.author { xml += "    <author><name>\(XMLEscape.string(author))</name></author>\n" }
            for tag in book.tags { xml += "    <category term=\"\(XMLEscape.string(tag))\"/>\n" }
            if let summary = book.summary ?? book.premise {
                xml += "    <summary>\(XMLEscape.string(summary))</summary>\n"
            }
            xml += "  </entry>\n"
        }
        return xml + "</feed>\n"
    }
}
