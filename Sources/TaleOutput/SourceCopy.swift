import Foundation
import TaleCore

/// An output that is a file copied as it is (a writer's PNG, a derived PNG in the cache), named
/// in the build rather than held in memory: a large library's pictures would otherwise sit in
/// memory until the write. The content's SHA-256, taken when the build read it, is checked when
/// the file is read again, so a picture saved during the build cannot land under the name of its
/// old content. (Another build writing the same derived PNG writes the same bytes, which pass.)
public struct SourceCopy: Sendable, Equatable {
    /// The file.
    public let file: URL
    /// Its size in bytes.
    public let size: Int
    /// The hex SHA-256 of its content as the build read it.
    public let sha256: String
    /// Its modification time when the build read it (seconds and nanoseconds): while it holds,
    /// the file is copied by the kernel without reading it here.
    public let modified: [Int]

    /// A copy of `file`, whose content the build has just read as `bytes`; nil when the file on
    /// disk is not that size (say, the cache could not be written). `sha256` is the bytes' hash
    /// when the caller has it already.
    public init?(_ file: URL, bytes: [UInt8], sha256: String? = nil) {
        guard let state = SourceCopy.state(of: file), state.size == bytes.count else { return nil }
        self.file = file
        size = bytes.count
        self.sha256 = sha256 ?? SHA256.hex(bytes)
        modified = state.modified
    }

    /// A copy of `file`, which holds `size` bytes whose SHA-256 is `sha256` by its name (a blob of
    /// the shared cache, written once); nil when the file is missing or not that size.
    public init?(blob file: URL, size: Int, sha256: String) {
        guard let state = SourceCopy.state(of: file), state.size == size else { return nil }
        self.file = file
        self.size = size
        self.sha256 = sha256
        modified = state.modified
    }

    /// Writes the content the build read to the new file `path` in the folder `root` (a
    /// descriptor; an absolute `path` ignores it); false when the file no longer holds it. An
    /// untouched file is copied by the kernel; a touched one is read and its hash checked.
    public func copy(to path: String, in root: Int32) throws(FileTreeError) -> Bool {
        if untouched {
            try FileTree.copy(file.path, to: path, in: root)
            if untouched { return true }
            unlinkat(root, path, 0)
        }
        guard let bytes = bytes() else { return false }
        try FileTree.create(path, in: root, bytes: bytes)
        return true
    }

    private var untouched: Bool {
        SourceCopy.state(of: file).map { $0.size == size && $0.modified == modified } ?? false
    }

    private static func state(of file: URL) -> (size: Int, modified: [Int])? {
        var info = stat()
        guard stat(file.path, &info) == 0 else { return nil }
        return (Int(info.st_size), [Int(info.st_mtim.tv_sec), Int(info.st_mtim.tv_nsec)])
    }

    /// The file's bytes, when they are still the content the build read.
    public func bytes() -> [UInt8]? {
        guard let data = try? Data(contentsOf: file), data.count == size else { return nil }
        let bytes = Array(data)
        return SHA256.hex(bytes) == sha256 ? bytes : nil
    }
}
