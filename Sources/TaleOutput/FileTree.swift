import Foundation
import TaleCore

/// Whole folders of files written and removed through folder descriptors, on every core: a full
/// build writes some 25,000 files, and Foundation's one-file-at-a-time calls spent most of their
/// time resolving paths and copying bytes into `Data`.
public enum FileTree {
    /// Makes every folder that `files` (paths relative to `root`, a folder descriptor) lie in.
    public static func makeFolders(for files: [String], in root: Int32) throws(FileTreeError) {
        var folders: Set<Substring> = []
        for file in files {
            var path = Substring(file)
            while let slash = path.lastIndex(of: "/") {
                path = path[..<slash]
                guard folders.insert(path).inserted else { break }
            }
        }
        // Sorted, a folder comes before the folders inside it.
        for folder in folders.sorted() where mkdirat(root, String(folder), 0o755) != 0 && errno != EEXIST {
            throw FileTreeError(path: String(folder), code: errno)
        }
    }

    /// Runs `write` for every path, a folder's paths on one core at a time (largest folders first),
    /// so two threads seldom add files to one folder at once: they would wait on its lock, which
    /// cost more than the writes; the first failure, or nil.
    public static func forEach(_ paths: [String], _ write: (String) throws(FileTreeError) -> Void) -> FileTreeError? {
        let failures = ParallelMap.map(byFolder(paths)) { group -> FileTreeError? in
            do throws(FileTreeError) {
                for path in group { try write(path) }
                return nil
            } catch {
                return error
            }
        }
        return failures.lazy.compactMap { $0 }.first
    }

    /// `paths` grouped by the folder they are in, the largest group first (ties by first path).
    public static func byFolder(_ paths: [String]) -> [[String]] {
        let groups = Dictionary(grouping: paths) { path in path.lastIndex(of: "/").map { String(path[..<$0]) } ?? "" }
        return groups.values.sorted { $0.count > $1.count || ($0.count == $1.count && $0[0] < $1[0]) }
    }

    /// Writes `bytes` as the new file `path` in the folder `root` (a descriptor); the file must not exist.
    public static func create(_ path: String, in root: Int32, bytes: [UInt8]) throws(FileTreeError) {
        let file = openat(root, path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard file >= 0 else { throw FileTreeError(path: path, code: errno) }
        defer { close(file) }
        let code = bytes.withUnsafeBytes { buffer -> Int32 in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(file, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                offset += written
            }
            return 0
        }
        guard code == 0 else { throw FileTreeError(path: path, code: code) }
    }

    /// Copies the file `source` to the new file `path` in the folder `root`, in the kernel.
    public static func copy(_ source: String, to path: String, in root: Int32) throws(FileTreeError) {
        let input = open(source, O_RDONLY | O_CLOEXEC)
        guard input >= 0 else { throw FileTreeError(path: source, code: errno) }
        defer { close(input) }
        var info = stat()
        guard fstat(input, &info) == 0 else { throw FileTreeError(path: source, code: errno) }
        let file = openat(root, path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard file >= 0 else { throw FileTreeError(path: path, code: errno) }
        defer { close(file) }
        var left = Int(info.st_size)
        while left > 0 {
            let sent = sendfile(file, input, nil, left)
            if sent < 0 {
                if errno == EINTR { continue }
                throw FileTreeError(path: path, code: errno)
            }
            if sent == 0 { break }
            left -= sent
        }
    }

    /// The SHA-256 of the file `path` in the folder `root` (a descriptor), read through `buffer`;
    /// nil when it cannot be read.
    public static func sha256(of path: String, in root: Int32, buffer: inout [UInt8]) -> [UInt8]? {
        let file = openat(root, path, O_RDONLY | O_CLOEXEC)
        guard file >= 0 else { return nil }
        defer { close(file) }
        var hasher = SHA256()
        while true {
            let count = buffer.withUnsafeMutableBytes { read(file, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                return nil
            }
            if count == 0 { return hasher.finalize() }
            buffer.withUnsafeBytes { hasher.update(buffer: UnsafeRawBufferPointer(rebasing: $0[..<count])) }
        }
    }

    /// Removes the folder at `path` and everything in it, its top-level entries split among the
    /// cores; a path that does not exist is not an error. Returns false when something stayed.
    @discardableResult
    public static func remove(_ path: String) -> Bool {
        let root = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard root >= 0 else { return errno == ENOENT || unlink(path) == 0 }
        let entries = names(in: root)
        let removed = ParallelMap.map(entries) { entry in removeEntry(entry.name, isFolder: entry.isFolder, in: root) }
        close(root)
        return removed.allSatisfy { $0 } && rmdir(path) == 0
    }

    /// The names in an open folder (not `.` and `..`), and which are folders as far as the
    /// folder itself tells (`d_type`); the descriptor stays open.
    private static func names(in folder: Int32) -> [(name: String, isFolder: Bool?)] {
        let copy = dup(folder)
        guard copy >= 0, let stream = fdopendir(copy) else {
            if copy >= 0 { close(copy) }
            return []
        }
        defer { closedir(stream) }
        var result: [(name: String, isFolder: Bool?)] = []
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name == "." || name == ".." { continue }
            let type = entry.pointee.d_type
            result.append((name, type == UInt8(DT_UNKNOWN) ? nil : type == UInt8(DT_DIR)))
        }
        return result
    }

    /// Removes `name` in `folder`: a file at once, a folder after its contents.
    private static func removeEntry(_ name: String, isFolder: Bool?, in folder: Int32) -> Bool {
        if isFolder != true, unlinkat(folder, name, 0) == 0 { return true }
        if isFolder == false { return false }
        let inner = openat(folder, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard inner >= 0 else { return false }
        var whole = true
        for entry in names(in: inner) where !removeEntry(entry.name, isFolder: entry.isFolder, in: inner) { whole = false }
        close(inner)
        return whole && unlinkat(folder, name, AT_REMOVEDIR) == 0
    }
}

/// A file or folder the system refused, with its `errno`.
public struct FileTreeError: Error {
    /// The path, relative to the folder it was made in.
    public let path: String
    /// The system's error number.
    public let code: Int32

    /// The system's words for `code`.
    public var reason: String { String(cString: strerror(code)) }
}
