import TaleCore

/// Reads `tale.yaml` into a `SiteConfig`; every key is optional.
public enum SiteConfigDecoder {
    /// Every key `tale.yaml` knows today.
    public static let knownKeys = ["title", "description", "base_url", "language", "theme", "generate", "cache"]
    /// The keys of `generate:`.
    public static let generateKeys = ["seed", "text", "images", "speech"]
    /// The keys of `generate.speech:`.
    public static let speechKeys = ["provider", "model", "voice"]
    /// The keys of `generate.images:`.
    public static let imageKeys = ["provider", "model", "size"]
    /// The keys of `generate.text:`.
    public static let textKeys = ["provider", "base_url", "model", "api_key_env", "timeout", "concurrency", "attempts", "moderation"]

    /// Decodes the text of `tale.yaml` (at `file`, relative to the project).
    public static func decode(_ text: String, file: String, diagnostics: inout DiagnosticList) -> SiteConfig {
        var config = SiteConfig()
        guard let root = StrictYAML.parse(text, file: file, firstLine: 1, document: "tale.yaml", diagnostics: &diagnostics) else { return config }
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
        if let cache = reader.string("cache") {
            if cache.isEmpty {
                reader.diagnostics.error(reader.value("cache")!.location, "cache must name a folder or an S3 location; found an empty value",
                                         hint: "write it like `cache: .tale-cache/shared` or `cache: s3://bucket/tale-cache/`")
            } else {
                config.cache = cache
            }
        }
        if var generate = reader.mapping("generate", context: "generate") {
            config.generation = decodeGeneration(&generate)
            reader.diagnostics.append(contentsOf: generate.diagnostics)
        }
        diagnostics.append(contentsOf: reader.diagnostics)
        return config
    }

    private static func decodeGeneration(_ reader: inout MappingReader) -> GenerationSettings {
        var settings = GenerationSettings()
        reader.warnUnknownKeys(known: generateKeys)
        if let seed = reader.string("seed") { settings.seed = seed }
        if var images = reader.mapping("images", context: "generate.images") {
            images.warnUnknownKeys(known: imageKeys)
            if let provider = images.word("provider", as: GenerationSettings.TextProviderKind.self) { settings.imageProvider = provider }
            if let model = images.string("model") { settings.imageModel = model }
            if let size = images.string("size") {
                let parts = size.split(separator: "x")
                if parts.count == 2, parts.allSatisfy({ Int($0) != nil }) { settings.imageSize = size } else {
                    images.diagnostics.error(images.value("size")!.location, "generate.images.size must be WIDTHxHEIGHT, like 1536x1024; found '\(size)'")
                }
            }
            reader.diagnostics.append(contentsOf: images.diagnostics)
        }
        if var speech = reader.mapping("speech", context: "generate.speech") {
            speech.warnUnknownKeys(known: speechKeys)
            if let provider = speech.word("provider", as: GenerationSettings.TextProviderKind.self) { settings.speechProvider = provider }
            if let model = speech.string("model") { settings.speechModel = model }
            if let voice = speech.string("voice") { settings.speechVoice = voice }
            reader.diagnostics.append(contentsOf: speech.diagnostics)
        }
        guard var text = reader.mapping("text", context: "generate.text") else { return settings }
        text.warnUnknownKeys(known: textKeys)
        if let provider = text.word("provider", as: GenerationSettings.TextProviderKind.self) { settings.textProvider = provider }
        if let base = text.string("base_url") {
            if base.hasPrefix("https://") || base.hasPrefix("http://") {
                settings.baseURL = base.hasSuffix("/") ? String(base.dropLast()) : base
            } else {
                text.diagnostics.error(text.value("base_url")!.location, "generate.text.base_url must start with https:// or http://; found '\(base)'",
                                       hint: "write the service's API root, like `base_url: https://api.openai.com/v1`")
            }
        }
        if let model = text.string("model") { settings.model = model }
        if let variable = text.string("api_key_env") {
            let valid = variable.first.map { $0 == "_" || ($0.isASCII && $0.isLetter) } == true
                && variable.allSatisfy { $0 == "_" || ($0.isASCII && ($0.isLetter || $0.isNumber)) }
            if valid { settings.apiKeyVariable = variable } else {
                text.diagnostics.error(text.value("api_key_env")!.location,
                                       "generate.text.api_key_env must name an environment variable, like OPENAI_API_KEY",
                                       hint: "put the key itself in that variable, never in a file in the project")
            }
        }
        if let timeout = text.number("timeout", in: 1...3600) { settings.timeout = timeout }
        if let concurrency = text.integer("concurrency", in: 1...64) { settings.concurrency = concurrency }
        if let attempts = text.integer("attempts", in: 1...10) { settings.attempts = attempts }
        if let moderation = text.bool("moderation") { settings.remoteModeration = moderation }
        reader.diagnostics.append(contentsOf: text.diagnostics)
        return settings
    }
}
