import TaleCore

/// Reads `tale.yaml` into a `SiteConfig`; every key is optional.
public enum SiteConfigDecoder {
    /// Every key `tale.yaml` knows today.
    public static let knownKeys = ["title", "description", "base_url", "language", "theme"]

    /// Decodes the text of `tale.yaml` (at `file`, relative to the project).
    public static func decode(_ text: String, file: String, diagnostics: inout DiagnosticList) -> SiteConfig {
        var config = SiteConfig()
        guard let root = StrictYAML.parse(text, file: file, firstLine: 1, diagnostics: &diagnostics) else { return config }
        guard case .mapping(let pairs, _) = root else {
            diagnostics.error(root.location, "tale.yaml must be settings written as `key: value` lines")
            return config
        }
        var reader = MappingReader(pairs, context: "tale.yaml")
        reader.warnUnknownKeys(known: knownKeys)
        if let title = reader.string("title") { config.title = title }
        if let description = reader.string("description") { config.description = description }
        if let language = reader.string("language") {
            if FrontMatterDecoder.isLanguageTag(language) { config.language = language } else {
                reader.diagnostics.error(reader.value("language")!.location, "language must be a BCP 47 tag like `en` or `pt-BR`; found '\(language)'")
            }
        }
        if let base = reader.string("base_url") {
            if base.hasPrefix("https://") || base.hasPrefix("http://") || base.hasPrefix("/") {
                config.baseURL = base.hasSuffix("/") ? base : base + "/"
            } else {
                reader.diagnostics.error(reader.value("base_url")!.location,
                                         "base_url must start with https://, http:// or /; found '\(base)'",
                                         hint: "write it like `base_url: https://books.example.org/`")
            }
        }
        if let theme = reader.string("theme") {
            if Slug.isValid(theme) { config.theme = theme } else {
                reader.diagnostics.error(reader.value("theme")!.location, "theme must be a folder name in themes/ (a-z, 0-9, hyphens); found '\(theme)'")
            }
        }
        diagnostics.append(contentsOf: reader.diagnostics)
        return config
    }
}
