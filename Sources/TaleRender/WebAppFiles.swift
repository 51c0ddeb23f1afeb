import TaleCore

/// `robots.txt` and `manifest.webmanifest`.
public enum WebAppFiles {
    /// Allows everything and names the sitemap when the base URL is absolute.
    public static func robots(urls: SiteURLs) -> String {
        var text = "User-agent: *\nAllow: /\n"
        if urls.isAbsolute { text += "\nSitemap: \(urls.file("sitemap.xml"))\n" }
        return text
    }

    /// The web app manifest; `icon` is the theme icon's hashed path from the site root.
    public static func manifest(site: SiteConfig, icon: String?) -> String {
        var pairs: [(String, JSONValue)] = [
            ("name", .string(site.title)),
            ("short_name", .string(site.title.count <= 12 ? site.title : String(site.title.prefix(12)))),
            ("description", .string(site.description)),
            ("lang", .string(site.language)),
            ("start_url", .string("./")),
            ("scope", .string("./")),
            ("display", .string("standalone")),
            ("background_color", .string("#fbf6ec")),
            ("theme_color", .string("#b4441c")),
        ]
        if let icon {
            pairs.append(("icons", .array([.object([("src", .string(icon)), ("sizes", .string("any")), ("type", .string("image/svg+xml"))])])))
        }
        return JSONValue.object(pairs).text(indent: 2) + "\n"
    }
}
