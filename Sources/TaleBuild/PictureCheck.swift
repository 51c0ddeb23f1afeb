import Foundation
import TaleCore
import TaleHTML
import TaleImage

/// Reads a writer's picture whole when the sources are checked, so a picture that is cut short,
/// too large to decode or not what its name says is a located error in `tale check` and
/// `tale build` alike, and never goes out as a cover, a thumbnail, an `og:image` or into an EPUB.
/// A PNG is decoded to its last row by libpng within a pixel budget; an SVG goes through the
/// sanitiser. JPEG, WebP and GIF are published as they are, so only their size is checked.
enum PictureCheck {
    /// The most pixels in one picture: 40 megapixels, 160 MB decoded (a full-bleed print page at
    /// 300 dpi is about 9).
    static let maximumPixels = 40_000_000
    /// The most bytes in one picture file (50 MiB).
    static let maximumBytes = 50 * 1_048_576

    /// The problem with the picture at `url` (shown as `file`, used at `reference`), or nil when it is whole.
    static func problem(at url: URL, file: String, reference: AssetReference) -> Diagnostic? {
        let used = "used at \(reference.location.description)"
        func fail(_ message: String, _ hint: String) -> Diagnostic {
            Diagnostic(.error, at: SourceLocation(file: file), "\(message) (\(used))", hint: hint)
        }
        let size = (try? url.resourceValues(forKeys: [.fileSizeKey]).fileSize) ?? 0
        guard size <= maximumBytes else {
            return fail("the picture is \(size) bytes; Tale takes pictures of at most \(maximumBytes) (50 MiB)",
                        "export it smaller: 3000 pixels across is plenty for a page, even in print")
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            return fail("the picture cannot be read", "check that the file is readable")
        }
        let bytes = Array(data)
        switch url.pathExtension.lowercased() {
        case "png":
            let dimensions: (width: Int, height: Int)
            do { dimensions = try PNGImage.size(of: bytes) } catch {
                return fail("the picture is \(error)", "export it again as PNG")
            }
            guard dimensions.width * dimensions.height <= maximumPixels else {
                return fail("the picture is \(dimensions.width)x\(dimensions.height) pixels; Tale takes pictures of at most \(maximumPixels / 1_000_000) megapixels",
                            "resize it: 3000 pixels across is plenty for a page, even in print")
            }
            do { _ = try PNGImage(decoding: bytes) } catch {
                return fail("the picture is cut short or damaged: \(error)", "export it again as PNG, or copy it again if the copy was interrupted")
            }
        case "svg":
            do { _ = try SVGSanitizer.sanitize(String(decoding: bytes, as: UTF8.self)) } catch {
                return fail("the picture is not SVG Tale can read: \(error)", "export the SVG again from your drawing program as plain SVG")
            }
        default:
            break
        }
        return nil
    }
}
