import TaleCore
import TaleImage
import TalePrint

/// The PNG icons home screens ask for, painted by Tale from the theme's `assets/icon.svg`: 192 and
/// 512 px for the web app manifest, a 512 px maskable one (the icon inside the middle 80 %, the safe
/// zone a launcher's mask never cuts), and a 180 px `apple-touch-icon`. Each is painted on the theme
/// colour, so the icon's own rounded corners disappear into a square the device rounds its own way.
enum AppIcons {
    /// One icon to paint: its logical asset path (a template names it `{{assets.icon192_png}}`), its
    /// size in pixels, and whether it is maskable.
    struct Icon: Sendable, Equatable {
        /// Like `assets/icon192.png`.
        var path: String
        /// Width and height in pixels.
        var size: Int
        /// Drawn inside the maskable safe zone.
        var maskable: Bool
    }

    /// The icons, in the order the manifest lists them.
    static let icons = [
        Icon(path: "assets/icon192.png", size: 192, maskable: false),
        Icon(path: "assets/icon512.png", size: 512, maskable: false),
        Icon(path: "assets/iconmaskable.png", size: 512, maskable: true),
        Icon(path: "assets/icon180.png", size: 180, maskable: false),
    ]

    /// The colour under the icon: the manifest's theme colour.
    static let background = "#b4441c"

    /// Each icon's logical path and PNG bytes, painted from `svg` (cached in `derived` by the SVG's
    /// hash); none when the SVG is not one Tale can paint (an `<image>`, text, rotations).
    static func paint(_ svg: [UInt8], derived: DerivedImages) -> [(path: String, bytes: [UInt8])] {
        let text = String(decoding: svg, as: UTF8.self)
        guard let size = SVGSize.of(text), let open = text.range(of: "<svg"), let start = text[open.upperBound...].firstIndex(of: ">"),
              let end = text.range(of: "</svg>", options: .backwards) else { return [] }
        let inner = text[text.index(after: start)..<end.lowerBound]
        let hash = SHA256.hex(svg)
        var painted: [(path: String, bytes: [UInt8])] = []
        for icon in icons {
            // The icon fills the square (or its middle 80 %), centred, on the theme colour.
            let share = icon.maskable ? 0.8 : 1.0
            let scale = share * Double(icon.size) / Double(max(size.width, size.height))
            let dx = (Double(icon.size) - Double(size.width) * scale) / 2, dy = (Double(icon.size) - Double(size.height) * scale) / 2
            let framed = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(icon.size) \(icon.size)\">"
                + "<rect width=\"\(icon.size)\" height=\"\(icon.size)\" fill=\"\(background)\"/>"
                + "<g transform=\"translate(\(dx) \(dy)) scale(\(scale))\">\(inner)</g></svg>"
            let file = derived.drawing("app-icon \(icon.path) \(icon.size) \(icon.maskable) \(hash)") {
                guard let drawing = try? SVGReader.drawing(framed) else { return nil }
                return Rasterizer.render(drawing, width: icon.size, height: icon.size)
            }
            guard let file else { return [] }
            painted.append((icon.path, file.bytes))
        }
        return painted
    }
}
