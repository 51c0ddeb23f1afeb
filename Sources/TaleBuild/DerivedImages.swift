import Foundation
import TaleCore
import TaleImage

/// Images the build derives from others (resized variants, social cards, thumbnails, sanitised
/// SVGs), kept in `.tale-cache/derived/` under a hash of what they are made from, so a rebuild does
/// not resize, rasterise or sanitise again. EPUBs (`epub/`) and narration are kept there too. Any
/// entry can be deleted; it is made again when needed. An entry read is touched, and entries no
/// build has read or written for `unusedDays` are removed, once a day (`pruneIfDue`).
struct DerivedImages: Sendable {
    /// Bump when the way images are derived changes, so old entries are not reused.
    static let version = "derived-1"
    /// Entries unused for this many days are removed.
    static let unusedDays = 30
    /// The file whose time says when the cache was last pruned.
    static let prunedStamp = ".pruned"

    let folder: URL

    init(project: URL) { folder = project.appending(path: ".tale-cache/derived") }

    /// The bytes of the cache entry `file`, touched so that pruning knows it is in use; nil when
    /// there is none.
    static func read(_ file: URL) -> Data? {
        guard let data = try? Data(contentsOf: file) else { return nil }
        utimensat(AT_FDCWD, file.path, nil, 0)
        return data
    }

    /// Removes the entries (in the folder and `epub/`) that no build has read or written for
    /// `unusedDays`, when the last pruning was a day or more ago. Returns how many went.
    @discardableResult
    func pruneIfDue(now: Date = Date()) -> Int {
        let stamp = folder.appending(path: DerivedImages.prunedStamp)
        let last = (try? FileManager.default.attributesOfItem(atPath: stamp.path)[.modificationDate] as? Date) ?? .distantPast
        guard now.timeIntervalSince(last) >= 86_400, FileManager.default.fileExists(atPath: folder.path) else { return 0 }
        _ = FileManager.default.createFile(atPath: stamp.path, contents: nil)
        let cutoff = now.addingTimeInterval(-Double(DerivedImages.unusedDays) * 86_400).timeIntervalSince1970
        var removed = 0
        for sub in [folder, folder.appending(path: "epub")] {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: sub.path)) ?? []
            for name in names where name != DerivedImages.prunedStamp {
                var info = stat()
                let path = sub.path + "/" + name
                guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, Double(info.st_mtim.tv_sec) < cutoff else { continue }
                if unlink(path) == 0 { removed += 1 }
            }
        }
        return removed
    }

    /// The PNG for `key` (any text that names the inputs and the parameters), made by `make` when not cached.
    func png(_ key: String, make: () -> PNGImage?) -> DerivedFile? {
        file(key, fileExtension: "png") { make().flatMap { try? $0.encoded() } }
    }

    /// The PNG of a drawing Tale paints, for `key`, made by `make` when not cached; encoded for
    /// flat colours (`encodedDrawing`), and so cached under keys of its own.
    func drawing(_ key: String, make: () -> PNGImage?) -> DerivedFile? {
        file("drawing-png-4 " + key, fileExtension: "png") { make().flatMap { try? $0.encodedDrawing() } }
    }

    /// The file for `key`, with the extension it is published under, made by `make` when not
    /// cached; nil when `make` gives nothing (which is not cached).
    func file(_ key: String, fileExtension: String, make: () -> [UInt8]?) -> DerivedFile? {
        let file = folder.appending(path: SHA256.hex(DerivedImages.version + "\u{0}" + key) + "." + fileExtension)
        if let data = DerivedImages.read(file) { return DerivedFile(bytes: Array(data), file: file, fileExtension: fileExtension) }
        guard let bytes = make() else { return nil }
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try? Data(bytes).write(to: file, options: .atomic)
        return DerivedFile(bytes: bytes, file: file, fileExtension: fileExtension)
    }
}

/// A derived image: its bytes (for its content-hashed name) and the cache file that holds them,
/// which the output copies rather than keeping the bytes in memory.
struct DerivedFile {
    let bytes: [UInt8]
    let file: URL
    /// `png` or `svg`: the extension of its published name.
    let fileExtension: String
}
