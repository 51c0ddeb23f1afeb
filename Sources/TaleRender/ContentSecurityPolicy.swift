/// The Content-Security-Policy every page carries (as a meta tag) and `_headers` sends: only the
/// site's own origin, no plugins, no `<base>`, no forms, no framing.
public enum ContentSecurityPolicy {
    /// The policy as a meta tag can state it (`frame-ancestors` is ignored there).
    public static let meta = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; media-src 'self'; "
        + "font-src 'self'; connect-src 'self'; worker-src 'self'; manifest-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'"

    /// The policy as an HTTP header, which can also forbid framing.
    public static let header = meta + "; frame-ancestors 'none'"
}
