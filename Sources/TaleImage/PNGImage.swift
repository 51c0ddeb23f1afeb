import CLibPNG
import Foundation

/// An RGBA image, 8 bits a channel, decoded from or encoded to PNG through libpng's simplified API.
public struct PNGImage: Sendable, Equatable {
    /// Width in pixels.
    public var width: Int
    /// Height in pixels.
    public var height: Int
    /// Row-major RGBA bytes, `width * height * 4` of them.
    public var pixels: [UInt8]


    /// An image from raw RGBA pixels.
    public init(width: Int, height: Int, pixels: [UInt8]) {
        precondition(pixels.count == width * height * 4, "RGBA needs width * height * 4 bytes")
        self.width = width
        self.height = height
        self.pixels = pixels
    }

    /// The width and height in a PNG's header, without decoding the pixels.
    public static func size(of data: [UInt8]) throws(PNGError) -> (width: Int, height: Int) {
        var image = png_image()
        image.version = png_uint_32(PNG_IMAGE_VERSION)
        defer { png_image_free(&image) }
        let ok = data.withUnsafeBytes { png_image_begin_read_from_memory(&image, $0.baseAddress, data.count) }
        guard ok != 0 else { throw PNGError(message: message(of: image)) }
        return (Int(image.width), Int(image.height))
    }

    /// Decodes PNG bytes to RGBA. libpng reads `data` until the pixels are finished, so the whole
    /// decode runs inside one `withUnsafeBytes`: an optimised build may free an array right after
    /// its last use, and a pointer kept from an earlier closure then reads freed memory (every
    /// PNG cover failed to decode, "unknown compression method", in release builds only).
    public init(decoding data: [UInt8]) throws(PNGError) {
        let decoded = data.withUnsafeBytes { bytes -> Result<(Int, Int, [UInt8]), PNGError> in
            var image = png_image()
            image.version = png_uint_32(PNG_IMAGE_VERSION)
            guard png_image_begin_read_from_memory(&image, bytes.baseAddress, bytes.count) != 0 else {
                let text = PNGImage.message(of: image)
                png_image_free(&image)
                return .failure(PNGError(message: text))
            }
            image.format = TALE_PNG_FORMAT_RGBA
            let width = Int(image.width), height = Int(image.height)
            guard width > 0, height > 0, width * height <= 100_000_000 else {
                png_image_free(&image)
                return .failure(PNGError(message: "the image is \(width)x\(height) pixels, too large to read"))
            }
            var pixels = [UInt8](repeating: 0, count: width * height * 4)
            let finished = pixels.withUnsafeMutableBytes { png_image_finish_read(&image, nil, $0.baseAddress, 0, nil) }
            let text = PNGImage.message(of: image)
            png_image_free(&image)
            guard finished != 0 else { return .failure(PNGError(message: text)) }
            return .success((width, height, pixels))
        }
        let (width, height, pixels) = try decoded.get()
        self.init(width: width, height: height, pixels: pixels)
    }

    /// Encodes as PNG, letting libpng choose each row's filter (right for photographs).
    public func encoded() throws(PNGError) -> [UInt8] {
        var image = png_image()
        image.version = png_uint_32(PNG_IMAGE_VERSION)
        image.width = png_uint_32(width)
        image.height = png_uint_32(height)
        image.format = TALE_PNG_FORMAT_RGBA
        // One pass into a buffer as large as the PNG can be (measuring first compressed it twice).
        let bound = Int(tale_png_size_max(&image))
        var size = bound, written: Int32 = 0
        let output = [UInt8](unsafeUninitializedCapacity: bound) { buffer, count in
            written = pixels.withUnsafeBytes { png_image_write_to_memory(&image, buffer.baseAddress, &size, 0, $0.baseAddress, 0, nil) }
            count = written != 0 ? size : 0
        }
        let text = PNGImage.message(of: image)
        png_image_free(&image)
        guard written != 0 else { throw PNGError(message: text) }
        return output
    }

    private static func message(of image: png_image) -> String {
        var copy = image.message
        return withUnsafeBytes(of: &copy) { raw in
            String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
        }
    }
}

/// Why a PNG could not be read or written.
public struct PNGError: Error, Equatable, Sendable, CustomStringConvertible {
    /// libpng's message.
    public var message: String
    /// `not a valid PNG: ...`.
    public var description: String { "not a valid PNG: \(message)" }
}
