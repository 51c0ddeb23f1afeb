/// Why a publish step failed. Messages never hold credentials.
public enum PublishError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The server answered with an error status (after retries, where they apply).
    case server(key: String, status: Int, code: String, message: String)
    /// No answer (after retries): refused, reset, timed out.
    case transport(key: String, reason: String)
    /// The listing or a response could not be read.
    case malformed(String)
    /// The local site is missing or does not match its manifest.
    case localSite(String)
    /// The arguments or environment do not allow publishing.
    case usage(String)
    /// More deletes than allowed.
    case tooManyDeletes(count: Int, limit: Int)

    /// What happened and what to do.
    public var description: String {
        switch self {
        case .server(let key, let status, let code, let message):
            return "\(key): \(status) \(code)\(message.isEmpty ? "" : ": \(message)")"
        case .transport(let key, let reason):
            return "\(key): \(reason)"
        case .malformed(let what):
            return "unexpected answer from the storage service: \(what)"
        case .localSite(let what):
            return what
        case .usage(let what):
            return what
        case .tooManyDeletes(let count, let limit):
            return "refusing to delete \(count) objects, more than --max-deletes \(limit); nothing was changed. "
                + "Check the bucket and prefix, then raise --max-deletes or pass --force"
        }
    }
}
