import Foundation
import TaleCore
import TaleImage

/// Images the build derives from others (resized variants, social cards, thumbnails, sanitised
/// SVGs), kept in `.tale-cache/derived/` under a hash of what they are made from, so a rebuild does
/// not resize, rasterise or sanitise again. Any entry can be deleted; it is made again when needed.
struct DerivedImages: Sendable {
    /// Bump when the way images are derived changes, so old entries are not reused.
    static let version = "derived-1"

    let folder: URL

    init(project: URL) { folder = project.appending(path: ".tale-cache/derived") }

    /// The PNG for `key` (any text that names the inputs and the parameters), made by `make` when not cached.
    func png(_ key: String, make: () -> PNGImage?) -> DerivedFile? {
        file(key, fileExtension: "png") { make().flatMap { try? $0.encoded() } }
    }

    /// The PNG of a drawing Tale paints, for `key`, made by `make` when not cached; encoded for
    /// flat colours (`encodedDrawing`), and so cached under keys of its own.
    func drawing(_ key: String, make: () -> PNGImage?) -> DerivedFile? {
        file("drawing-png-2 " + key, fileExtension: "png") { make().flatMap { try? $0.encodedDrawing() } }
    }

    /// The file for `key`, with the extension it is published under, made by `make` when not
    /// cached; nil when `make` gives nothing (which is not cached).
    func file(_ key: String, fileExtension: String, make: () -> [UInt8]?) -> DerivedFile? {
        let file = folder.appending(path: SHA256.hex(DerivedImages.version + "\u{0}" + key) + "." + fileExtension)
        if let data = try? Data(contentsOf: file) { return DerivedFile(bytes: Array(data), file: file, fileExtension: fileExtension) }
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
