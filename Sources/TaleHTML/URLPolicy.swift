/// Which URLs may appear in a book's HTML.
public enum URLPolicy {
    /// The scheme of `url` in lowercase (after dropping spaces and control characters, as browsers do),
    /// or nil for a relative URL.
    public static func scheme(of url: String) -> String? {
        let cleaned = String(url.unicodeScalars.filter { $0.value > 0x20 && $0.value != 0x7f })
        guard let colon = cleaned.firstIndex(of: ":") else { return nil }
        let head = cleaned[..<colon]
        if head.contains(where: { $0 == "/" || $0 == "?" || $0 == "#" }) { return nil }
        return head.lowercased()
    }

    /// Whether a link (`href`) may point here: relative, `#fragment`, http(s) or mailto.
    public static func isSafeLink(_ url: String) -> Bool {
        guard let scheme = scheme(of: url) else { return true }
        return ["http", "https", "mailto"].contains(scheme)
    }

    /// Whether an embedded resource (`src`) may come from here: relative paths only, so a book
    /// never makes a request to another site.
    public static func isLocalResource(_ url: String) -> Bool {
        scheme(of: url) == nil && !url.hasPrefix("//")
    }
}
