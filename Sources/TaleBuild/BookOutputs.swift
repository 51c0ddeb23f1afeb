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
        let hash = SHA256.hex(derived.bytes)
        let path = AssetNames.media(sha256: hash, fileExtension: derived.fileExtension)
        if let copy = SourceCopy(derived.file, bytes: derived.bytes, sha256: hash) { emit(path, copy: copy) } else { emit(path, derived.bytes) }
        return path
    }

    func emit(_ path: String, _ bytes: [UInt8]) {
        PathPolicy.checkOutputPath(path)
        outputs.append((path, bytes))
    }

    func emit(_ path: String, text: String) { emit(path, Array(text.utf8)) }
}
