/// What a publish will do: uploads in steps, so that nothing is referenced before it exists,
/// the unchanged files it skips, and the stale objects it may delete.
public struct PublishPlan: Sendable, Equatable {
    /// Uploads, one array per step, each sorted by path. Steps run in order; files within a step in parallel.
    public var steps: [[LocalFile]]
    /// Files already there with the same content.
    public var unchanged: [LocalFile]
    /// Keys under the prefix that the site no longer has.
    public var stale: [String]

    /// Every upload in order.
    public var uploads: [LocalFile] { steps.flatMap { $0 } }

    /// Bytes to upload.
    public var uploadBytes: Int { uploads.reduce(0) { $0 + $1.bytes } }

    /// The step a path is uploaded in: immutable assets and media first, then each book's data, then its
    /// pages, then the files beside the library page, then the library page, and `tale-manifest.json` last.
    public static func step(of path: String) -> Int {
        if path.hasPrefix("assets/") || path.hasPrefix("media/") { return 0 }
        if path.hasPrefix("books/") { return path.hasSuffix(".html") ? 2 : 1 }
        if path == "index.html" { return 4 }
        if path == "tale-manifest.json" { return 5 }
        return 3
    }

    /// Whether a path's name holds its content hash, so an object with that key and size is that content.
    public static func isContentAddressed(_ path: String) -> Bool { step(of: path) == 0 }

    /// Keys whose remote hash must be read (HEAD) before planning: present on both sides with the same size
    /// and not content-addressed.
    public static func keysToInspect(_ files: [LocalFile], remote: [String: RemoteObject], location: S3Location) -> [String] {
        files.compactMap { file in
            let key = location.key(for: file.path)
            guard let object = remote[key], object.size == file.bytes, !isContentAddressed(file.path) else { return nil }
            return key
        }
    }

    /// Plans from the local files, the remote listing, and the remote hashes read so far (by key).
    public static func make(_ files: [LocalFile], remote: [String: RemoteObject], remoteSHA256: [String: String],
                            location: S3Location) -> PublishPlan {
        var steps: [[LocalFile]] = Array(repeating: [], count: 6)
        var unchanged: [LocalFile] = []
        for file in files.sorted(by: { $0.path < $1.path }) {
            let key = location.key(for: file.path)
            let same: Bool
            if let object = remote[key], object.size == file.bytes {
                same = isContentAddressed(file.path) || remoteSHA256[key] == file.sha256
            } else {
                same = false
            }
            if same { unchanged.append(file) } else { steps[step(of: file.path)].append(file) }
        }
        let local = Set(files.map { location.key(for: $0.path) })
        let stale = remote.keys.filter { !local.contains($0) }.sorted()
        return PublishPlan(steps: steps.filter { !$0.isEmpty }, unchanged: unchanged, stale: stale)
    }

    /// URL paths a CDN should purge after the uploads: changed files that are not content-addressed,
    /// with folder forms for index pages.
    public func invalidations(location: S3Location) -> [String] {
        var paths: [String] = []
        for file in uploads where !PublishPlan.isContentAddressed(file.path) {
            let urlPath = "/" + location.prefix + file.path
            paths.append(urlPath)
            if urlPath.hasSuffix("/index.html") { paths.append(String(urlPath.dropLast("index.html".count))) }
        }
        return paths.sorted()
    }
}
