/// Tale's own table of content types and cache rules for what it writes; nothing is guessed.
public enum ContentTypes {
    /// Content type by lowercase file extension.
    public static let byExtension: [String: String] = [
        "html": "text/html; charset=utf-8", "css": "text/css; charset=utf-8", "js": "text/javascript; charset=utf-8",
        "json": "application/json", "xml": "application/xml", "txt": "text/plain; charset=utf-8",
        "svg": "image/svg+xml", "png": "image/png", "jpg": "image/jpeg", "jpeg": "image/jpeg", "webp": "image/webp",
        "gif": "image/gif", "ico": "image/x-icon", "woff2": "font/woff2", "woff": "font/woff", "ttf": "font/ttf",
        "webmanifest": "application/manifest+json", "epub": "application/epub+zip", "mp3": "audio/mpeg",
        "ogg": "audio/ogg", "wav": "audio/wav", "pdf": "application/pdf", "md": "text/markdown; charset=utf-8",
        "gz": "application/gzip",
    ]

    /// Content type of files known by their whole name.
    public static let byName: [String: String] = ["_headers": "text/plain; charset=utf-8"]

    /// Text types worth a pre-compressed `.gz` sibling.
    public static let compressible: Set<String> = ["html", "css", "js", "json", "xml", "svg", "txt", "webmanifest", "md"]

    /// The content type of `path`, or nil when Tale has no entry for it (a build error: add one).
    public static func of(_ path: String) -> String? {
        if let type = byName[path] { return type }
        let ext = fileExtension(path)
        return ext.isEmpty ? nil : byExtension[ext]
    }

    /// The lowercase extension of `path`, or "".
    public static func fileExtension(_ path: String) -> String {
        // Bytes, not Characters: Substring.contains(String) goes through Foundation and was 5% of a one-edit build.
        let utf8 = path.utf8
        guard let dot = utf8.lastIndex(of: UInt8(ascii: ".")), !utf8[dot...].contains(UInt8(ascii: "/")) else { return "" }
        return String(path[path.index(after: dot)...]).lowercased()
    }

    /// `public, max-age=31536000, immutable` for hashed paths (assets/, media/), `no-cache` for the rest.
    public static func cacheControl(_ path: String) -> String {
        path.hasPrefix("assets/") || path.hasPrefix("media/") ? "public, max-age=31536000, immutable" : "no-cache"
    }
}
