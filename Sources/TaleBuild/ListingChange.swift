import TaleRender

/// What changed in the books' listings since the last build, which says which of the pages that
/// list books must be made again.
enum ListingChange {
    /// Nothing: the library, search index, sitemap and feed stay as they are.
    case unchanged
    /// Only what the library shows and the others do not (reading time, scene count, thumbnail):
    /// the search index, sitemap and feed stay.
    case libraryOnly
    /// The books or what the catalog shows of them: everything is made again.
    case changed

    /// The change from the last build's listings, by slug, to this build's.
    init(from previous: [String: BookListing], to now: [BookListing]) {
        guard previous.count == now.count else {
            self = .changed
            return
        }
        var change = ListingChange.unchanged
        for listing in now {
            guard let before = previous[listing.slug], before.sameCatalogEntry(as: listing) else {
                self = .changed
                return
            }
            if before != listing { change = .libraryOnly }
        }
        self = change
    }
}
