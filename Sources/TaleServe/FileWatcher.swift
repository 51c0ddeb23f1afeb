import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Watches folders (recursively) and files with Linux inotify, and calls `onChange` once for each
/// burst of changes (editors save in several steps: write, rename, chmod), with the paths that
/// changed, or nil when the kernel dropped events and anything may have changed. A watched
/// folder may be missing at first, or removed and made again: it is watched once it appears in
/// the folder of the named files (a writer adds `themes/` to override the theme while serving).
public final class FileWatcher: @unchecked Sendable {
    private let descriptor: Int32
    /// Folders watched with everything below them, whether or not they exist yet.
    private let roots: [URL]
    /// The roots' paths, to notice one being made.
    private let rootPaths: Set<String>
    /// Folders watched only for the named files in them (the project folder, for tale.yaml).
    private let fileFolders: Set<String>
    private let files: Set<String>
    private let quiet: TimeInterval
    private let onChange: @Sendable (Set<String>?) -> Void
    private var watched: [Int32: String] = [:]
    private let lock = NSLock()
    private var pending = false
    private var rescan = false
    /// Paths changed since the last call of `onChange`; nil after an overflow.
    private var changed: Set<String>? = []

    /// Watches every folder under `folders` and the named `files`; `onChange` runs `quiet` seconds after the last event.
    public init(folders: [URL], files: [URL], quiet: TimeInterval = 0.03, onChange: @escaping @Sendable (Set<String>?) -> Void) throws {
        descriptor = inotify_init1(Int32(IN_CLOEXEC))
        guard descriptor >= 0 else { throw CocoaError(.fileReadUnknown) }
        roots = folders
        rootPaths = Set(folders.map(\.standardizedFileURL.path))
        fileFolders = Set(files.map { $0.deletingLastPathComponent().standardizedFileURL.path })
        self.files = Set(files.map(\.lastPathComponent))
        self.quiet = quiet
        self.onChange = onChange
        addWatches()
        Thread.detachNewThread { [self] in readEvents() }
    }

    private static let mask = UInt32(IN_CLOSE_WRITE | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO | IN_MODIFY | IN_DELETE_SELF | IN_ATTRIB)

    /// Adds a watch for every folder under the roots that has none (new folders appear as books are added).
    private func addWatches() {
        lock.lock()
        defer { lock.unlock() }
        let known = Set(watched.values)
        var folders: [String] = Array(fileFolders)
        for root in roots where FileManager.default.fileExists(atPath: root.path) {
            folders.append(root.path)
            if let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isDirectoryKey], options: [.skipsHiddenFiles]) {
                for case let url as URL in walker where (try? url.resourceValues(forKeys: [.isDirectoryKey]).isDirectory) == true {
                    folders.append(url.path)
                }
            }
        }
        for folder in folders where !known.contains(folder) {
            let watch = inotify_add_watch(descriptor, folder, FileWatcher.mask)
            if watch >= 0 { watched[watch] = folder }
        }
    }

    private func readEvents() {
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count <= 0 { if errno == EINTR { continue } else { return } }
            var offset = 0
            var relevant = false
            var newFolder = false
            while offset + 16 <= count {
                let watch = buffer.withUnsafeBytes { $0.load(fromByteOffset: offset, as: Int32.self) }
                let eventMask = buffer.withUnsafeBytes { $0.load(fromByteOffset: offset + 4, as: UInt32.self) }
                let madeFolder = eventMask & UInt32(IN_ISDIR) != 0 && eventMask & UInt32(IN_CREATE | IN_MOVED_TO) != 0
                if madeFolder { newFolder = true }
                let length = Int(buffer.withUnsafeBytes { $0.load(fromByteOffset: offset + 12, as: UInt32.self) })
                let nameBytes = buffer[(offset + 16)..<min(count, offset + 16 + length)].prefix { $0 != 0 }
                let name = String(decoding: nameBytes, as: UTF8.self)
                lock.lock()
                let folder = watched[watch]
                // The kernel dropped this watch (its folder is gone): forget it, so that a folder
                // made again at that path is watched again.
                if eventMask & UInt32(IN_IGNORED) != 0 { watched[watch] = nil }
                lock.unlock()
                // In the project folder itself only the named files count (not public/ or an editor's
                // files), and a watched folder being made there.
                let onlyNamedFiles = folder.map { fileFolders.contains($0) } ?? false
                let madeRoot = madeFolder && folder.map { rootPaths.contains($0 + "/" + name) } == true
                if !name.hasPrefix("."), !onlyNamedFiles || files.contains(name) || madeRoot {
                    relevant = true
                    lock.lock()
                    changed?.insert((folder ?? "") + "/" + name)
                    lock.unlock()
                }
                if eventMask & UInt32(IN_Q_OVERFLOW) != 0 {
                    // Dropped events may have made folders too: look for them all again.
                    relevant = true
                    newFolder = true
                    lock.lock()
                    changed = nil
                    lock.unlock()
                }
                offset += 16 + length
            }
            if newFolder {
                lock.lock()
                rescan = true
                lock.unlock()
            }
            if relevant { schedule() }
        }
    }

    private func schedule() {
        lock.lock()
        let alreadyPending = pending
        pending = true
        lock.unlock()
        guard !alreadyPending else { return }
        DispatchQueue.global().asyncAfter(deadline: .now() + quiet) { [self] in
            lock.lock()
            pending = false
            let needsRescan = rescan
            rescan = false
            let paths = changed
            changed = []
            lock.unlock()
            // Only a new folder needs new watches; walking every folder on each save would slow every reload.
            if needsRescan { addWatches() }
            onChange(paths)
        }
    }
}
