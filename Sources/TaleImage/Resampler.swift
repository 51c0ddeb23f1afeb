import Foundation

/// Resizes RGBA images with a Lanczos-3 filter, separably (rows, then columns), in premultiplied
/// alpha so edges do not pick up the colour of transparent pixels. When shrinking, the filter is
/// widened by the scale, so every source pixel counts (no aliasing); it never samples nearest-neighbour.
public enum Resampler {
    /// `image` resized to `width` x `height`.
    public static func resize(_ image: PNGImage, width: Int, height: Int) -> PNGImage {
        guard width > 0, height > 0, image.width > 0, image.height > 0 else { return image }
        if width == image.width && height == image.height { return image }
        // Premultiply into doubles.
        var source = [Double](repeating: 0, count: image.width * image.height * 4)
        for i in 0..<(image.width * image.height) {
            let a = Double(image.pixels[i * 4 + 3]) / 255
            for c in 0..<3 { source[i * 4 + c] = Double(image.pixels[i * 4 + c]) * a }
            source[i * 4 + 3] = a * 255
        }
        let horizontal = pass(source, width: image.width, height: image.height, newSize: width, alongRows: true)
        let vertical = pass(horizontal, width: width, height: image.height, newSize: height, alongRows: false)
        var pixels = [UInt8](repeating: 0, count: width * height * 4)
        for i in 0..<(width * height) {
            let a = max(0, min(255, vertical[i * 4 + 3]))
            for c in 0..<3 {
                let value = a > 0 ? vertical[i * 4 + c] / (a / 255) : 0
                pixels[i * 4 + c] = UInt8(max(0, min(255, value.rounded())))
            }
            pixels[i * 4 + 3] = UInt8(a.rounded())
        }
        return PNGImage(width: width, height: height, pixels: pixels)
    }

    /// `image` scaled to `width`, keeping its aspect ratio.
    public static func resize(_ image: PNGImage, width: Int) -> PNGImage {
        let height = max(1, Int((Double(image.height) * Double(width) / Double(image.width)).rounded()))
        return resize(image, width: width, height: height)
    }

    /// `image` scaled and cropped to fill `width` x `height` from its middle.
    public static func cover(_ image: PNGImage, width: Int, height: Int) -> PNGImage {
        let scale = max(Double(width) / Double(image.width), Double(height) / Double(image.height))
        let scaled = resize(image, width: max(width, Int((Double(image.width) * scale).rounded())),
                            height: max(height, Int((Double(image.height) * scale).rounded())))
        let left = (scaled.width - width) / 2, top = (scaled.height - height) / 2
        var pixels = [UInt8](repeating: 0, count: width * height * 4)
        for y in 0..<height {
            let from = ((top + y) * scaled.width + left) * 4
            pixels.replaceSubrange((y * width * 4)..<((y + 1) * width * 4), with: scaled.pixels[from..<(from + width * 4)])
        }
        return PNGImage(width: width, height: height, pixels: pixels)
    }

    static func lanczos(_ x: Double) -> Double {
        if x == 0 { return 1 }
        guard abs(x) < 3 else { return 0 }
        let px = Double.pi * x
        return 3 * sin(px) * sin(px / 3) / (px * px)
    }

    /// One direction of the separable filter.
    private static func pass(_ source: [Double], width: Int, height: Int, newSize: Int, alongRows: Bool) -> [Double] {
        let oldSize = alongRows ? width : height
        let lines = alongRows ? height : width
        let scale = Double(newSize) / Double(oldSize)
        let support = 3 / min(scale, 1)
        // Weights per output position, computed once.
        var taps: [(start: Int, weights: [Double])] = []
        for out in 0..<newSize {
            let center = (Double(out) + 0.5) / scale - 0.5
            let start = max(0, Int((center - support).rounded(.down)))
            let end = min(oldSize - 1, Int((center + support).rounded(.up)))
            var weights: [Double] = []
            for i in start...max(start, end) { weights.append(lanczos((Double(i) - center) * min(scale, 1))) }
            let total = weights.reduce(0, +)
            taps.append((start, total == 0 ? weights : weights.map { $0 / total }))
        }
        let newWidth = alongRows ? newSize : width, newHeight = alongRows ? height : newSize
        var result = [Double](repeating: 0, count: newWidth * newHeight * 4)
        // Flat tap tables and raw buffers: this loop runs for every channel of every output pixel.
        let starts = taps.map(\.start)
        let counts = taps.map(\.weights.count)
        var offsets: [Int] = []
        var flat: [Double] = []
        for tap in taps {
            offsets.append(flat.count)
            flat.append(contentsOf: tap.weights)
        }
        let step = alongRows ? 4 : width * 4
        source.withUnsafeBufferPointer { src in
            result.withUnsafeMutableBufferPointer { dst in
                flat.withUnsafeBufferPointer { weights in
                    for line in 0..<lines {
                        let base = alongRows ? line * width * 4 : line * 4
                        for out in 0..<newSize {
                            var r = 0.0, g = 0.0, b = 0.0, a = 0.0
                            var index = base + starts[out] * step
                            let first = offsets[out]
                            for k in 0..<counts[out] {
                                let weight = weights[first + k]
                                r += src[index] * weight
                                g += src[index + 1] * weight
                                b += src[index + 2] * weight
                                a += src[index + 3] * weight
                                index += step
                            }
                            let target = (alongRows ? line * newWidth + out : out * newWidth + line) * 4
                            dst[target] = r
                            dst[target + 1] = g
                            dst[target + 2] = b
                            dst[target + 3] = a
                        }
                    }
                }
            }
        }
        return result
    }
}
