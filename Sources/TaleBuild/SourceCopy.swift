import Foundation

/// An output that is a source file copied as it is (a writer's PNG), named in the build rather
/// than held in memory: a large library's pictures would otherwise sit in memory until the write.
/// The size and modification time seen at render are checked again when the file is copied, so
/// a picture saved during the build cannot land under the name of its old content.
public struct SourceCopy: Sendable, Equatable {
    /// The source file.
    public let file: URL
    /// Its size in bytes when it was read.
    public let size: Int
    /// Its modification time when it was read (seconds and nanoseconds).
    let modified: [Int]

    /// A copy of `file`, as it is now; nil when it cannot be read.
    public init?(_ file: URL) {
        guard let state = SourceCopy.state(of: file) else { return nil }
        self.file = file
        size = state.size
        modified = state.modified
    }

    /// The file's bytes, when it is still as it was.
    public func bytes() -> [UInt8]? {
        guard isUnchanged, let data = try? Data(contentsOf: file), data.count == size else { return nil }
        return Array(data)
    }

    /// Whether the file still has the size and modification time it had when read.
    public var isUnchanged: Bool {
        guard let now = SourceCopy.state(of: file) else { return false }
        return now.size == size && now.modified == modified
    }

    private static func state(of file: URL) -> (size: Int, modified: [Int])? {
        var info = stat()
        guard stat(file.path, &info) == 0 else { return nil }
        return (Int(info.st_size), [Int(info.st_mtim.tv_sec), Int(info.st_mtim.tv_nsec)])
    }
}
