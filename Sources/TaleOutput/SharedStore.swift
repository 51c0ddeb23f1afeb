import Foundation
import TaleCore

/// Where builds on several machines meet: a store of **records** (a book's results, named by the
/// hash of everything they were made from) and **blobs** (file contents, named by their SHA-256).
/// Every name says what its content is, so an entry is written once and never changed: when two
/// workers write the same name at the same time, one of them wins and the other's bytes, equal by
/// construction, are dropped. A reader sees a whole entry or none.
///
/// Two backings: a folder (`DirectoryStore`, also the local default) and S3 (`S3Store`, in TalePublish).
public protocol SharedStore: Sendable {
    /// Where the store is, for messages (never with a secret).
    var description: String { get }
    /// The record named `key` (64 hex digits), or nil when there is none.
    func record(_ key: String) async throws(TaleError) -> [UInt8]?
    /// Writes the record `key` unless one is there already (the first writer wins).
    func putRecord(_ key: String, _ bytes: [UInt8]) async throws(TaleError)
    /// Which of `digests` (hex SHA-256) the store holds no blob for.
    func missingBlobs(_ digests: [String]) async throws(TaleError) -> Set<String>
    /// Writes the blob `digest`, whose content is `bytes` or the file `copy` names, unless it is there already.
    func putBlob(_ digest: String, bytes: [UInt8]?, copy: SourceCopy?) async throws(TaleError)
    /// A local file holding the blob `digest` (fetched first from a remote store), or nil when the store has none.
    func blobFile(_ digest: String) async throws(TaleError) -> URL?
}

/// A shared store in a folder: `records/<ab>/<key>` and `blobs/<ab>/<digest>`. Each entry is
/// written to a temporary file beside it and then linked to its name with `link(2)`, which fails
/// when the name exists: the first writer's whole file stays, and no reader sees a partial one.
/// A folder on a network file system that honours `link` (NFS does) is shared by machines.
public struct DirectoryStore: SharedStore {
    /// The folder.
    public let folder: URL

    /// A store in `folder` (made when first written).
    public init(folder: URL) { self.folder = folder.standardizedFileURL }

    /// The folder's path.
    public var description: String { folder.path }

    /// The file of `kind`'s entry `name`.
    func file(_ kind: String, _ name: String) -> URL {
        folder.appending(path: "\(kind)/\(name.prefix(2))/\(name)")
    }

    /// The record's bytes, or nil.
    public func record(_ key: String) async throws(TaleError) -> [UInt8]? {
        FileManager.default.contents(atPath: file("records", key).path).map(Array.init)
    }

    /// Links a new record into place unless one is there.
    public func putRecord(_ key: String, _ bytes: [UInt8]) async throws(TaleError) {
        try write(file("records", key)) { temporary throws(FileTreeError) in try FileTree.create(temporary, in: AT_FDCWD, bytes: bytes) }
    }

    /// The digests with no file under `blobs/`.
    public func missingBlobs(_ digests: [String]) async throws(TaleError) -> Set<String> {
        Set(digests.filter { access(file("blobs", $0).path, F_OK) != 0 })
    }

    /// Links a new blob into place unless one is there.
    public func putBlob(_ digest: String, bytes: [UInt8]?, copy: SourceCopy?) async throws(TaleError) {
        let target = file("blobs", digest)
        guard access(target.path, F_OK) != 0 else { return }
        if let bytes {
            try write(target) { temporary throws(FileTreeError) in try FileTree.create(temporary, in: AT_FDCWD, bytes: bytes) }
        } else if let copy {
            // Copied as the output is: by the kernel while the file is as the build read it, else checked by hash.
            var same = true
            try write(target) { temporary throws(FileTreeError) in same = try copy.copy(to: temporary, in: AT_FDCWD) }
            guard same else { throw .io(path: copy.file.path, reason: "the file changed during the build; build again") }
        } else {
            throw .io(path: target.path, reason: "nothing to store in the cache")
        }
    }

    /// The blob's file, when it is there.
    public func blobFile(_ digest: String) async throws(TaleError) -> URL? {
        let target = file("blobs", digest)
        return access(target.path, F_OK) == 0 ? target : nil
    }

    /// Writes `target` once: `make` writes a temporary file (an absolute path, so FileTree's folder
    /// descriptor is not used), then `link(2)` gives it the name. EEXIST means
    /// another writer got there first with the same content, which is fine. There is no `fsync`
    /// (thousands of them would cost a build seconds): after a machine crash an entry may be cut
    /// short, and readers refuse a record that does not decode and a blob of the wrong size.
    func write(_ target: URL, _ make: (String) throws(FileTreeError) -> Void) throws(TaleError) {
        let folder = target.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw .io(path: folder.path, reason: "cannot make the cache folder: \(error.localizedDescription)")
        }
        let temporary = folder.appending(path: ".\(target.lastPathComponent).\(getpid()).\(UInt64.random(in: 0...UInt64.max))")
        defer { unlink(temporary.path) }
        do {
            try make(temporary.path)
        } catch {
            throw .io(path: temporary.path, reason: "cannot write to the cache: \(error.reason)")
        }
        guard link(temporary.path, target.path) == 0 || errno == EEXIST else {
            throw .io(path: target.path, reason: "cannot name the cache entry: \(String(cString: strerror(errno)))")
        }
    }
}
