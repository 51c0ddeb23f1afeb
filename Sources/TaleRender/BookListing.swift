import TaleCore

/// What the pages that list books show of one: the library card, `search.json`, the sitemap and the
/// feed. The build index in `.tale-cache/` keeps it for every book, so that a build can make those
/// pages without rendering the books that did not change.
public struct BookListing: Sendable, Equatable {
    /// The book's folder name.
    public var slug: String
    /// Front matter the lists show.
    public var title: String
    public var author: String?
    public var summary: String?
    public var premise: String?
    public var tags: [String]
    public var age: String?
    public var ageTier: AgeTier
    public var language: String
    public var date: String?
    /// The cover, and the PNG of it the library shows when there is one.
    public var cover: ImageView
    public var thumbnail: ImageView?
    /// How many scenes the book has.
    public var sceneCount: Int
    /// "5 min read · 420 words", when the build measured the book.
    public var stats: String?
    /// Whether the book has an EPUB beside its page.
    public var hasEPUB: Bool

    /// The listing of a rendered book.
    public init(_ view: BookView) {
        let matter = view.book.frontMatter
        slug = view.book.slug
        title = matter.title
        author = matter.author
        summary = matter.summary
        premise = matter.premise
        tags = matter.tags
        age = matter.age
        ageTier = matter.ageTier
        language = matter.language
        date = matter.date
        cover = view.cover
        thumbnail = view.thumbnail
        sceneCount = view.scenes.count
        stats = view.stats?.label
        hasEPUB = view.hasEPUB
    }

    /// A listing from its parts (read back from the build index).
    public init(slug: String, title: String, author: String?, summary: String?, premise: String?, tags: [String], age: String?,
                ageTier: AgeTier, language: String, date: String?, cover: ImageView, thumbnail: ImageView?, sceneCount: Int,
                stats: String?, hasEPUB: Bool) {
        self.slug = slug
        self.title = title
        self.author = author
        self.summary = summary
        self.premise = premise
        self.tags = tags
        self.age = age
        self.ageTier = ageTier
        self.language = language
        self.date = date
        self.cover = cover
        self.thumbnail = thumbnail
        self.sceneCount = sceneCount
        self.stats = stats
        self.hasEPUB = hasEPUB
    }

    /// Whether `other` gives the same entry in `search.json`, the sitemap and the feed, which show
    /// neither the reading time, the scene count, the thumbnail nor the EPUB.
    public func sameCatalogEntry(as other: BookListing) -> Bool {
        slug == other.slug && title == other.title && author == other.author && summary == other.summary && premise == other.premise
            && tags == other.tags && age == other.age && ageTier == other.ageTier && language == other.language && date == other.date
            && cover.path == other.cover.path
    }

    /// "Ages 4-8", "Teens", ...: the age as the library labels it.
    public var ageLabel: String? { BookListing.ageLabel(age) }

    /// The library's label for a front matter `age:`.
    public static func ageLabel(_ age: String?) -> String? {
        guard let age else { return nil }
        switch age {
        case "teen", "teens": return "Teens"
        case "adult", "adults": return "Adults"
        default: return age.contains("-") ? "Ages \(age)" : "Age \(age)"
        }
    }
}
