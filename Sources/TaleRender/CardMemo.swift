import Foundation

/// Library cards remembered between builds, by book. A card is rendered from the book's listing
/// and the page around it (the site, the age tiers and tags on the page, the book count), so a card
/// is used again while both are the same. `tale serve` keeps one in memory, and `tale build` keeps
/// one in the build index in `.tale-cache/`.
public final class CardMemo: @unchecked Sendable {
    /// One remembered card.
    public struct Card: Sendable, Equatable {
        /// A hash of the page's data the card was rendered with.
        public var page: String
        /// The listing it was rendered from.
        public var listing: BookListing
        /// The rendered card.
        public var html: String

        /// A card from its parts.
        public init(page: String, listing: BookListing, html: String) {
            self.page = page
            self.listing = listing
            self.html = html
        }
    }

    private let lock = NSLock()
    private var cards: [String: Card] = [:]

    /// An empty memo.
    public init() {}

    /// A memo holding `cards`, by book (read back from the build index).
    public init(_ cards: [String: Card]) { self.cards = cards }

    /// The card remembered for a book, whatever it was rendered from.
    public func card(_ slug: String) -> Card? { lock.withLock { cards[slug] } }

    func card(for listing: BookListing, page: String) -> String? {
        lock.withLock { cards[listing.slug].flatMap { $0.page == page && $0.listing == listing ? $0.html : nil } }
    }

    func store(_ card: Card) {
        lock.withLock { cards[card.listing.slug] = card }
    }

    /// Forgets every card (the theme or the config changed).
    public func removeAll() {
        lock.withLock { cards.removeAll() }
    }

    /// A stable text of a card's data: names in order, nested values spelled out.
    static func key(_ value: TemplateValue) -> String {
        var out = ""
        append(value, to: &out)
        return out
    }

    private static func append(_ value: TemplateValue, to out: inout String) {
        switch value {
        case .string(let text):
            out += "\"\(text.utf8.count):"
            out += text
        case .int(let number):
            out += "#\(number)"
        case .bool(let flag):
            out += flag ? "+" : "-"
        case .object(let object):
            out += "{"
            for (name, value) in object.entries.sorted(by: { $0.name < $1.name }) {
                out += name
                out += "="
                append(value, to: &out)
                out += ","
            }
            out += "}"
        case .list(let items):
            out += "["
            for item in items {
                append(item, to: &out)
                out += ","
            }
            out += "]"
        }
    }
}
