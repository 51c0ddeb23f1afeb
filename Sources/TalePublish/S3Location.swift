/// Where a site is published: `s3://BUCKET/PREFIX`.
public struct S3Location: Sendable, Equatable, CustomStringConvertible {
    /// The bucket's name.
    public var bucket: String
    /// The key prefix, empty or ending in `/`.
    public var prefix: String

    /// Parses `s3://bucket` or `s3://bucket/some/prefix`.
    public init?(_ text: String) {
        guard text.hasPrefix("s3://") else { return nil }
        let rest = text.dropFirst(5)
        let bucket = rest.prefix { $0 != "/" }
        guard !bucket.isEmpty, bucket.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "." || $0 == "_" }) else { return nil }
        var prefix = String(rest.dropFirst(bucket.count)).trimmingSlashes()
        if !prefix.isEmpty { prefix += "/" }
        self.bucket = String(bucket)
        self.prefix = prefix
    }

    /// The object key of a site path.
    public func key(for path: String) -> String { prefix + path }

    /// `s3://bucket/prefix`.
    public var description: String { "s3://\(bucket)/\(prefix)" }
}

extension String {
    func trimmingSlashes() -> String {
        var s = Substring(self)
        while s.first == "/" { s = s.dropFirst() }
        while s.last == "/" { s = s.dropLast() }
        return String(s)
    }
}
