import TaleOutput
import TaleRender

/// `_headers`, the file Netlify and Cloudflare Pages read for per-path headers.
///
/// Both hosts join the values of a header set by two matching rules, so `Cache-Control` is only
/// set by rules that never overlap: hashed `assets/` and `media/` are immutable, and the library,
/// `books/` and each file at the top are `no-cache`. Security headers apply to every path.
public enum HeadersFile {
    /// Security headers for every response.
    public static let securityHeaders: [(String, String)] = [
        ("Content-Security-Policy", ContentSecurityPolicy.header),
        ("X-Content-Type-Options", "nosniff"),
        ("Referrer-Policy", "no-referrer"),
        ("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=()"),
        ("Cross-Origin-Opener-Policy", "same-origin"),
    ]

    /// The file for an output holding `paths`.
    public static func make(paths: [String]) -> String {
        var text = "# Cache and security headers, in the format of Netlify and Cloudflare Pages. Written by Tale.\n"
        func rule(_ pattern: String, _ headers: [(String, String)]) {
            text += pattern + "\n" + headers.map { "  \($0.0): \($0.1)\n" }.joined()
        }
        rule("/*", securityHeaders)
        rule("/assets/*", [("Cache-Control", ContentTypes.cacheControl("assets/"))])
        rule("/media/*", [("Cache-Control", ContentTypes.cacheControl("media/"))])
        rule("/", [("Cache-Control", "no-cache")])
        rule("/books/*", [("Cache-Control", "no-cache")])
        let topFiles = Set(paths.filter { !$0.utf8.contains(UInt8(ascii: "/")) && $0 != "_headers" } + ["tale-manifest.json"]).sorted()
        for path in topFiles { rule("/" + path, [("Cache-Control", ContentTypes.cacheControl(path))]) }
        return text
    }
}
