import Foundation
import TaleCore
import TaleHTML
import TaleImage
import TaleOutput
import TaleRender

/// Turns the images a book embeds into content-addressed files under `media/`: SVGs are
/// sanitised, PNGs are checked and measured, identical images are stored once (their names are their hashes).
struct MediaStore {
    private var cache: [String: ImageView] = [:]
    /// Where resized copies are kept between builds.
    let derived: DerivedImages
    /// The widths of the smaller copies made of a writer's PNG (only those narrower than the original).
    static let variantWidths = [480, 960, 1600]

    init(derived: DerivedImages) { self.derived = derived }

    /// Publishes the image at `url` (already resolved inside the book folder). Problems become
    /// diagnostics at `reference`; nil when the image cannot be used.
    mutating func publish(_ url: URL, reference: AssetReference, alt: String, into sink: BookOutputs) -> ImageView? {
        if var cached = cache[url.path] {
            cached.alt = alt
            return cached
        }
        guard let data = try? Data(contentsOf: url) else {
            sink.diagnostics.error(reference.location, "cannot read image '\(reference.path)'")
            return nil
        }
        var bytes = Array(data)
        let ext = url.pathExtension.lowercased() == "jpeg" ? "jpg" : url.pathExtension.lowercased()
        var width: Int?, height: Int?
        switch ext {
        case "svg":
            // An SVG that needed nothing removed is kept sanitised in the cache, under its content's hash.
            var sanitised: Result<HTMLSanitizer.Result, SVGSanitizerError>?
            let cached = derived.file("sanitised svg \(SVGSanitizer.version) \(SHA256.hex(bytes))", fileExtension: "svg") {
                let result = Result { () throws(SVGSanitizerError) in try SVGSanitizer.sanitize(String(decoding: bytes, as: UTF8.self)) }
                sanitised = result
                guard case .success(let clean) = result, clean.removals.isEmpty else { return nil }
                return Array(clean.html.utf8)
            }
            switch sanitised {
            case .failure(let failure):
                sink.diagnostics.error(reference.location, "image '\(reference.path)': \(failure)",
                                          hint: "export the SVG again from your drawing program as plain SVG")
                return nil
            case .success(let result):
                for removal in result.removals {
                    sink.diagnostics.warning(reference.location, "removed \(removal) from '\(reference.path)'",
                                                hint: "the published image leaves it out; remove it from the file to silence this")
                }
                bytes = Array(result.html.utf8)
            case nil:
                // Without an entry in the cache, the SVG was sanitised above; never publish it unread.
                guard let cached else { return nil }
                bytes = cached.bytes
            }
        case "png":
            do {
                let size = try PNGImage.size(of: bytes)
                (width, height) = (size.width, size.height)
            } catch {
                sink.diagnostics.error(reference.location, "image '\(reference.path)' is \(error)",
                                          hint: "export it again as PNG")
                return nil
            }
        default:
            break
        }
        if ext == "svg", let size = SVGSize.of(String(decoding: bytes, as: UTF8.self)) { (width, height) = (size.width, size.height) }
        let hash = SHA256.hex(bytes)
        let path = AssetNames.media(sha256: hash, fileExtension: ext)
        // A picture published as it is (not a sanitised SVG) is copied from its file when written, not held in memory.
        if ext != "svg", let copy = SourceCopy(url, bytes: bytes, sha256: hash) {
            sink.emit(path, copy: copy)
        } else {
            sink.emit(path, bytes)
        }
        var view = ImageView(path: path, alt: alt, width: width, height: height)
        if ext == "png", let width { view.variants = variants(of: bytes, sha256: hash, width: width, into: sink) }
        cache[url.path] = view
        return view
    }

    /// Smaller copies of a PNG for `srcset`, resized with Lanczos-3.
    private func variants(of bytes: [UInt8], sha256 source: String, width: Int, into sink: BookOutputs) -> [(path: String, width: Int)] {
        var decoded: PNGImage?
        var result: [(path: String, width: Int)] = []
        for target in MediaStore.variantWidths where target < width {
            let made = derived.png("variant \(source) \(target)") {
                if decoded == nil { decoded = try? PNGImage(decoding: bytes) }
                return decoded.map { Resampler.resize($0, width: target) }
            }
            guard let made else { continue }
            result.append((sink.emit(derived: made), target))
        }
        return result
    }
}
