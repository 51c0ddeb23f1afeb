import TaleCore

/// `robots.txt` and `manifest.webmanifest`.
public enum WebAppFiles {
    /// Allows everything and names the sitemap when the base URL is absolute.
    public static func robots(urls: SiteURLs) -> String {
        var text = "User-agent: *\nAllow: /\n"
        if urls.isAbsolute { text += "\nSitemap: \(urls.file("sitemap.xml"))\n" }
        return text
    }

    /// One of the manifest's icons.
    public struct Icon: Sendable, Equatable {
        /// The hashed path from the site root.
        public var src: String
        /// `any` for an SVG, `192x192` for a PNG.
        public var sizes: String
        /// Its media type.
        public var type: String
        /// `maskable` for an icon drawn inside the safe zone; nil for `any`.
        public var purpose: String?

        /// Creates an icon entry.
        public init(src: String, sizes: String, type: String, purpose: String? = nil) {
            self.src = src
            self.sizes = sizes
            self.type = type
            self.purpose = purpose
        }
    }

    /// The name under a home-screen icon: the site's title, or as many of its words as fit in 12
    /// characters ("Tale Sample Library" is "Tale Sample"), never ending in a space.
    public static func shortName(_ title: String) -> String {
        let trimmed = title.trimmingCharacters(in: .whitespaces)
        guard trimmed.count > 12 else { return trimmed }
        var name = ""
        for word in trimmed.split(separator: " ") {
            let longer = name.isEmpty ? String(word) : name + " " + word
            if longer.count > 12 { break }
            name = longer
        }
        return name.isEmpty ? String(trimmed.prefix(12)).trimmingCharacters(in: .whitespaces) : name
    }

    /// The web app manifest, listing `icons`.
    public static func manifest(site: SiteConfig, icons: [Icon]) -> String {
        var pairs: [(String, JSONValue)] = [
            ("name", .string(site.title)),
            ("short_name", .string(shortName(site.title))),
            ("description", .string(site.description)),
            ("lang", .string(site.language)),
            ("start_url", .string("./")),
            ("scope", .string("./")),
            ("display", .string("standalone")),
            ("background_color", .string("#fbf6ec")),
            ("theme_color", .string("#b4441c")),
        ]
        if !icons.isEmpty {
            pairs.append(("icons", .array(icons.map { icon in
                var entry: [(String, JSONValue)] = [("src", .string(icon.src)), ("sizes", .string(icon.sizes)), ("type", .string(icon.type))]
                if let purpose = icon.purpose { entry.append(("purpose", .string(purpose))) }
                return .object(entry)
            })))
        }
        return JSONValue.object(pairs).text(indent: 2) + "\n"
    }
}
