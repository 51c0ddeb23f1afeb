/// `tale.yaml`: the site's settings. Every key has a default, so the file is optional.
public struct SiteConfig: Sendable, Equatable {
    /// The library's title.
    public var title: String = "Tale Library"
    /// One line about the library.
    public var description: String = "Illustrated, interactive storybooks."
    /// Where the site will live, ending in `/` (used for canonical URLs).
    public var baseURL: String = "/"
    /// Default language for the library page.
    public var language: String = "en"
    /// The theme's name: `themes/<name>/` over the bundled theme of the same name.
    public var theme: String = "storybook"
    /// How missing text is generated (`generate:`).
    public var generation = GenerationSettings()
    /// Where the shared cache of built books is (`cache:`): a folder, or `s3://bucket/prefix`; nil for none.
    /// `--cache` wins over it. It changes where results are kept, never what a build makes.
    public var cache: String?

    /// The defaults.
    public init() {}
}
