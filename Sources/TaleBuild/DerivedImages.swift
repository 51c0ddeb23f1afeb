import Foundation
import TaleCore
import TaleImage

/// PNGs the build derives from others (resized variants, social cards, thumbnails), kept in
/// `.tale-cache/derived/` under a hash of what they are made from, so a rebuild does not resize
/// or rasterise again. Any entry can be deleted; it is made again when needed.
struct DerivedImages: Sendable {
    /// Bump when the way images are derived changes, so old entries are not reused.
    static let version = "derived-1"

    let folder: URL

    init(project: URL) { folder = project.appending(path: ".tale-cache/derived") }

    /// The PNG for `key` (any text that names the inputs and the parameters), made by `make` when not cached.
    func png(_ key: String, make: () -> PNGImage?) -> DerivedPNG? {
        let file = folder.appending(path: SHA256.hex(DerivedImages.version + "\u{0}" + key) + ".png")
        if let data = try? Data(contentsOf: file) { return DerivedPNG(bytes: Array(data), file: file) }
        guard let image = make(), let bytes = try? image.encoded() else { return nil }
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try? Data(bytes).write(to: file, options: .atomic)
        return DerivedPNG(bytes: bytes, file: file)
    }
}

/// A derived PNG: its bytes (for its content-hashed name) and the cache file that holds them,
/// which the output copies rather than keeping the bytes in memory.
struct DerivedPNG {
    let bytes: [UInt8]
    let file: URL
}
