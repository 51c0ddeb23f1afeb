import Foundation
import TaleCore
import TaleOutput

/// The shared cache in S3-compatible storage, `s3://bucket/prefix`: `<prefix>records/<key>` and
/// `<prefix>blobs/<digest>`, through Tale's own `S3Client` with `publish`'s credentials. Every
/// write is conditional (`If-None-Match: *`): the first writer of a name wins, and a second is
/// told 412 and drops its copy, which is the same bytes. A blob is written before any record
/// that names it, so a record found means its blobs are there. Blobs are fetched into a local
/// folder (`DirectoryStore`) and checked against their names, since builds copy files from there.
public struct S3Store: SharedStore {
    /// The storage.
    public let client: S3Client
    /// The bucket and prefix.
    public let location: S3Location
    /// Where fetched blobs are kept on this machine.
    public let local: DirectoryStore

    /// A store at `location` through `client`, keeping fetched blobs in `local`.
    public init(client: S3Client, location: S3Location, local: DirectoryStore) {
        self.client = client
        self.location = location
        self.local = local
    }

    /// `s3://bucket/prefix`.
    public var description: String { location.description }

    private func key(_ kind: String, _ name: String) -> String { location.key(for: "\(kind)/\(name)") }

    /// The record's bytes, or nil.
    public func record(_ key: String) async throws(TaleError) -> [UInt8]? {
        try await call("read the cache entry") { () async throws(PublishError) in try await client.get(key: self.key("records", key)) }
    }

    /// Writes the record unless one is there.
    public func putRecord(_ key: String, _ bytes: [UInt8]) async throws(TaleError) {
        _ = try await call("store the cache entry") { () async throws(PublishError) in
            try await client.putIfAbsent(key: self.key("records", key), body: bytes, sha256: SHA256.hex(bytes), contentType: "application/octet-stream")
        }
    }

    /// The digests with no blob in the bucket (one HEAD each; the local folder is not asked, since
    /// another machine needs them in the bucket).
    public func missingBlobs(_ digests: [String]) async throws(TaleError) -> Set<String> {
        var missing: Set<String> = []
        for digest in Set(digests) {
            let found = try await call("look for a cache blob") { () async throws(PublishError) in try await client.metadata(key: self.key("blobs", digest)) }
            if found == nil { missing.insert(digest) }
        }
        return missing
    }

    /// Uploads the blob unless it is there.
    public func putBlob(_ digest: String, bytes: [UInt8]?, copy: SourceCopy?) async throws(TaleError) {
        // A copy's bytes come back only while they are the content the build read.
        guard let content = bytes ?? copy?.bytes() else {
            throw .io(path: copy?.file.path ?? digest, reason: "the file changed during the build, or cannot be read; build again")
        }
        _ = try await call("store a cache blob") { () async throws(PublishError) in
            try await client.putIfAbsent(key: self.key("blobs", digest), body: content, sha256: digest, contentType: "application/octet-stream")
        }
    }

    /// The blob in the local folder, fetched from the bucket first when it is not there; nil when
    /// the bucket has none. A fetched blob whose bytes do not hash to its name is refused.
    public func blobFile(_ digest: String) async throws(TaleError) -> URL? {
        if let file = try await local.blobFile(digest) { return file }
        guard let bytes = try await call("fetch a cache blob", { () async throws(PublishError) in try await client.get(key: self.key("blobs", digest)) }) else {
            return nil
        }
        guard SHA256.hex(bytes) == digest else {
            throw .io(path: key("blobs", digest), reason: "the cache blob's content does not match its name; remove it from the bucket")
        }
        try await local.putBlob(digest, bytes: bytes, copy: nil)
        return try await local.blobFile(digest)
    }

    /// Runs one request, its failure told as what the cache was doing.
    private func call<Value>(_ doing: String, _ body: () async throws(PublishError) -> Value) async throws(TaleError) -> Value {
        do {
            return try await body()
        } catch {
            throw .io(path: location.description, reason: "cannot \(doing): \(error)")
        }
    }
}
