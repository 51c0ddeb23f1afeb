import TaleImage

extension FuzzTarget {
    /// The most pixels the target decodes: the build's picture budget (`PictureCheck`) is 40 million,
    /// far more than libFuzzer's memory limit allows per input; the header is read either way.
    static let pixelBudget = 4_000_000

    /// The bytes as a PNG picture: its size read from the header, then decoded by libpng within a
    /// budget, as `tale check` reads a writer's picture, and encoded again as the build does.
    public static let png = FuzzTarget(name: "png", input: "a PNG picture") { bytes in
        guard let size = try? PNGImage.size(of: bytes), size.width * size.height <= pixelBudget,
              let image = try? PNGImage(decoding: bytes) else { return }
        precondition(image.pixels.count == image.width * image.height * 4, "decoded \(image.pixels.count) bytes for \(image.width)x\(image.height)")
        _ = try? image.encoded()
    }
}
