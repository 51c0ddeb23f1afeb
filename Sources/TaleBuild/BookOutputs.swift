import TaleCore
import TaleOutput
import TaleRender

/// What one book's work produced, merged into the context afterwards in book order.
final class BookOutputs {
    var outputs: [(String, [UInt8])] = []
    var copies: [(String, SourceCopy)] = []
    var diagnostics = DiagnosticList()

    func emit(_ path: String, copy: SourceCopy) {
        PathPolicy.checkOutputPath(path)
        copies.append((path, copy))
    }

    /// A derived image under its content-hashed media path (returned), copied from its cache file
    /// when that file holds exactly these bytes.
    func emit(derived: DerivedFile) -> String {
        let media = DerivedMedia(derived)
        emit(media)
        return media.path
    }

    /// A derived image already named (`DerivedMedia`).
    func emit(_ media: DerivedMedia) {
        if let copy = media.copy { emit(media.path, copy: copy) } else { emit(media.path, media.bytes) }
    }

    func emit(_ path: String, _ bytes: [UInt8]) {
        PathPolicy.checkOutputPath(path)
        outputs.append((path, bytes))
    }

    func emit(_ path: String, text: String) { emit(path, Array(text.utf8)) }
}

/// A derived image as the output holds it: its content-hashed media path, and a copy of its cache
/// file when that file holds exactly its bytes (the usual case: the bytes are then let go), or the
/// bytes themselves.
struct DerivedMedia {
    /// `media/<hash>.<ext>`.
    let path: String
    /// The cache file to copy, when it holds the image.
    let copy: SourceCopy?
    /// The image's bytes when there is no copy; empty otherwise.
    let bytes: [UInt8]

    /// Names `derived` by its hash.
    init(_ derived: DerivedFile) {
        let hash = SHA256.hex(derived.bytes)
        path = AssetNames.media(sha256: hash, fileExtension: derived.fileExtension)
        copy = SourceCopy(derived.file, bytes: derived.bytes, sha256: hash)
        bytes = copy == nil ? derived.bytes : []
    }
}
