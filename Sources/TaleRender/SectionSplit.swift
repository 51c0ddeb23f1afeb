import Foundation

/// A mustache template split around one section, so that the section's body can be rendered
/// once per item on its own: `shell` has the section replaced by `{{{__taleCards}}}`, and `item`
/// is the body. Whitespace follows mustache's rule for standalone tags (a line holding only the
/// tag disappears with its newline), so rendering the shell with the items' output in place gives
/// the same text as rendering the whole template. Templates that change delimiters, or where
/// the section is not found exactly once, are not split.
struct SectionSplit {
    let shell: String
    let item: String

    init?(_ template: String, section: String) {
        guard !template.contains("{{=") else { return nil }
        let open = "{{#\(section)}}", inverted = "{{^\(section)}}", close = "{{/\(section)}}"
        let text = Array(template.utf8)
        func find(_ needle: String, from: Int) -> Int? {
            let bytes = Array(needle.utf8)
            guard bytes.count <= text.count else { return nil }
            var index = from
            while index + bytes.count <= text.count {
                if text[index] == bytes[0], Array(text[index..<index + bytes.count]) == bytes { return index }
                index += 1
            }
            return nil
        }
        guard let start = find(open, from: 0), find(open, from: start + 1) == nil else { return nil }
        // The matching close: sections of the same name inside count.
        var depth = 1, cursor = start + open.utf8.count, end: Int?
        while depth > 0 {
            let next = [find(open, from: cursor), find(inverted, from: cursor), find(close, from: cursor)].compactMap { $0 }.min()
            guard let next else { return nil }
            if find(close, from: cursor) == next { depth -= 1 } else { depth += 1 }
            if depth == 0 { end = next }
            cursor = next + 1
        }
        guard let end else { return nil }
        let (regionStart, bodyStart) = SectionSplit.edges(text, tag: start, length: open.utf8.count)
        let (bodyEnd, regionEnd) = SectionSplit.closingEdges(text, tag: end, length: close.utf8.count)
        guard bodyStart <= bodyEnd else { return nil }
        shell = String(decoding: text[..<regionStart], as: UTF8.self) + "{{{__taleCards}}}" + String(decoding: text[regionEnd...], as: UTF8.self)
        item = String(decoding: text[bodyStart..<bodyEnd], as: UTF8.self)
    }

    /// Whether a tag at `tag` stands alone on its line, and that line's start and the index after its newline.
    static func line(_ text: [UInt8], tag: Int, length: Int) -> (standalone: Bool, start: Int, after: Int) {
        var start = tag
        while start > 0, text[start - 1] != 0x0A { start -= 1 }
        var after = tag + length
        while after < text.count, text[after] != 0x0A { after += 1 }
        let blank: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
        let standalone = text[start..<tag].allSatisfy(blank) && text[(tag + length)..<after].allSatisfy(blank)
        return (standalone, start, min(after + 1, text.count))
    }

    /// Where the region replaced by the shell's placeholder starts, and where the body starts.
    static func edges(_ text: [UInt8], tag: Int, length: Int) -> (Int, Int) {
        let line = line(text, tag: tag, length: length)
        return line.standalone ? (line.start, line.after) : (tag, tag + length)
    }

    /// Where the body ends, and where the replaced region ends.
    static func closingEdges(_ text: [UInt8], tag: Int, length: Int) -> (Int, Int) {
        let line = line(text, tag: tag, length: length)
        return line.standalone ? (line.start, line.after) : (tag, tag + length)
    }
}

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
