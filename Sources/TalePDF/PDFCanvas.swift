import TaleImage

/// A rectangle in points, from the page's top-left corner (y grows downwards, as in the layout).
public struct PDFRect: Sendable, Equatable {
    /// The top-left corner.
    public var x: Double, y: Double
    /// The size.
    public var width: Double, height: Double

    /// A rectangle.
    public init(x: Double, y: Double, width: Double, height: Double) {
        self.x = x
        self.y = y
        self.width = width
        self.height = height
    }

    /// The right and bottom edges.
    public var maxX: Double { x + width }
    /// The bottom edge.
    public var maxY: Double { y + height }

    /// This rectangle shrunk by `inset` on every side.
    public func inset(_ inset: Double) -> PDFRect { PDFRect(x: x + inset, y: y + inset, width: width - 2 * inset, height: height - 2 * inset) }

    /// Whether `other` lies wholly inside this rectangle (within a hundredth of a point).
    public func contains(_ other: PDFRect) -> Bool {
        other.x >= x - 0.01 && other.y >= y - 0.01 && other.maxX <= maxX + 0.01 && other.maxY <= maxY + 0.01
    }
}

/// One page's drawing, as PDF content-stream operators. The API takes top-left coordinates in
/// points and turns them into PDF's bottom-left ones.
public struct PDFCanvas {
    /// The page size in points.
    public let width: Double, height: Double
    private(set) var operators = ""
    private(set) var images: [PDFImage] = []
    private(set) var opacities: Set<Int> = []
    private(set) var glyphs: [String: [UInt16: Unicode.Scalar]] = [:]

    /// A blank page.
    public init(width: Double, height: Double) {
        self.width = width
        self.height = height
    }

    /// Fills a rectangle.
    public mutating func fill(_ rect: PDFRect, _ color: RGBA) {
        setFill(color)
        emit("\(n(rect.x)) \(n(height - rect.maxY)) \(n(rect.width)) \(n(rect.height)) re f")
    }

    /// Strokes a rectangle's outline.
    public mutating func stroke(_ rect: PDFRect, _ color: RGBA, width lineWidth: Double) {
        setStroke(color)
        emit("\(n(lineWidth)) w \(n(rect.x)) \(n(height - rect.maxY)) \(n(rect.width)) \(n(rect.height)) re S")
    }

    /// Sets `text` in `font` at `size` points with its baseline at (`x`, `baseline`).
    /// `rotated` turns it a quarter to the left (reading bottom to top) or right (top to bottom, as spines read).
    public mutating func text(_ text: String, font: PDFFont, size: Double, x: Double, baseline: Double, color: RGBA = .black,
                              rotated: Rotation = .none) {
        guard !text.isEmpty else { return }
        var hex = ""
        var used = glyphs[font.name] ?? [:]
        for scalar in text.unicodeScalars {
            let glyph = font.font.glyph(for: scalar) ?? 0
            if glyph != 0, used[glyph] == nil { used[glyph] = scalar }
            hex += PDFString.hex4(glyph)
        }
        glyphs[font.name] = used
        setFill(color)
        let matrix: String
        switch rotated {
        case .none: matrix = "1 0 0 1"
        case .down: matrix = "0 -1 1 0"
        case .up: matrix = "0 1 -1 0"
        }
        emit("BT /\(font.name) \(n(size)) Tf \(matrix) \(n(x)) \(n(height - baseline)) Tm <\(hex)> Tj ET")
    }

    /// Which way a line of text runs.
    public enum Rotation: Sendable {
        /// Left to right.
        case none
        /// Top to bottom (spine text on books from the US and UK).
        case down
        /// Bottom to top.
        case up
    }

    /// Strokes a straight line.
    public mutating func line(from start: (x: Double, y: Double), to end: (x: Double, y: Double), _ color: RGBA, width lineWidth: Double) {
        setStroke(color)
        emit("\(n(lineWidth)) w 1 J \(n(start.x)) \(n(height - start.y)) m \(n(end.x)) \(n(height - end.y)) l S")
    }

    /// Draws an embedded image into `rect`, stretched to it, showing only what lies inside `clip`.
    public mutating func draw(_ image: PDFImage, in rect: PDFRect, clip: PDFRect) {
        if !images.contains(where: { $0.name == image.name }) { images.append(image) }
        emit("q \(n(clip.x)) \(n(height - clip.maxY)) \(n(clip.width)) \(n(clip.height)) re W n "
             + "\(n(rect.width)) 0 0 \(n(rect.height)) \(n(rect.x)) \(n(height - rect.maxY)) cm /\(image.name) Do Q")
    }

    /// Draws a vector drawing with its origin at `origin` and `scale` points per drawing unit,
    /// clipped to `clip`. Every mark becomes PDF paths: no pixels.
    public mutating func draw(_ drawing: VectorDrawing, origin: (x: Double, y: Double), scale: Double, clip: PDFRect) {
        emit("q \(n(clip.x)) \(n(height - clip.maxY)) \(n(clip.width)) \(n(clip.height)) re W n")
        // Drawing units to page points, flipping y: x' = s x + ox, y' = H - oy - s y.
        emit("\(n(scale)) 0 0 \(n(-scale)) \(n(origin.x)) \(n(height - origin.y)) cm 1 J 1 j")
        for mark in drawing.marks { draw(mark) }
        emit("Q")
    }

    private mutating func draw(_ mark: Mark) {
        if case .text = mark.outline { return }  // Text inside drawings is set by the layout in the book's font.
        let fill = mark.fill.flatMap { $0.a > 0 ? $0 : nil }
        let stroke = mark.strokeWidth > 0 ? mark.stroke.flatMap { $0.a > 0 ? $0 : nil } : nil
        guard fill != nil || stroke != nil else { return }
        var closed = true
        var path = ""
        switch mark.outline {
        case .rect(let x, let y, let w, let h, let corner):
            path = corner > 0 ? PDFCanvas.roundedRect(x, y, w, h, min(corner, w / 2, h / 2)) : "\(n(x)) \(n(y)) \(n(w)) \(n(h)) re"
        case .ellipse(let cx, let cy, let rx, let ry):
            path = PDFCanvas.ellipse(cx, cy, rx, ry)
        case .polygon(let points, let isClosed):
            guard let first = points.first else { return }
            path = "\(n(first.x)) \(n(first.y)) m" + points.dropFirst().map { " \(n($0.x)) \(n($0.y)) l" }.joined() + (isClosed ? " h" : "")
            closed = isClosed
        case .curve(let start, let segments, let isClosed):
            path = "\(n(start.x)) \(n(start.y)) m"
            var current = start
            for (control, end) in segments {
                // A quadratic segment as the cubic with the same shape.
                let c1 = Point(current.x + 2 / 3 * (control.x - current.x), current.y + 2 / 3 * (control.y - current.y))
                let c2 = Point(end.x + 2 / 3 * (control.x - end.x), end.y + 2 / 3 * (control.y - end.y))
                path += " \(n(c1.x)) \(n(c1.y)) \(n(c2.x)) \(n(c2.y)) \(n(end.x)) \(n(end.y)) c"
                current = end
            }
            if isClosed { path += " h" }
            closed = isClosed
        case .text:
            return
        }
        var paint = "q "
        let alpha = min(fill?.a ?? 1, stroke?.a ?? 1)
        if alpha < 1 {
            let percent = max(0, min(100, Int((alpha * 100).rounded())))
            opacities.insert(percent)
            paint += "/A\(percent) gs "
        }
        if let fill, closed || stroke == nil { paint += "\(color(fill)) rg " }
        if let stroke { paint += "\(color(stroke)) RG \(n(mark.strokeWidth)) w " }
        let filled = fill != nil && closed
        let op = filled && stroke != nil ? "B" : filled ? "f" : "S"
        emit(paint + path + " " + op + " Q")
    }

    static func ellipse(_ cx: Double, _ cy: Double, _ rx: Double, _ ry: Double) -> String {
        let k = 0.5522847498
        let ox = rx * k, oy = ry * k
        return "\(n(cx + rx)) \(n(cy)) m "
            + "\(n(cx + rx)) \(n(cy + oy)) \(n(cx + ox)) \(n(cy + ry)) \(n(cx)) \(n(cy + ry)) c "
            + "\(n(cx - ox)) \(n(cy + ry)) \(n(cx - rx)) \(n(cy + oy)) \(n(cx - rx)) \(n(cy)) c "
            + "\(n(cx - rx)) \(n(cy - oy)) \(n(cx - ox)) \(n(cy - ry)) \(n(cx)) \(n(cy - ry)) c "
            + "\(n(cx + ox)) \(n(cy - ry)) \(n(cx + rx)) \(n(cy - oy)) \(n(cx + rx)) \(n(cy)) c h"
    }

    static func roundedRect(_ x: Double, _ y: Double, _ w: Double, _ h: Double, _ r: Double) -> String {
        let k = r * (1 - 0.5522847498)
        return "\(n(x + r)) \(n(y)) m \(n(x + w - r)) \(n(y)) l "
            + "\(n(x + w - k)) \(n(y)) \(n(x + w)) \(n(y + k)) \(n(x + w)) \(n(y + r)) c \(n(x + w)) \(n(y + h - r)) l "
            + "\(n(x + w)) \(n(y + h - k)) \(n(x + w - k)) \(n(y + h)) \(n(x + w - r)) \(n(y + h)) c \(n(x + r)) \(n(y + h)) l "
            + "\(n(x + k)) \(n(y + h)) \(n(x)) \(n(y + h - k)) \(n(x)) \(n(y + h - r)) c \(n(x)) \(n(y + r)) l "
            + "\(n(x)) \(n(y + k)) \(n(x + k)) \(n(y)) \(n(x + r)) \(n(y)) c h"
    }

    private mutating func setFill(_ color: RGBA) { emit("\(self.color(color)) rg") }
    private mutating func setStroke(_ color: RGBA) { emit("\(self.color(color)) RG") }
    private func color(_ color: RGBA) -> String { "\(n(Double(color.r) / 255)) \(n(Double(color.g) / 255)) \(n(Double(color.b) / 255))" }
    private mutating func emit(_ line: String) { operators += line + "\n" }
    private static func n(_ value: Double) -> String { PDFNumber.text(value) }
    private func n(_ value: Double) -> String { PDFNumber.text(value) }
}
