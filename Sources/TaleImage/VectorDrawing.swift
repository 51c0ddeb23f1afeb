/// A colour with opacity.
public struct RGBA: Sendable, Equatable, Hashable {
    /// Red, green and blue, 0-255.
    public var r: UInt8, g: UInt8, b: UInt8
    /// Opacity, 0-1.
    public var a: Double

    /// A colour from its parts.
    public init(_ r: UInt8, _ g: UInt8, _ b: UInt8, _ a: Double = 1) {
        self.r = r
        self.g = g
        self.b = b
        self.a = a
    }

    /// `#rrggbb`.
    public var hex: String {
        let digits = Array("0123456789abcdef")
        return "#" + [r, g, b].map { String([digits[Int($0 >> 4)], digits[Int($0 & 15)]]) }.joined()
    }

    /// The same colour with opacity `a`.
    public func opacity(_ a: Double) -> RGBA { RGBA(r, g, b, a) }

    /// Mixed with `other`: 0 keeps this colour, 1 gives the other.
    public func mixed(with other: RGBA, _ amount: Double) -> RGBA {
        func mix(_ x: UInt8, _ y: UInt8) -> UInt8 { UInt8(max(0, min(255, (Double(x) * (1 - amount) + Double(y) * amount).rounded()))) }
        return RGBA(mix(r, other.r), mix(g, other.g), mix(b, other.b), a)
    }

    /// Black and white.
    public static let black = RGBA(0, 0, 0), white = RGBA(255, 255, 255)
}

/// A point in drawing units (the drawing's width and height).
public struct Point: Sendable, Equatable {
    /// Coordinates; y grows downwards, as in SVG.
    public var x: Double, y: Double

    /// A point.
    public init(_ x: Double, _ y: Double) {
        self.x = x
        self.y = y
    }
}

/// The outline of one mark.
public enum Outline: Sendable, Equatable {
    /// A rectangle, with rounded corners of radius `corner`.
    case rect(x: Double, y: Double, width: Double, height: Double, corner: Double)
    /// An ellipse.
    case ellipse(cx: Double, cy: Double, rx: Double, ry: Double)
    /// Straight segments through the points; closed when it is a fill.
    case polygon([Point], closed: Bool)
    /// Quadratic curves from `start`: each segment a control point and an end.
    case curve(start: Point, segments: [(control: Point, end: Point)], closed: Bool)
    /// A line of text (SVG only; the rasteriser leaves text out).
    case text(x: Double, y: Double, size: Double, text: String, anchor: String, weight: String, family: String)

    public static func == (lhs: Outline, rhs: Outline) -> Bool { "\(lhs)" == "\(rhs)" }
}

/// One thing drawn: an outline with a fill and a stroke, and what it depicts.
public struct Mark: Sendable, Equatable {
    /// The shape.
    public var outline: Outline
    /// The fill, if any.
    public var fill: RGBA?
    /// The stroke, if any.
    public var stroke: RGBA?
    /// The stroke's width.
    public var strokeWidth: Double
    /// What the mark depicts, for grouping and tests: `sky`, `ground`, `character:Pip`.
    public var role: String
    /// For a rectangle: the colour the fill fades to at the bottom edge (a smooth vertical gradient).
    public var fade: RGBA?

    /// A mark.
    public init(_ outline: Outline, fill: RGBA? = nil, stroke: RGBA? = nil, strokeWidth: Double = 0, role: String = "", fade: RGBA? = nil) {
        self.outline = outline
        self.fade = fade
        self.fill = fill
        self.stroke = stroke
        self.strokeWidth = strokeWidth
        self.role = role
    }
}

/// A picture as a list of marks, painted in order: written out as SVG, or rasterised to pixels
/// by Tale's own rasteriser (for PNG covers, cards and thumbnails).
public struct VectorDrawing: Sendable, Equatable {
    /// The drawing's size in units (pixels when rasterised at scale 1).
    public var width: Double, height: Double
    /// The marks, back to front.
    public var marks: [Mark] = []

    /// An empty drawing.
    public init(width: Double, height: Double) {
        self.width = width
        self.height = height
    }

    /// Adds a mark.
    public mutating func add(_ outline: Outline, fill: RGBA? = nil, stroke: RGBA? = nil, strokeWidth: Double = 0, role: String = "") {
        marks.append(Mark(outline, fill: fill, stroke: stroke, strokeWidth: strokeWidth, role: role))
    }

    /// Adds a rectangle filled from `top` at its top edge to `bottom` at its bottom edge, smoothly.
    public mutating func gradient(x: Double, y: Double, width: Double, height: Double, top: RGBA, bottom: RGBA, role: String) {
        marks.append(Mark(.rect(x: x, y: y, width: width, height: height, corner: 0), fill: top, role: role, fade: bottom))
    }

    /// Adds every mark of `other`, moved by (`dx`, `dy`) and scaled by `scale` about the origin, then moved.
    public mutating func place(_ other: VectorDrawing, dx: Double, dy: Double, scale: Double, mirrored: Bool = false) {
        func map(_ p: Point) -> Point { Point((mirrored ? other.width - p.x : p.x) * scale + dx, p.y * scale + dy) }
        for mark in other.marks {
            var moved = mark
            moved.strokeWidth *= scale
            switch mark.outline {
            case .rect(let x, let y, let w, let h, let c):
                let corner = map(Point(mirrored ? x + w : x, y))
                moved.outline = .rect(x: corner.x, y: corner.y, width: w * scale, height: h * scale, corner: c * scale)
            case .ellipse(let cx, let cy, let rx, let ry):
                let center = map(Point(cx, cy))
                moved.outline = .ellipse(cx: center.x, cy: center.y, rx: rx * scale, ry: ry * scale)
            case .polygon(let points, let closed):
                moved.outline = .polygon(points.map(map), closed: closed)
            case .curve(let start, let segments, let closed):
                moved.outline = .curve(start: map(start), segments: segments.map { (map($0.control), map($0.end)) }, closed: closed)
            case .text(let x, let y, let size, let text, let anchor, let weight, let family):
                let at = map(Point(x, y))
                moved.outline = .text(x: at.x, y: at.y, size: size * scale, text: text, anchor: anchor, weight: weight, family: family)
            }
            marks.append(moved)
        }
    }
}
