import Crypto
import Foundation
import TaleCore

/// A file of the built site, as its manifest describes it.
public struct LocalFile: Sendable, Equatable {
    /// Path from the site root.
    public var path: String
    /// Hex SHA-256 of the content.
    public var sha256: String
    /// Size in bytes.
    public var bytes: Int
    /// Content-Type to send.
    public var contentType: String
    /// Cache-Control to send.
    public var cacheControl: String

    /// Creates a file record.
    public init(path: String, sha256: String, bytes: Int, contentType: String, cacheControl: String) {
        self.path = path
        self.sha256 = sha256
        self.bytes = bytes
        self.contentType = contentType
        self.cacheControl = cacheControl
    }
}

/// The built site on disk: its `tale-manifest.json` and the files it lists.
public struct LocalSite: Sendable {
    /// The site folder (normally `public/`).
    public var folder: URL
    /// Every file to publish, `tale-manifest.json` included, in manifest order.
    public var files: [LocalFile]

    /// Files a host serving pre-compressed siblings wants, but object storage does not negotiate, so they are not published.
    public static func isPublished(_ path: String) -> Bool { !path.hasSuffix(".gz") }

    /// Reads the manifest and checks that every file it lists is there with its hash.
    public static func load(_ folder: URL) throws(PublishError) -> LocalSite {
        let manifestURL = folder.appending(path: "tale-manifest.json")
        guard let data = try? Data(contentsOf: manifestURL) else {
            throw .localSite("no tale-manifest.json in \(folder.path): run `tale build` first, or point --site at a built site")
        }
        guard let manifest = try? JSONDecoder().decode(ManifestFile.self, from: data), manifest.generator == "tale", let entries = manifest.files else {
            throw .localSite("\(manifestURL.path) is not a Tale manifest; run `tale build` again")
        }
        var files: [LocalFile] = []
        for entry in entries {
            guard let entry = entry.value, let path = entry.path, let sha = entry.sha256, let bytes = entry.bytes,
                  let type = entry.content_type, let cache = entry.cache_control else {
                throw .localSite("\(manifestURL.path) has an entry without path, sha256, bytes, content_type or cache_control")
            }
            guard isPublished(path) else { continue }
            files.append(LocalFile(path: path, sha256: sha, bytes: bytes, contentType: type, cacheControl: cache))
        }
        let manifestSHA = SigV4Signer.hex(Crypto.SHA256.hash(data: data))
        files.append(LocalFile(path: "tale-manifest.json", sha256: manifestSHA, bytes: data.count,
                               contentType: "application/json", cacheControl: "no-cache"))
        return LocalSite(folder: folder, files: files)
    }

    /// The bytes of `file`, checked against its hash.
    public func contents(of file: LocalFile) throws(PublishError) -> [UInt8] {
        guard let data = try? Data(contentsOf: folder.appending(path: file.path)) else {
            throw .localSite("\(file.path) is listed in tale-manifest.json but missing; run `tale build` again")
        }
        let bytes = Array(data)
        guard SigV4Signer.hex(Crypto.SHA256.hash(data: bytes)) == file.sha256 else {
            throw .localSite("\(file.path) changed after the build; run `tale build` again before publishing")
        }
        return bytes
    }
}

/// `tale-manifest.json` as read: an entry missing a field, or with one of another type, is
/// reported by `LocalSite.load` as an entry without it.
private struct ManifestFile: Decodable {
    var generator: String?
    /// Each file's line; a line that is not an object has a nil value.
    var files: [Lenient<Fields>]?

    private enum CodingKeys: String, CodingKey { case generator, files }

    init(from decoder: any Decoder) throws {
        let fields = try decoder.container(keyedBy: CodingKeys.self)
        generator = try? fields.decode(String.self, forKey: .generator)
        files = try? fields.decode([Lenient<Fields>].self, forKey: .files)
    }

    struct Fields: Decodable {
        var path, sha256, content_type, cache_control: String?
        var bytes: Int?

        private enum CodingKeys: String, CodingKey { case path, sha256, content_type, cache_control, bytes }

        init(from decoder: any Decoder) throws {
            let fields = try decoder.container(keyedBy: CodingKeys.self)
            func text(_ key: CodingKeys) -> String? { try? fields.decode(String.self, forKey: key) }
            (path, sha256, content_type, cache_control) = (text(.path), text(.sha256), text(.content_type), text(.cache_control))
            bytes = try? fields.decode(Int.self, forKey: .bytes)
        }
    }
}
