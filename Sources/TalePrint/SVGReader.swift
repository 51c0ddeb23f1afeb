import Foundation
import TaleHTML
import TaleImage

/// Reads an SVG picture back into a `VectorDrawing`, so print can draw it as vectors: Tale's own
/// illustrations, and writers' SVGs made of basic shapes. Understands rect, circle, ellipse,
/// line, polygon, polyline, path (M L H V Q T C S Z, absolute and relative), text and groups
/// with translate/scale; fills and strokes as colours, with opacity; linear gradients as bands.
/// Filters are left out (print has no turbulence). Anything else is a `SVGReaderError` naming it.
public enum SVGReader {
    /// The drawing in `svg`.
    public static func drawing(_ svg: String) throws(SVGReaderError) -> VectorDrawing {
        let root: XMLTreeNode
        switch XMLTreeNode.parse(svg) {
        case .success(let parsed): root = parsed
        case .failure(let error): throw SVGReaderError(message: "not well-formed SVG: \(error.message)")
        }
        guard root.name == "svg" else { throw SVGReaderError(message: "the root element is <\(root.name)>, not <svg>") }
        let box = (root.attributes["viewBox"] ?? "").split(whereSeparator: { $0 == " " || $0 == "," }).compactMap { Double($0) }
        let width = box.count == 4 ? box[2] : number(root.attributes["width"]) ?? 0
        let height = box.count == 4 ? box[3] : number(root.attributes["height"]) ?? 0
        guard width > 0, height > 0 else { throw SVGReaderError(message: "the SVG has no viewBox or width and height") }
        var reader = Reader(drawing: VectorDrawing(width: width, height: height))
        reader.gradients = gradients(in: root)
        let origin = box.count == 4 ? Transform(dx: -box[0], dy: -box[1]) : Transform()
        try reader.walk(root, transform: origin, inherited: Paint())
        return reader.drawing
    }

    /// Scaling (possibly mirrored) and moving; SVG's rotations and skews are refused.
    struct Transform {
        var sx = 1.0, sy = 1.0, dx = 0.0, dy = 0.0
        /// The scale for lengths that have no direction (stroke widths, radii of circles).
        var scale: Double { (abs(sx) + abs(sy)) / 2 }
        func apply(_ x: Double, _ y: Double) -> Point { Point(x * sx + dx, y * sy + dy) }
        func then(_ inner: Transform) -> Transform { Transform(sx: sx * inner.sx, sy: sy * inner.sy, dx: dx + inner.dx * sx, dy: dy + inner.dy * sy) }
    }

    struct Paint {
        var fill: String? = "#000000", stroke: String?, strokeWidth = 1.0, opacity = 1.0, fillOpacity = 1.0, strokeOpacity = 1.0
    }

    struct Gradient {
        var stops: [RGBA]
        var vertical: Bool
    }

    struct Reader {
        var drawing: VectorDrawing
        var gradients: [String: Gradient] = [:]

        mutating func walk(_ node: XMLTreeNode, transform: Transform, inherited: Paint) throws(SVGReaderError) {
            for child in node.children {
                let paint = SVGReader.paint(child, inherited: inherited)
                let local = transform.then(try SVGReader.transform(child.attributes["transform"]))
                switch child.name {
                case "g", "a": try walk(child, transform: local, inherited: paint)
                case "title", "desc", "defs", "metadata", "linearGradient", "radialGradient", "filter", "style": continue
                default: try shape(child, transform: local, paint: paint)
                }
            }
        }

        mutating func shape(_ node: XMLTreeNode, transform t: Transform, paint: Paint) throws(SVGReaderError) {
            let a = node.attributes
            func v(_ key: String) -> Double { SVGReader.number(a[key]) ?? 0 }
            let outline: Outline
            switch node.name {
            case "rect":
                let corner = v("rx") > 0 ? v("rx") : v("ry")
                let a = t.apply(v("x"), v("y")), b = t.apply(v("x") + v("width"), v("y") + v("height"))
                let x = min(a.x, b.x), y = min(a.y, b.y), width = abs(b.x - a.x), height = abs(b.y - a.y)
                outline = .rect(x: x, y: y, width: width, height: height, corner: corner * t.scale)
                if let gradient = gradient(paint.fill), gradient.vertical, gradient.stops.count > 1, corner == 0 {
                    bands(x: x, y: y, width: width, height: height, gradient, opacity: paint.opacity * paint.fillOpacity)
                    return
                }
            case "circle":
                let center = t.apply(v("cx"), v("cy"))
                outline = .ellipse(cx: center.x, cy: center.y, rx: v("r") * abs(t.sx), ry: v("r") * abs(t.sy))
            case "ellipse":
                let center = t.apply(v("cx"), v("cy"))
                outline = .ellipse(cx: center.x, cy: center.y, rx: v("rx") * abs(t.sx), ry: v("ry") * abs(t.sy))
            case "line":
                outline = .polygon([t.apply(v("x1"), v("y1")), t.apply(v("x2"), v("y2"))], closed: false)
            case "polygon", "polyline":
                let values = (a["points"] ?? "").split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\n" }).compactMap { Double($0) }
                let points = stride(from: 0, to: values.count - 1, by: 2).map { t.apply(values[$0], values[$0 + 1]) }
                outline = .polygon(points, closed: node.name == "polygon")
            case "path":
                for piece in try PathParser.outlines(a["d"] ?? "", transform: t) { add(piece, paint: paint) }
                return
            case "text":
                let at = t.apply(v("x"), v("y"))
                let size = (SVGReader.number(a["font-size"]) ?? 16) * t.scale
                outline = .text(x: at.x, y: at.y, size: size, text: node.text.trimmingCharacters(in: .whitespacesAndNewlines),
                                anchor: a["text-anchor"] ?? "start", weight: a["font-weight"] ?? "normal", family: a["font-family"] ?? "serif")
            case "image":
                throw SVGReaderError(message: "<image> inside an SVG cannot be printed as vectors")
            default:
                throw SVGReaderError(message: "<\(node.name)> is not a shape Tale can print")
            }
            add(outline, paint: paint)
        }

        mutating func add(_ outline: Outline, paint: Paint) {
            let fill = color(paint.fill, opacity: paint.opacity * paint.fillOpacity)
            let stroke = color(paint.stroke, opacity: paint.opacity * paint.strokeOpacity)
            drawing.add(outline, fill: fill, stroke: stroke, strokeWidth: stroke == nil ? 0 : paint.strokeWidth)
        }

        func gradient(_ value: String?) -> Gradient? {
            guard let value, value.hasPrefix("url(#") else { return nil }
            return gradients[String(value.dropFirst(5).dropLast())]
        }

        func color(_ value: String?, opacity: Double) -> RGBA? {
            guard let value else { return nil }
            if let gradient = gradient(value), let first = gradient.stops.first, let last = gradient.stops.last {
                return first.mixed(with: last, 0.5).opacity(opacity)
            }
            return SVGReader.color(value)?.opacity(opacity)
        }

        /// A vertical linear gradient on a rectangle, as 32 bands of interpolated colour.
        mutating func bands(x: Double, y: Double, width: Double, height: Double, _ gradient: Gradient, opacity: Double) {
            let count = 32
            for band in 0..<count {
                let position = (Double(band) + 0.5) / Double(count) * Double(gradient.stops.count - 1)
                let low = min(Int(position), gradient.stops.count - 2)
                let colour = gradient.stops[low].mixed(with: gradient.stops[low + 1], position - Double(low)).opacity(opacity)
                drawing.add(.rect(x: x, y: y + height * Double(band) / Double(count), width: width, height: height / Double(count) + 0.5, corner: 0),
                            fill: colour)
            }
        }
    }

    static func gradients(in node: XMLTreeNode) -> [String: Gradient] {
        var found: [String: Gradient] = [:]
        for child in node.children {
            if child.name == "linearGradient" || child.name == "radialGradient", let id = child.attributes["id"] {
                let stops = child.all("stop").compactMap { stop -> RGBA? in
                    let style = styleMap(stop.attributes["style"])
                    return color(stop.attributes["stop-color"] ?? style["stop-color"] ?? "#000000")
                }
                let vertical = child.name == "linearGradient" && (child.attributes["x1"] ?? "0") == (child.attributes["x2"] ?? "1")
                if !stops.isEmpty { found[id] = Gradient(stops: stops, vertical: vertical) }
            }
            found.merge(gradients(in: child)) { first, _ in first }
        }
        return found
    }

    static func paint(_ node: XMLTreeNode, inherited: Paint) -> Paint {
        var paint = inherited
        var values = node.attributes
        values.merge(styleMap(node.attributes["style"])) { _, style in style }
        if let fill = values["fill"] { paint.fill = fill == "none" ? nil : fill }
        if let stroke = values["stroke"] { paint.stroke = stroke == "none" ? nil : stroke }
        if let width = number(values["stroke-width"]) { paint.strokeWidth = width }
        if let opacity = number(values["opacity"]) { paint.opacity = inherited.opacity * opacity }
        if let opacity = number(values["fill-opacity"]) { paint.fillOpacity = opacity }
        if let opacity = number(values["stroke-opacity"]) { paint.strokeOpacity = opacity }
        return paint
    }

    static func styleMap(_ style: String?) -> [String: String] {
        var map: [String: String] = [:]
        for declaration in (style ?? "").split(separator: ";") {
            let parts = declaration.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if parts.count == 2 { map[parts[0]] = parts[1] }
        }
        return map
    }

    static func transform(_ text: String?) throws(SVGReaderError) -> Transform {
        guard let text, !text.isEmpty else { return Transform() }
        var result = Transform()
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "("), let close = rest.firstIndex(of: ")") {
            let name = rest[..<open].trimmingCharacters(in: .whitespaces.union(CharacterSet(charactersIn: ",")))
            let values = rest[rest.index(after: open)..<close].split(whereSeparator: { $0 == " " || $0 == "," }).compactMap { Double($0) }
            switch name {
            case "translate": result = result.then(Transform(dx: values.first ?? 0, dy: values.count > 1 ? values[1] : 0))
            case "scale" where !values.isEmpty:
                result = result.then(Transform(sx: values[0], sy: values.count > 1 ? values[1] : values[0]))
            case "matrix" where values.count == 6 && values[1] == 0 && values[2] == 0:
                result = result.then(Transform(sx: values[0], sy: values[3], dx: values[4], dy: values[5]))
            default: throw SVGReaderError(message: "the transform '\(text)' is not supported in print (translate and scale are)")
            }
            rest = rest[rest.index(after: close)...]
        }
        return result
    }

    static func number(_ text: String?) -> Double? {
        guard let text else { return nil }
        return Double(text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "px", with: ""))
    }

    /// `#rgb`, `#rrggbb`, `rgb(r,g,b)` or a basic colour name.
    static func color(_ text: String) -> RGBA? {
        let value = text.trimmingCharacters(in: .whitespaces).lowercased()
        let named: [String: RGBA] = ["black": .black, "white": .white, "red": RGBA(255, 0, 0), "green": RGBA(0, 128, 0), "blue": RGBA(0, 0, 255),
                                     "yellow": RGBA(255, 255, 0), "gray": RGBA(128, 128, 128), "grey": RGBA(128, 128, 128), "orange": RGBA(255, 165, 0)]
        if let found = named[value] { return found }
        if value.hasPrefix("#") {
            var hex = String(value.dropFirst())
            if hex.count == 3 { hex = hex.map { "\($0)\($0)" }.joined() }
            guard hex.count == 6, let number = UInt32(hex, radix: 16) else { return nil }
            return RGBA(UInt8(number >> 16 & 255), UInt8(number >> 8 & 255), UInt8(number & 255))
        }
        if value.hasPrefix("rgb(") {
            let parts = value.dropFirst(4).dropLast().split(separator: ",").compactMap { Double($0.trimmingCharacters(in: .whitespaces)) }
            guard parts.count == 3 else { return nil }
            return RGBA(UInt8(max(0, min(255, parts[0]))), UInt8(max(0, min(255, parts[1]))), UInt8(max(0, min(255, parts[2]))))
        }
        return nil
    }
}

/// Why an SVG cannot be printed as vectors.
public struct SVGReaderError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What is wrong.
    public var message: String
    /// The message.
    public var description: String { message }

    /// A failure with `message`.
    public init(message: String) { self.message = message }
}
